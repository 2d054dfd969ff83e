// Accounts and roles (reviewer's findings): everyone edits their own name and
// password; rows kept as stored are never « grants »; nobody changes their own
// roles; the network never loses its last network admin. Replayed through
// Payload's REST handlers with real session tokens, asserting what is STORED.
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { refusalOf } from './helpers/refusal'
import { createStaff, createTestSite, startTempCms, type TempCms } from './helpers/tempCms'
import { restClient, type RestOptions } from './helpers/rest'

let cms: TempCms
let payload: Payload
let client: ReturnType<typeof restClient>
type Site = { id: number }
type User = { id: number; email: string }
let marthe: Site
let outaouais: Site
let networkAdmin: User
let martheAdmin: User
let martheCoAdmin: User
let martheEditor: User
const PASSWORD = 'a-long-password-1'
const OWN_ROLES = /Vous ne pouvez pas modifier vos propres rôles/

const idOf = (value: unknown) => (value && typeof value === 'object' ? (value as { id: number }).id : (value as number))
const stored = async (id: number) => {
  const doc = await payload.findByID({ collection: 'users', id, depth: 0, overrideAccess: true })
  return {
    name: doc.name ?? null,
    globalRole: doc.globalRole ?? null,
    memberships: (doc.memberships ?? []).map((m) => [idOf(m.site), m.role] as [number, string]).sort(),
  }
}
const canLogIn = async (email: string, password: string) =>
  payload.login({ collection: 'users', data: { email, password } }).then(
    () => true,
    () => false,
  )

/** Payload's REST handlers, signing in afresh for every request: passwords change here (helpers/rest.ts). */
const rest = (method: string, path: string, options: RestOptions = {}) => client.rest(method, path, options)

beforeAll(async () => {
  cms = await startTempCms()
  payload = cms.payload
  client = restClient(payload, PASSWORD, { cacheTokens: false })
  marthe = (await createTestSite(payload, 'maison-de-marthe')) as Site
  outaouais = (await createTestSite(payload, 'calacs-outaouais')) as Site
  networkAdmin = await payload.create({
    collection: 'users',
    data: { email: 'admin@reseau.example', password: PASSWORD, globalRole: 'network-admin' },
  })
  martheAdmin = await payload.create({
    collection: 'users',
    data: {
      email: 'admin@marthe.example',
      password: PASSWORD,
      name: 'Admin Marthe',
      memberships: [
        { site: marthe.id, role: 'site-admin' },
        { site: outaouais.id, role: 'contributor' },
      ],
    },
  })
  martheCoAdmin = await createStaff(payload, 'coadmin@marthe.example', marthe.id, 'site-admin')
  martheEditor = await createStaff(payload, 'editor@marthe.example', marthe.id, 'site-editor')
})
afterAll(async () => cms?.close())

describe('everyone edits their own name and password', () => {
  it('a site admin changes their own name: saved, roles untouched', async () => {
    const before = await stored(martheAdmin.id)
    const answer = await rest('PATCH', `/users/${martheAdmin.id}`, { user: martheAdmin, body: { name: 'Marie (Marthe)' } })
    expect(answer.status, JSON.stringify(answer.body)).toBe(200)
    expect(await stored(martheAdmin.id)).toEqual({ ...before, name: 'Marie (Marthe)' })
  })

  it('a site admin changes their own password: the new one works, the old one no longer does', async () => {
    const answer = await rest('PATCH', `/users/${martheAdmin.id}`, { user: martheAdmin, body: { password: 'un-nouveau-mot-de-passe-2' } })
    expect(answer.status, JSON.stringify(answer.body)).toBe(200)
    expect(await canLogIn(martheAdmin.email, 'un-nouveau-mot-de-passe-2')).toBe(true)
    expect(await canLogIn(martheAdmin.email, PASSWORD)).toBe(false)
    await payload.update({ collection: 'users', id: martheAdmin.id, data: { password: PASSWORD } })
  })

  it('the admin form sends back the memberships as shown (own account): same rows, any order, no refusal', async () => {
    const before = await stored(martheAdmin.id)
    const answer = await rest('PATCH', `/users/${martheAdmin.id}`, {
      user: martheAdmin,
      body: {
        name: 'Marie',
        memberships: [
          { site: outaouais.id, role: 'contributor' },
          { site: marthe.id, role: 'site-admin' },
        ],
      },
    })
    expect(answer.status, JSON.stringify(answer.body)).toBe(200)
    expect(await stored(martheAdmin.id)).toEqual({ ...before, name: 'Marie' })
  })

  it('a site editor and a network admin change their own name', async () => {
    for (const user of [martheEditor, networkAdmin]) {
      const before = await stored(user.id)
      const answer = await rest('PATCH', `/users/${user.id}`, { user, body: { name: `Nom de ${user.email}` } })
      expect(answer.status, JSON.stringify(answer.body)).toBe(200)
      expect(await stored(user.id)).toEqual({ ...before, name: `Nom de ${user.email}` })
    }
  })

  it('a site admin edits a co-admin’s name on their site: saved, the co-admin keeps their role', async () => {
    const before = await stored(martheCoAdmin.id)
    const answer = await rest('PATCH', `/users/${martheCoAdmin.id}`, { user: martheAdmin, body: { name: 'Co-admin' } })
    expect(answer.status, JSON.stringify(answer.body)).toBe(200)
    // The admin form sends the rows back too: still no « grant ».
    const withRows = await rest('PATCH', `/users/${martheCoAdmin.id}`, {
      user: martheAdmin,
      body: { name: 'Co-administratrice', memberships: [{ site: marthe.id, role: 'site-admin' }] },
    })
    expect(withRows.status, JSON.stringify(withRows.body)).toBe(200)
    expect(await stored(martheCoAdmin.id)).toEqual({ ...before, name: 'Co-administratrice' })
  })
})

describe('granting is still refused where it was', () => {
  it('a site admin cannot make someone site admin, nor turn an existing role into site admin (French refusal)', async () => {
    const before = await stored(martheEditor.id)
    const promote = await rest('PATCH', `/users/${martheEditor.id}`, {
      user: martheAdmin,
      body: { memberships: [{ site: marthe.id, role: 'site-admin' }] },
    })
    expect(promote.status).toBe(403)
    expect(promote.body.errors?.[0]?.message).toMatch(/ne peut attribuer que les rôles/)
    const added = await rest('PATCH', `/users/${martheEditor.id}`, {
      user: martheAdmin,
      body: {
        memberships: [
          { site: marthe.id, role: 'site-editor' },
          { site: marthe.id, role: 'site-admin' },
        ],
      },
    })
    expect(added.status).toBe(403)
    expect(await stored(martheEditor.id)).toEqual(before)
  })

  it('a second site-admin row copied from a stored one is still a grant', async () => {
    const before = await stored(martheCoAdmin.id)
    const doubled = await rest('PATCH', `/users/${martheCoAdmin.id}`, {
      user: martheAdmin,
      body: {
        memberships: [
          { site: marthe.id, role: 'site-admin' },
          { site: marthe.id, role: 'site-admin' },
        ],
      },
    })
    expect(doubled.status).toBe(403)
    expect(await stored(martheCoAdmin.id)).toEqual(before)
  })
})

describe('nobody changes their own roles', () => {
  it('a network admin cannot change their own global role (French refusal, nothing stored)', async () => {
    const second = await payload.create({
      collection: 'users',
      data: { email: 'admin2@reseau.example', password: PASSWORD, globalRole: 'network-admin' },
    })
    for (const globalRole of ['network-editor', null]) {
      const answer = await rest('PATCH', `/users/${networkAdmin.id}`, { user: networkAdmin, body: { globalRole } })
      expect(answer.status).toBe(403)
      expect(answer.body.errors?.[0]?.message).toMatch(OWN_ROLES)
      expect((await stored(networkAdmin.id)).globalRole).toBe('network-admin')
    }
    // Sending the role unchanged is no change.
    const same = await rest('PATCH', `/users/${networkAdmin.id}`, {
      user: networkAdmin,
      body: { globalRole: 'network-admin', name: 'Admin réseau' },
    })
    expect(same.status, JSON.stringify(same.body)).toBe(200)
    await payload.delete({ collection: 'users', id: second.id })
  })

  it('a site admin changing their own memberships through the API is refused in French, nothing stored', async () => {
    const before = await stored(martheAdmin.id)
    const attempts = [
      [{ site: marthe.id, role: 'site-admin' }],
      [
        { site: marthe.id, role: 'site-admin' },
        { site: outaouais.id, role: 'site-admin' },
      ],
      [
        { site: marthe.id, role: 'site-editor' },
        { site: outaouais.id, role: 'contributor' },
      ],
    ]
    for (const memberships of attempts) {
      const answer = await rest('PATCH', `/users/${martheAdmin.id}`, { user: martheAdmin, body: { name: 'Tentative', memberships } })
      expect(answer.status).toBe(403)
      expect(answer.body.errors?.[0]?.message).toMatch(OWN_ROLES)
    }
    expect(await stored(martheAdmin.id)).toEqual(before)
  })

  it('own memberships changed through a trusted call are refused; the refusal does not fire when they stay the same', async () => {
    const before = await stored(martheAdmin.id)
    const changed = payload.update({
      collection: 'users',
      id: martheAdmin.id,
      user: martheAdmin,
      overrideAccess: true,
      data: { memberships: [{ site: marthe.id, role: 'site-admin' }] },
    })
    expect((await refusalOf(changed)).message).toMatch(OWN_ROLES)
    expect(await stored(martheAdmin.id)).toEqual(before)
    await payload.update({
      collection: 'users',
      id: martheAdmin.id,
      user: martheAdmin,
      overrideAccess: true,
      data: {
        name: 'Marie M.',
        memberships: [
          { site: outaouais.id, role: 'contributor' },
          { site: marthe.id, role: 'site-admin' },
        ],
      },
    })
    expect(await stored(martheAdmin.id)).toEqual({ ...before, name: 'Marie M.' })
  })

  it('a site admin cannot give themself a global role', async () => {
    const answer = await rest('PATCH', `/users/${martheAdmin.id}`, { user: martheAdmin, body: { globalRole: 'network-admin' } })
    expect(answer.status).toBeLessThan(500)
    expect((await stored(martheAdmin.id)).globalRole).toBeNull()
  })
})

describe('the network always keeps a network admin', () => {
  const networkAdmins = async () =>
    (await payload.count({ collection: 'users', where: { globalRole: { equals: 'network-admin' } } })).totalDocs

  it('one network admin may demote or delete another, never the last one', async () => {
    const other = await payload.create({
      collection: 'users',
      data: { email: 'autre@reseau.example', password: PASSWORD, globalRole: 'network-admin' },
    })
    const demoted = await rest('PATCH', `/users/${other.id}`, { user: networkAdmin, body: { globalRole: 'network-editor' } })
    expect(demoted.status, JSON.stringify(demoted.body)).toBe(200)
    expect((await stored(other.id)).globalRole).toBe('network-editor')
    await payload.update({ collection: 'users', id: other.id, data: { globalRole: 'network-admin' } })
    const removed = await rest('DELETE', `/users/${other.id}`, { user: networkAdmin })
    expect(removed.status, JSON.stringify(removed.body)).toBe(200)
    expect(await networkAdmins()).toBe(1)
    // The last one cannot delete themself.
    const self = await rest('DELETE', `/users/${networkAdmin.id}`, { user: networkAdmin })
    expect(self.status).toBe(403)
    expect(JSON.stringify(self.body)).toMatch(/dernière administration du réseau|dernier compte/)
    expect(await networkAdmins()).toBe(1)
  })

  it('not even a trusted call (script, seed) demotes or deletes the last network admin (French refusal)', async () => {
    const demote = await refusalOf(payload.update({ collection: 'users', id: networkAdmin.id, data: { globalRole: 'network-editor' } }))
    expect(demote.message).toMatch(/administration du réseau/)
    expect(await refusalOf(payload.update({ collection: 'users', id: networkAdmin.id, data: { globalRole: null } }))).toMatchObject({
      status: 403,
    })
    expect(await refusalOf(payload.delete({ collection: 'users', id: networkAdmin.id }))).toMatchObject({ status: 403 })
    expect((await stored(networkAdmin.id)).globalRole).toBe('network-admin')
    expect(await networkAdmins()).toBe(1)
  })

  it('a bulk delete or bulk demotion of every network admin leaves one', async () => {
    await payload.create({
      collection: 'users',
      data: { email: 'troisieme@reseau.example', password: PASSWORD, globalRole: 'network-admin' },
    })
    expect(await networkAdmins()).toBe(2)
    const demoted = await rest('PATCH', `/users?where[globalRole][equals]=network-admin`, {
      user: networkAdmin,
      body: { globalRole: 'network-editor' },
    })
    expect(demoted.status).toBeLessThan(500)
    expect(await networkAdmins()).toBeGreaterThanOrEqual(1)
    await payload.update({
      collection: 'users',
      where: { email: { equals: 'troisieme@reseau.example' } },
      data: { globalRole: 'network-admin' },
    })
    expect(await networkAdmins()).toBe(2)
    // Documents of a bulk delete run in parallel: one at least is refused.
    const bulk = await payload.delete({ collection: 'users', where: { globalRole: { equals: 'network-admin' } } })
    expect(bulk.errors.length).toBeGreaterThanOrEqual(1)
    expect(bulk.errors[0]!.message).toMatch(/dernière administration du réseau/)
    expect(await networkAdmins()).toBeGreaterThanOrEqual(1)
  })
})
