// The audit trail: who published, unpublished, deleted, changed roles,
// memberships or site settings, and when. Entries are written by the CMS in
// the transaction of the change (a refused or rolled-back change leaves none),
// only for what a person does (system writes such as the seed add nothing),
// and only network admins read them; nobody writes them, in bulk neither.
import { createLocalReq, initTransaction, killTransaction, type Payload, type Where } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AuditLog, News, Page } from '../src/payload-types'
import { createMember, createStaff, createTestSite, startTempCms, type TempCms } from './helpers/tempCms'

let cms: TempCms
let payload: Payload
let siteA: { id: number }
let siteB: { id: number }
type User = Awaited<ReturnType<typeof createStaff>>
let networkAdmin: User
let siteAdmin: User
let editor: User
let contributor: User

const as = (user: User) => ({ user, overrideAccess: false }) as const
const base = { publishedAt: '2026-01-01T00:00:00.000Z' }
const filled = <T>(data: Partial<T>) => data as T
const news = (title: string, extra: Partial<News> = {}) => filled<News>({ ...base, title, originSite: siteA.id, ...extra })

/** Entries as stored (read with overrideAccess), oldest first. */
async function entries(where: Where = {}): Promise<AuditLog[]> {
  const { docs } = await payload.find({ collection: 'audit-log', where, depth: 0, sort: 'id', limit: 1000, pagination: false })
  return docs
}
const count = async () => (await payload.count({ collection: 'audit-log' })).totalDocs
/** The newest entry's id: a test looks at the entries after it (SQLite reuses the id of a deleted document). */
const lastEntry = async () => (await entries()).at(-1)?.id ?? 0
const about = (from: number, collection: string, id: number | string) =>
  entries({ and: [{ id: { greater_than: from } }, { collection: { equals: collection } }, { document: { equals: String(id) } }] })

beforeAll(async () => {
  cms = await startTempCms()
  payload = cms.payload
  siteA = (await createTestSite(payload, 'audit-a', 'Site A')) as { id: number }
  siteB = (await createTestSite(payload, 'audit-b', 'Site B')) as { id: number }
  networkAdmin = await payload.create({
    collection: 'users',
    data: { email: 'network@audit.example', password: 'a-long-password-1', globalRole: 'network-admin' },
  })
  siteAdmin = await createStaff(payload, 'admin@audit.example', siteA.id, 'site-admin')
  editor = await createStaff(payload, 'editor@audit.example', siteA.id, 'site-editor')
  contributor = await createStaff(payload, 'contributor@audit.example', siteA.id, 'contributor')
})
afterAll(async () => cms?.close())

describe('system writes', () => {
  it('the setup above (no user, like the seed) added nothing, nor does a seed-like write', async () => {
    await payload.create({
      collection: 'news',
      data: news('Semence', { _status: 'published' }),
      overrideAccess: true,
      context: { disablePublication: true },
    })
    await payload.update({ collection: 'sites', id: siteA.id, data: { exitUrl: 'https://www.google.com/' } })
    expect(await count()).toBe(0)
  })

  it('a script acting as someone can opt out with context.disableAudit', async () => {
    await payload.create({
      collection: 'news',
      data: news('Import', { _status: 'published' }),
      ...as(editor),
      context: { disableAudit: true },
    })
    expect(await count()).toBe(0)
  })
})

describe('news and pages', () => {
  it('publishing at creation records who, what, which site and when', async () => {
    const from = await lastEntry()
    const before = Date.now()
    const item = await payload.create({ collection: 'news', data: news('Bonne nouvelle', { _status: 'published' }), ...as(editor) })
    const [entry, ...more] = await about(from, 'news', item.id)
    expect(more).toEqual([])
    expect(entry).toMatchObject({
      action: 'published',
      actor: editor.id,
      actorEmail: 'editor@audit.example',
      collection: 'news',
      document: String(item.id),
      title: 'Bonne nouvelle',
      site: siteA.id,
      summary: 'Publication : Actualité « Bonne nouvelle »',
    })
    expect(Date.parse(entry!.at)).toBeGreaterThanOrEqual(before - 1000)
  })

  it('drafts and autosaves are not recorded; publishing, unpublishing and deleting are', async () => {
    const from = await lastEntry()
    const item = await payload.create({ collection: 'news', data: news('Brouillon'), draft: true, ...as(contributor) })
    await payload.update({
      collection: 'news',
      id: item.id,
      data: { title: 'Brouillon 2' },
      draft: true,
      autosave: true,
      ...as(contributor),
    })
    expect(await about(from, 'news', item.id)).toEqual([])

    await payload.update({ collection: 'news', id: item.id, data: { title: 'Publiée', _status: 'published' }, ...as(editor) })
    // A draft saved over the live item changes nothing for readers.
    await payload.update({ collection: 'news', id: item.id, data: { title: 'Correction en cours' }, draft: true, ...as(contributor) })
    // Unpublishing while that draft is the latest version: still a withdrawal of what readers saw.
    await payload.update({ collection: 'news', id: item.id, data: { _status: 'draft' }, ...as(editor) })
    await payload.delete({ collection: 'news', id: item.id, ...as(editor) })

    const log = await about(from, 'news', item.id)
    expect(log.map((e) => [e.action, e.actor, e.site])).toEqual([
      ['published', editor.id, siteA.id],
      ['unpublished', editor.id, siteA.id],
      ['deleted', editor.id, siteA.id],
    ])
    expect(log[0]!.title).toBe('Publiée')
    expect(log[2]!.summary).toMatch(/^Suppression : Actualité « /)
  })

  it('deleting in bulk records each item', async () => {
    const from = await lastEntry()
    const one = await payload.create({ collection: 'news', data: news('Lot 1', { _status: 'published' }), overrideAccess: true })
    const two = await payload.create({ collection: 'news', data: news('Lot 2'), draft: true, overrideAccess: true })
    await payload.delete({ collection: 'news', where: { id: { in: [one.id, two.id] } }, ...as(editor) })
    expect((await about(from, 'news', one.id)).map((e) => [e.action, e.details])).toEqual([['deleted', { wasPublished: true }]])
    expect((await about(from, 'news', two.id)).map((e) => [e.action, e.details])).toEqual([['deleted', { wasPublished: false }]])
  })

  it('pages too, with their site', async () => {
    const from = await lastEntry()
    const page = await payload.create({
      collection: 'pages',
      data: filled<Page>({ title: 'À propos', site: siteA.id, _status: 'published' }),
      ...as(editor),
    })
    await payload.update({ collection: 'pages', id: page.id, data: { _status: 'draft' }, ...as(editor) })
    expect((await about(from, 'pages', page.id)).map((e) => [e.action, e.title, e.site, e.summary])).toEqual([
      ['published', 'À propos', siteA.id, 'Publication : Page « À propos »'],
      ['unpublished', 'À propos', siteA.id, 'Retrait de la publication : Page « À propos »'],
    ])
  })

  it('restoring a version is recorded with what it did for readers', async () => {
    const from = await lastEntry()
    const page = await payload.create({
      collection: 'pages',
      data: filled<Page>({ title: 'Version 1', site: siteA.id, _status: 'published' }),
      overrideAccess: true,
    })
    await payload.update({ collection: 'pages', id: page.id, data: { _status: 'draft' }, overrideAccess: true })
    const { docs } = await payload.findVersions({
      collection: 'pages',
      where: { and: [{ parent: { equals: page.id } }, { 'version._status': { equals: 'published' } }] },
      depth: 0,
    })
    // The site has a pending publication: the restore adds its reason to it (lib/innerReq.ts).
    await payload.restoreVersion({ collection: 'pages', id: docs[0]!.id, ...as(editor) })
    const [entry, ...more] = await about(from, 'pages', page.id)
    expect(more).toEqual([])
    expect(entry).toMatchObject({
      action: 'restored-version',
      actor: editor.id,
      site: siteA.id,
      summary: 'Restauration d’une version : Page « Version 1 » (le document est publié)',
      details: { version: String(docs[0]!.id), before: 'draft', after: 'published' },
    })
  })
})

describe('accounts', () => {
  it('a site admin changing a role on their site records the memberships before and after, other sites included', async () => {
    const from = await lastEntry()
    const person = await createMember(payload, 'two-sites@audit.example', [
      { site: siteA.id, role: 'contributor' },
      { site: siteB.id, role: 'site-editor' },
    ])
    // The site admin only sees (and sends back) the row on their own site.
    const seen = await payload.findByID({ collection: 'users', id: person.id, depth: 0, ...as(siteAdmin) })
    expect(seen.memberships?.map((m) => m.site)).toEqual([siteA.id])
    await payload.update({
      collection: 'users',
      id: person.id,
      data: { memberships: [{ site: siteA.id, role: 'site-editor' }] },
      ...as(siteAdmin),
    })

    const [entry, ...more] = await about(from, 'users', person.id)
    expect(more).toEqual([])
    expect(entry).toMatchObject({
      action: 'memberships-changed',
      actor: siteAdmin.id,
      title: 'two-sites@audit.example',
      site: siteA.id,
      details: {
        added: ['Site A : Édition du site'],
        removed: ['Site A : Contribution (brouillons)'],
      },
    })
    const details = entry!.details as { before: string[]; after: string[] }
    expect([...details.before].sort()).toEqual(['Site A : Contribution (brouillons)', 'Site B : Édition du site'])
    expect([...details.after].sort()).toEqual(['Site A : Édition du site', 'Site B : Édition du site'])
    expect(entry!.summary).toBe('Accès de « two-sites@audit.example » : + Site A : Édition du site ; − Site A : Contribution (brouillons)')
  })

  it('saving an account without changing roles records nothing', async () => {
    const before = await count()
    await payload.update({ collection: 'users', id: contributor.id, data: { name: 'Contributrice' }, ...as(siteAdmin) })
    await payload.update({
      collection: 'users',
      id: contributor.id,
      data: { memberships: [{ site: siteA.id, role: 'contributor' }] },
      ...as(siteAdmin),
    })
    expect(await count()).toBe(before)
  })

  it('creating an account, changing its network role and deleting it are recorded', async () => {
    const from = await lastEntry()
    const person = await payload.create({
      collection: 'users',
      data: { email: 'new@audit.example', password: 'a-long-password-1', memberships: [{ site: siteA.id, role: 'contributor' }] },
      ...as(siteAdmin),
    })
    await payload.update({ collection: 'users', id: person.id, data: { globalRole: 'network-editor' }, ...as(networkAdmin) })
    await payload.delete({ collection: 'users', id: person.id, ...as(networkAdmin) })
    const log = await about(from, 'users', person.id)
    expect(log.map((e) => [e.action, e.actor, e.title])).toEqual([
      ['account-created', siteAdmin.id, 'new@audit.example'],
      ['roles-changed', networkAdmin.id, 'new@audit.example'],
      ['account-deleted', networkAdmin.id, 'new@audit.example'],
    ])
    expect(log[0]!.details).toEqual({ globalRole: null, memberships: ['Site A : Contribution (brouillons)'] })
    expect(log[1]!.details).toEqual({ before: null, after: 'network-editor' })
    expect(log[1]!.summary).toBe('Rôle dans le réseau de « new@audit.example » : aucun → Communication du réseau (CLES)')
  })

  it('an entry outlives the account that acted: the e-mail stays', async () => {
    const from = await lastEntry()
    const gone = await createStaff(payload, 'leaving@audit.example', siteA.id, 'site-editor')
    const item = await payload.create({ collection: 'news', data: news('Avant le départ', { _status: 'published' }), ...as(gone) })
    await payload.delete({ collection: 'users', id: gone.id })
    const [entry] = await about(from, 'news', item.id)
    expect(entry).toMatchObject({ action: 'published', actor: null, actorEmail: 'leaving@audit.example' })
  })
})

describe('sites', () => {
  it('records which settings a site admin changed, with old and new values', async () => {
    const from = await lastEntry()
    await payload.update({
      collection: 'sites',
      id: siteA.id,
      data: { exitUrl: 'https://meteo.gc.ca/', contact: { phone: '514 555-0000' } },
    })
    await payload.update({
      collection: 'sites',
      id: siteA.id,
      data: { exitUrl: 'https://www.google.ca/', contact: { phone: '514 555-0101' } },
      ...as(siteAdmin),
    })
    const [entry, ...more] = await about(from, 'sites', siteA.id)
    expect(more).toEqual([])
    expect(entry).toMatchObject({ action: 'site-settings-changed', actor: siteAdmin.id, site: siteA.id, title: 'Site A' })
    const changes = (entry!.details as { changes: { path: string; before?: string; after?: string }[] }).changes
    expect(changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'exitUrl', before: 'https://meteo.gc.ca/', after: 'https://www.google.ca/' }),
        expect.objectContaining({ path: 'contact.phone', before: '514 555-0000', after: '514 555-0101' }),
      ]),
    )
    expect(changes).toHaveLength(2)
    // Saving without a change adds nothing.
    await payload.update({ collection: 'sites', id: siteA.id, data: { exitUrl: 'https://www.google.ca/' }, ...as(siteAdmin) })
    expect(await about(from, 'sites', siteA.id)).toHaveLength(1)
  })
})

describe('who reads and writes the log', () => {
  const readAs = (user?: User) =>
    payload.find({ collection: 'audit-log', depth: 0, overrideAccess: false, ...(user ? { user } : {}) }).then(
      (r) => r.docs,
      () => [],
    )

  it('network admins read it; site admins, editors, contributors and anonymous readers get nothing', async () => {
    const total = await count()
    expect(total).toBeGreaterThan(0)
    expect(await readAs(networkAdmin)).toHaveLength(Math.min(total, 10))
    for (const user of [siteAdmin, editor, contributor, undefined]) expect(await readAs(user)).toEqual([])
    const [first] = await entries()
    await expect(payload.findByID({ collection: 'audit-log', id: first!.id, ...as(siteAdmin) })).rejects.toThrow()
    await expect(payload.findByID({ collection: 'audit-log', id: first!.id, overrideAccess: false })).rejects.toThrow()
  })

  it('the newest entry comes first', async () => {
    const dates = (await readAs(networkAdmin)).map((e) => Date.parse(e.at))
    expect(dates).toEqual([...dates].sort((a, b) => b - a))
    expect(dates[0]).toBe(Math.max(...(await entries()).map((e) => Date.parse(e.at))))
  })

  it('nobody creates, edits or deletes an entry, one by one or in bulk, network admins included', async () => {
    const [first] = await entries()
    const total = await count()
    for (const user of [networkAdmin, siteAdmin, editor]) {
      await expect(
        payload.create({
          collection: 'audit-log',
          data: { at: new Date().toISOString(), action: 'published', summary: 'Faux' },
          ...as(user),
        }),
      ).rejects.toThrow()
      await expect(payload.update({ collection: 'audit-log', id: first!.id, data: { summary: 'Effacé' }, ...as(user) })).rejects.toThrow()
      await expect(payload.delete({ collection: 'audit-log', id: first!.id, ...as(user) })).rejects.toThrow()
      const bulkUpdate = await payload
        .update({ collection: 'audit-log', where: { id: { exists: true } }, data: { summary: 'Effacé' }, ...as(user) })
        .catch(() => null)
      expect(bulkUpdate?.docs ?? []).toEqual([])
      const bulkDelete = await payload.delete({ collection: 'audit-log', where: { id: { exists: true } }, ...as(user) }).catch(() => null)
      expect(bulkDelete?.docs ?? []).toEqual([])
    }
    await expect(
      payload.create({ collection: 'audit-log', data: { at: new Date().toISOString(), action: 'published' }, overrideAccess: false }),
    ).rejects.toThrow()
    expect(await count()).toBe(total)
    expect((await entries()).find((e) => e.id === first!.id)).toEqual(first)
  })
})

describe('a change that does not happen leaves no entry', () => {
  it('refused by access or by a guard', async () => {
    const total = await count()
    await expect(
      payload.create({ collection: 'news', data: news('Tentative', { _status: 'published' }), ...as(contributor) }),
    ).rejects.toThrow()
    const live = await payload.create({ collection: 'news', data: news('En ligne', { _status: 'published' }), overrideAccess: true })
    await expect(payload.update({ collection: 'news', id: live.id, data: { _status: 'draft' }, ...as(contributor) })).rejects.toThrow()
    await expect(payload.delete({ collection: 'users', id: contributor.id, ...as(siteAdmin) })).rejects.toThrow()
    await expect(
      payload.update({
        collection: 'users',
        id: contributor.id,
        data: { memberships: [{ site: siteA.id, role: 'site-admin' }] },
        ...as(siteAdmin),
      }),
    ).rejects.toThrow()
    await expect(
      payload.update({ collection: 'sites', id: siteB.id, data: { exitUrl: 'https://example.com/' }, ...as(siteAdmin) }),
    ).rejects.toThrow()
    expect(await count()).toBe(total)
  })

  it('rolled back after the entry was written: the entry goes with it', async () => {
    // Each write is one transaction on SQLite too (src/lib/database.ts), as on MongoDB replica sets.
    const from = await lastEntry()
    const item = await payload.create({ collection: 'news', data: news('Annulée'), draft: true, overrideAccess: true })
    const req = await createLocalReq({ user: { ...editor, collection: 'users' } as never }, payload)
    expect(await initTransaction(req)).toBe(true)
    await payload.update({ collection: 'news', id: item.id, data: { _status: 'published' }, overrideAccess: false, req })
    // Inside the transaction the entry is there…
    expect((await payload.find({ collection: 'audit-log', where: { id: { greater_than: from } }, req })).docs.map((e) => e.action)).toEqual(
      ['published'],
    )
    await killTransaction(req)
    // …and it is gone with the change.
    expect((await payload.findByID({ collection: 'news', id: item.id, depth: 0 }))._status).toBe('draft')
    expect(await about(from, 'news', item.id)).toEqual([])
  })
})
