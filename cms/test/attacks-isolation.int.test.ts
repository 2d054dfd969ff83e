// Attacks on site isolation and reader privacy found against a running CMS
// (issue 10, items 3–9), replayed as the attacker through Payload's REST
// handlers (the real routes, with a session token) or the Local API with
// `overrideAccess: false`, asserting what is STORED afterwards, not only the
// status code.
import { readdirSync } from 'node:fs'
import type { Payload } from 'payload'
import fc from 'fast-check'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { storedFileName } from '../src/lib/sniffUpload'
import { richText, upload } from '../src/seed/lexical'
import { restClient, type RestOptions } from './helpers/rest'
import { createStaff, createTestSite, startTempCms, type TempCms } from './helpers/tempCms'

let cms: TempCms
let payload: Payload
type Site = { id: number }
type User = Awaited<ReturnType<typeof createStaff>>
let hub: Site
let marthe: Site
let outaouais: Site
let networkAdmin: User
let comms: User
let martheAdmin: User
let martheEditor: User
let martheContrib: User
let outaouaisEditor: User
let client: ReturnType<typeof restClient>
const PASSWORD = 'a-long-password-1'

const system = { overrideAccess: true, context: { disablePublication: true } } as const
const as = (user: User) => ({ user, overrideAccess: false }) as const
const idOf = (value: unknown) => (value && typeof value === 'object' ? (value as { id: number }).id : (value as number))

/** Payload's REST handlers, signed in with a real session token (helpers/rest.ts). */
const rest = (method: string, path: string, options: RestOptions = {}) => client.rest(method, path, options)

const publishedNews = (title: string, originSite: number, extra: Record<string, unknown> = {}) =>
  payload.create({
    ...system,
    collection: 'news',
    data: { title, originSite, publishedAt: '2026-01-01T00:00:00.000Z', _status: 'published', ...extra } as never,
  })
type Stored = Record<string, unknown>
const live = async (collection: 'news' | 'pages', id: number) =>
  (await payload.findByID({ ...system, collection, id, depth: 0, draft: false })) as unknown as Stored
const latest = async (collection: 'news' | 'pages', id: number) =>
  (await payload.findByID({ ...system, collection, id, depth: 0, draft: true })) as unknown as Stored

beforeAll(async () => {
  cms = await startTempCms()
  payload = cms.payload
  client = restClient(payload, PASSWORD)
  hub = (await createTestSite(payload, 'cles')) as Site
  await payload.update({ collection: 'sites', id: hub.id, data: { isHub: true } })
  marthe = (await createTestSite(payload, 'maison-de-marthe')) as Site
  outaouais = (await createTestSite(payload, 'calacs-outaouais')) as Site
  networkAdmin = await payload.create({
    collection: 'users',
    data: { email: 'admin@reseau.example', password: PASSWORD, globalRole: 'network-admin' },
  })
  comms = await payload.create({
    collection: 'users',
    data: { email: 'comms@cles.example', password: PASSWORD, globalRole: 'network-editor' },
  })
  martheAdmin = await createStaff(payload, 'admin@marthe.example', marthe.id, 'site-admin')
  martheEditor = await createStaff(payload, 'editor@marthe.example', marthe.id, 'site-editor')
  martheContrib = await createStaff(payload, 'contrib@marthe.example', marthe.id, 'contributor')
  outaouaisEditor = await createStaff(payload, 'editor@outaouais.example', outaouais.id, 'site-editor')
})
afterAll(async () => cms?.close())

describe('3b. a save without _status never changes what is published', () => {
  it('a PATCH without _status on a published item with a newer draft keeps it published, as it was', async () => {
    const item = await publishedNews('Version en ligne', marthe.id)
    await payload.update({ ...system, collection: 'news', id: item.id, draft: true, data: { title: 'Brouillon en cours' } })
    for (const user of [martheContrib, martheEditor]) {
      const answer = await rest('PATCH', `/news/${item.id}`, { user, body: { excerpt: `Retouche de ${user.email}` } })
      expect(answer.status).toBeLessThan(500)
      const stored = await live('news', item.id)
      expect(stored._status).toBe('published')
      expect(stored.title).toBe('Version en ligne')
      expect(stored.excerpt ?? null).toBeNull()
    }
    // Nothing of the pending draft is lost either.
    expect((await latest('news', item.id)).title).toBe('Brouillon en cours')
  })

  it('a contributor’s PATCH without _status never changes the live content of a published item or page', async () => {
    const item = await publishedNews('Titre en ligne', marthe.id)
    const page = await payload.create({
      ...system,
      collection: 'pages',
      data: { title: 'Page en ligne', site: marthe.id, _status: 'published' } as never,
    })
    await rest('PATCH', `/news/${item.id}`, { user: martheContrib, body: { title: 'Titre piraté' } })
    await rest('PATCH', `/pages/${page.id}`, { user: martheContrib, body: { title: 'Page piratée' } })
    expect(await live('news', item.id)).toMatchObject({ _status: 'published', title: 'Titre en ligne' })
    expect(await live('pages', page.id)).toMatchObject({ _status: 'published', title: 'Page en ligne' })
  })

  it('a bulk PATCH without _status by a contributor leaves every published item of the site online and unchanged', async () => {
    const a = await publishedNews('Premier en ligne', marthe.id)
    const b = await publishedNews('Second en ligne', marthe.id)
    await payload.update({ ...system, collection: 'news', id: b.id, draft: true, data: { title: 'Second, brouillon' } })
    await rest('PATCH', `/news?where[originSite][equals]=${marthe.id}`, { user: martheContrib, body: { excerpt: 'Tout le site' } })
    expect(await live('news', a.id)).toMatchObject({ _status: 'published', title: 'Premier en ligne' })
    expect(await live('news', b.id)).toMatchObject({ _status: 'published', title: 'Second en ligne' })
  })

  it('an editor’s PATCH without _status on a published item with no pending draft still updates it in place', async () => {
    const item = await publishedNews('Correction attendue', marthe.id)
    await rest('PATCH', `/news/${item.id}`, { user: martheEditor, body: { excerpt: 'Corrigé' } })
    expect(await live('news', item.id)).toMatchObject({ _status: 'published', excerpt: 'Corrigé' })
  })
})

describe('4. a duplicate belongs to the duplicating person’s site', () => {
  it('a Marthe contributor duplicating a CLES item proposed to Marthe gets a Marthe draft, never a CLES one', async () => {
    const item = await publishedNews('Campagne du réseau', hub.id, { targetSites: [marthe.id] })
    const hubBefore = (await payload.count({ collection: 'news', where: { originSite: { equals: hub.id } } })).totalDocs
    const answer = await rest('POST', `/news/${item.id}/duplicate?draft=true`, { user: martheContrib })
    expect((await payload.count({ collection: 'news', where: { originSite: { equals: hub.id } } })).totalDocs).toBe(hubBefore)
    expect(answer.status).toBeLessThan(300)
    const copy = await latest('news', idOf((answer.body.doc as { id: number }).id))
    expect(idOf(copy.originSite)).toBe(marthe.id)
    expect(copy._status).toBe('draft')
    expect(copy.targetSites ?? []).toEqual([])
  })

  it('a Local API duplicate with a forged site in the body is refused', async () => {
    const own = await publishedNews('Notre actualité', marthe.id)
    const before = (await payload.count({ collection: 'news', where: { originSite: { equals: outaouais.id } } })).totalDocs
    await expect(
      payload.duplicate({ ...as(martheEditor), collection: 'news', id: own.id, draft: true, data: { originSite: outaouais.id } as never }),
    ).rejects.toThrow()
    expect((await payload.count({ collection: 'news', where: { originSite: { equals: outaouais.id } } })).totalDocs).toBe(before)
  })
})

describe('5. draft saves check sites too', () => {
  it('a partner editor cannot propose a draft news item to another partner (create or update)', async () => {
    // Refused or dropped: either way nothing proposed to Outaouais is stored.
    const created = await rest('POST', '/news?draft=true', {
      user: martheEditor,
      body: { title: 'Proposition sauvage', targetSites: [outaouais.id] },
    })
    if (created.status < 400) expect((await latest('news', idOf((created.body.doc as { id: number }).id))).targetSites ?? []).toEqual([])
    const own = await payload.create({ ...as(martheEditor), collection: 'news', draft: true, data: { title: 'Notre brouillon' } as never })
    await rest('PATCH', `/news/${own.id}?draft=true`, { user: martheEditor, body: { targetSites: [outaouais.id] } })
    await rest('PATCH', `/news/${own.id}?draft=true&autosave=true`, { user: martheEditor, body: { targetSites: [outaouais.id] } })
    expect((await latest('news', own.id)).targetSites ?? []).toEqual([])
    expect((await live('news', own.id)).targetSites ?? []).toEqual([])
    const proposed = await payload.count({
      collection: 'news',
      where: { and: [{ targetSites: { in: [outaouais.id] } }, { originSite: { equals: marthe.id } }] },
    })
    const proposedDrafts = await payload.countVersions({
      collection: 'news',
      where: { and: [{ 'version.targetSites': { in: [outaouais.id] } }, { 'version.originSite': { equals: marthe.id } }] },
    })
    expect([proposed.totalDocs, proposedDrafts.totalDocs]).toEqual([0, 0])
    // Outaouais staff see none of it, in lists or drafts.
    const seen = await payload.find({
      ...as(outaouaisEditor),
      collection: 'news',
      draft: true,
      where: { originSite: { equals: marthe.id } },
    })
    expect(seen.totalDocs).toBe(0)
  })

  it('a hub publisher who is no network editor proposes only where the rules allow, drafts included (French refusal)', async () => {
    const hubEditor = await createStaff(payload, 'editor@cles.example', hub.id, 'site-editor')
    const draft = await payload.create({ ...as(hubEditor), collection: 'news', draft: true, data: { title: 'Brouillon du hub' } as never })
    await expect(
      payload.update({ ...as(hubEditor), collection: 'news', id: draft.id, draft: true, data: { targetSites: [outaouais.id] } as never }),
    ).rejects.toThrow(/Seule l’équipe de la CLES peut proposer/)
    expect((await latest('news', draft.id)).targetSites ?? []).toEqual([])
  })

  it('a partner editor cannot move a draft page (or create one) on another partner’s site', async () => {
    const page = await payload.create({ ...as(martheEditor), collection: 'pages', draft: true, data: { title: 'Page de Marthe' } as never })
    const moved = await rest('PATCH', `/pages/${page.id}?draft=true`, { user: martheEditor, body: { site: outaouais.id } })
    expect(moved.status).toBeGreaterThanOrEqual(400)
    expect(idOf((await latest('pages', page.id)).site)).toBe(marthe.id)
    expect(idOf((await live('pages', page.id)).site)).toBe(marthe.id)
    const created = await rest('POST', '/pages?draft=true', { user: martheEditor, body: { title: 'Plantée', site: outaouais.id } })
    expect(created.status).toBeGreaterThanOrEqual(400)
    const seen = await payload.find({ ...as(outaouaisEditor), collection: 'pages', draft: true, where: { site: { equals: outaouais.id } } })
    expect(seen.totalDocs).toBe(0)
  })

  it('CLES communication still proposes a draft to partners', async () => {
    const draft = await payload.create({
      ...as(comms),
      collection: 'news',
      draft: true,
      data: { title: 'Proposition du réseau', targetSites: [marthe.id, outaouais.id] } as never,
    })
    expect((draft.targetSites ?? []).map(idOf).sort()).toEqual([marthe.id, outaouais.id].sort())
  })
})

describe('6. accounts', () => {
  it('no API answer carries sessions, not even one’s own', async () => {
    const me = await rest('GET', '/users/me', { user: martheAdmin })
    expect(me.status).toBe(200)
    expect(JSON.stringify(me.body)).not.toMatch(/"sessions"/)
    for (const user of [martheAdmin, networkAdmin]) {
      const list = await rest('GET', '/users?limit=100', { user })
      expect(list.status).toBe(200)
      expect(list.body.docs!.length).toBeGreaterThan(0)
      expect(JSON.stringify(list.body)).not.toMatch(/"sessions"/)
    }
    const one = await rest('GET', `/users/${martheEditor.id}`, { user: martheAdmin })
    expect(JSON.stringify(one.body)).not.toMatch(/"sessions"/)
    // Sessions still work: the stored account keeps them and the token is accepted.
    const stored = await payload.db.findOne({ collection: 'users', where: { id: { equals: martheAdmin.id } } })
    expect((stored as { sessions?: unknown[] }).sessions?.length).toBeGreaterThan(0)
  })

  it('a site admin cannot create an account without a membership on their site (French refusal)', async () => {
    const before = (await payload.count({ collection: 'users' })).totalDocs
    const bare = await rest('POST', '/users', { user: martheAdmin, body: { email: 'orpheline@example.org', password: PASSWORD } })
    expect(bare.status).toBeGreaterThanOrEqual(400)
    expect(JSON.stringify(bare.body)).toMatch(/au moins un accès|site que vous administrez/)
    const elsewhere = await rest('POST', '/users', {
      user: martheAdmin,
      body: { email: 'ailleurs@example.org', password: PASSWORD, memberships: [{ site: outaouais.id, role: 'contributor' }] },
    })
    expect(elsewhere.status).toBeGreaterThanOrEqual(400)
    expect((await payload.count({ collection: 'users' })).totalDocs).toBe(before)
    const fine = await rest('POST', '/users', {
      user: martheAdmin,
      body: { email: 'nouvelle@marthe.example', password: PASSWORD, memberships: [{ site: marthe.id, role: 'contributor' }] },
    })
    expect(fine.status).toBe(201)
  })

  it('a site admin sees only the memberships of their own sites, and editing keeps the others', async () => {
    const shared = await payload.create({
      collection: 'users',
      data: {
        email: 'partagee@example.org',
        password: PASSWORD,
        memberships: [
          { site: outaouais.id, role: 'site-admin' },
          { site: marthe.id, role: 'site-editor' },
        ],
      },
    })
    const read = await rest('GET', `/users/${shared.id}?depth=0`, { user: martheAdmin })
    expect((read.body.memberships as { site: number; role: string }[]).map((m) => [m.site, m.role])).toEqual([[marthe.id, 'site-editor']])
    const listed = await rest('GET', `/users?depth=0&where[id][equals]=${shared.id}`, { user: martheAdmin })
    expect(JSON.stringify(listed.body)).not.toMatch(/site-admin/)
    // Nor can they be guessed by filtering, sorting or listing distinct values.
    const probes = [
      `/users?depth=0&where[memberships.site][equals]=${outaouais.id}`,
      `/users?depth=0&where[and][0][memberships.role][equals]=site-admin`,
      `/users?depth=0&sort=memberships.role`,
      `/users/count?where[memberships.site][equals]=${outaouais.id}`,
    ]
    for (const probe of probes) {
      const answer = await rest('GET', probe, { user: martheAdmin })
      expect(answer.status, probe).toBeGreaterThanOrEqual(400)
      expect(JSON.stringify(answer.body)).not.toContain('partagee@')
    }
    const byNetwork = await rest('GET', `/users/${shared.id}?depth=0`, { user: networkAdmin })
    expect((byNetwork.body.memberships as unknown[]).length).toBe(2)
    // The admin form sends back what it shows: the Outaouais role must survive.
    const edited = await rest('PATCH', `/users/${shared.id}`, {
      user: martheAdmin,
      body: { memberships: [{ site: marthe.id, role: 'contributor' }] },
    })
    expect(edited.status, JSON.stringify(edited.body)).toBe(200)
    const stored = await payload.findByID({ collection: 'users', id: shared.id, depth: 0 })
    expect(stored.memberships!.map((m) => [idOf(m.site), m.role]).sort()).toEqual(
      [
        [marthe.id, 'contributor'],
        [outaouais.id, 'site-admin'],
      ].sort(),
    )
    // Reusing the hidden row's id to turn it into a role on their own site changes nothing there either.
    const hiddenRow = stored.memberships!.find((m) => idOf(m.site) === outaouais.id)!
    await rest('PATCH', `/users/${shared.id}`, {
      user: martheAdmin,
      body: { memberships: [{ id: hiddenRow.id, site: marthe.id, role: 'site-editor' }] },
    })
    const again = await payload.findByID({ collection: 'users', id: shared.id, depth: 0 })
    expect(again.memberships!.map((m) => [idOf(m.site), m.role]).sort()).toEqual(
      [
        [marthe.id, 'site-editor'],
        [outaouais.id, 'site-admin'],
      ].sort(),
    )
  })

  it('only network admins, or site admins for their own accounts, unlock; known and unknown e-mails get the same answer', async () => {
    const lock = async (user: User) =>
      payload.db.updateOne({
        collection: 'users',
        id: user.id,
        data: { loginAttempts: 10, lockUntil: new Date(Date.now() + 600_000).toISOString() },
      })
    const lockOf = async (user: User) =>
      (await payload.db.findOne<{ id: number; lockUntil?: string | null }>({ collection: 'users', where: { id: { equals: user.id } } }))
        ?.lockUntil ?? null
    await lock(outaouaisEditor)
    await lock(martheEditor)
    // A contributor, an editor and another site's admin cannot unlock.
    for (const user of [martheContrib, martheEditor]) {
      const answer = await rest('POST', '/users/unlock', { user, body: { email: outaouaisEditor.email } })
      expect(answer.status).toBe(403)
    }
    const foreign = await rest('POST', '/users/unlock', { user: martheAdmin, body: { email: outaouaisEditor.email } })
    expect(await lockOf(outaouaisEditor)).not.toBeNull()
    // Known (but not theirs), unknown, and their own: the same answer.
    const unknown = await rest('POST', '/users/unlock', { user: martheAdmin, body: { email: 'personne@nulle-part.example' } })
    const own = await rest('POST', '/users/unlock', { user: martheAdmin, body: { email: martheEditor.email } })
    expect(await lockOf(martheEditor)).toBeNull()
    expect([foreign.status, unknown.status]).toEqual([own.status, own.status])
    expect(foreign.body).toEqual(own.body)
    expect(unknown.body).toEqual(own.body)
    // Anonymous: refused, whatever the e-mail.
    const anonKnown = await rest('POST', '/users/unlock', { body: { email: outaouaisEditor.email } })
    const anonUnknown = await rest('POST', '/users/unlock', { body: { email: 'personne@nulle-part.example' } })
    expect([anonKnown.status, anonUnknown.status]).toEqual([403, 403])
    expect(anonKnown.body).toEqual(anonUnknown.body)
    expect(await lockOf(outaouaisEditor)).not.toBeNull()
    // A network admin unlocks anyone.
    await rest('POST', '/users/unlock', { user: networkAdmin, body: { email: outaouaisEditor.email } })
    expect(await lockOf(outaouaisEditor)).toBeNull()
  })
})

describe('7. document locks', () => {
  const locks = (where: Record<string, unknown> = {}) =>
    payload.find({ ...system, collection: 'payload-locked-documents', where: where as never, depth: 0, pagination: false })

  it('nobody locks another site’s document, or any document in someone else’s name', async () => {
    const cles = await publishedNews('Document de la CLES', hub.id, { targetSites: [marthe.id] })
    const own = await publishedNews('Document de Marthe', marthe.id)
    const before = (await locks()).totalDocs
    const foreign = await rest('POST', '/payload-locked-documents', {
      user: martheEditor,
      body: { document: { relationTo: 'news', value: cles.id }, user: { relationTo: 'users', value: martheEditor.id } },
    })
    expect(foreign.status).toBe(403)
    const impersonated = await rest('POST', '/payload-locked-documents', {
      user: martheEditor,
      body: { document: { relationTo: 'news', value: own.id }, user: { relationTo: 'users', value: martheAdmin.id } },
    })
    expect(impersonated.status).toBe(403)
    expect((await locks()).totalDocs).toBe(before)
    // Locking one's own document in one's own name works (the admin does it).
    const mine = await rest('POST', '/payload-locked-documents', {
      user: martheEditor,
      body: { document: { relationTo: 'news', value: own.id }, user: { relationTo: 'users', value: martheEditor.id } },
    })
    expect(mine.status).toBe(201)
    expect((await locks()).totalDocs).toBe(before + 1)
  })

  it('locks are listed only to people who can read the document, and only they take over or release them', async () => {
    const own = await publishedNews('Verrouillé par Marthe', marthe.id)
    const lock = await payload.create({
      ...system,
      collection: 'payload-locked-documents',
      data: { document: { relationTo: 'news', value: own.id }, user: { relationTo: 'users', value: martheEditor.id } } as never,
    })
    const listed = await rest('GET', '/payload-locked-documents?limit=100&depth=0', { user: outaouaisEditor })
    expect(listed.status).toBe(200)
    expect(listed.body.docs!.map((d) => d.id)).not.toContain(lock.id)
    const byColleague = await rest('GET', '/payload-locked-documents?limit=100&depth=0', { user: martheAdmin })
    expect(byColleague.body.docs!.map((d) => d.id)).toContain(lock.id)
    const takeover = await rest('PATCH', `/payload-locked-documents/${lock.id}`, {
      user: outaouaisEditor,
      body: { user: { relationTo: 'users', value: outaouaisEditor.id } },
    })
    expect(takeover.status).toBeGreaterThanOrEqual(400)
    const bulk = await rest('PATCH', '/payload-locked-documents?where[id][exists]=true', {
      user: outaouaisEditor,
      body: { user: { relationTo: 'users', value: outaouaisEditor.id } },
    })
    expect(bulk.status).toBeLessThan(500)
    const removed = await rest('DELETE', `/payload-locked-documents/${lock.id}`, { user: outaouaisEditor })
    expect(removed.status).toBeGreaterThanOrEqual(400)
    const stored = await payload.findByID({ ...system, collection: 'payload-locked-documents', id: lock.id, depth: 0 })
    expect(idOf((stored.user as { value: unknown }).value)).toBe(martheEditor.id)
    // A colleague who may edit the document takes over in their own name only.
    const colleague = await rest('PATCH', `/payload-locked-documents/${lock.id}`, {
      user: martheAdmin,
      body: { user: { relationTo: 'users', value: martheAdmin.id } },
    })
    expect(colleague.status).toBe(200)
    const forged = await rest('PATCH', `/payload-locked-documents/${lock.id}`, {
      user: martheAdmin,
      body: { user: { relationTo: 'users', value: outaouaisEditor.id } },
    })
    expect(forged.status).toBeGreaterThanOrEqual(400)
    const after = await payload.findByID({ ...system, collection: 'payload-locked-documents', id: lock.id, depth: 0 })
    expect(idOf((after.user as { value: unknown }).value)).toBe(martheAdmin.id)
    // The holder releases it (the admin does when leaving the document).
    const released = await rest('DELETE', `/payload-locked-documents/${lock.id}`, { user: martheAdmin })
    expect(released.status).toBe(200)
    expect((await locks({ id: { equals: lock.id } })).totalDocs).toBe(0)
  })
})

describe('9. uploads', () => {
  const png = () =>
    sharp({ create: { width: 16, height: 16, channels: 3, background: '#336699' } })
      .png()
      .toBuffer()
  const pdf = Buffer.from(
    [
      '%PDF-1.4',
      '1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj',
      '2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj',
      'xref',
      '0 3',
      '0000000000 65535 f ',
      'trailer<</Size 3/Root 1 0 R>>',
      'startxref',
      '9',
      '%%EOF',
      '',
    ].join('\n'),
  )
  const uploadAs = async (data: Buffer, name: string, mimetype: string, alt = 'Essai') =>
    payload.create({
      ...as(martheEditor),
      collection: 'media',
      data: { alt, site: marthe.id } as never,
      file: { data, name, mimetype, size: data.length },
    })

  it.each([
    ['a PNG named .html', 'piege.html', 'text/html', 'png'],
    ['a PNG named .svg', 'logo.svg', 'image/svg+xml', 'png'],
    ['a PDF named .xhtml', 'rapport.xhtml', 'application/xhtml+xml', 'pdf'],
    ['a PDF named .html.pdf.html', 'double.html.pdf.html', 'text/html', 'pdf'],
  ])('%s is stored with the extension of what it really is', async (_label, name, mimetype, ext) => {
    const data = ext === 'png' ? await png() : pdf
    const doc = await uploadAs(data, name, mimetype)
    expect(doc.filename).toMatch(new RegExp(`^[^.]+\\.${ext}$`))
    expect(doc.mimeType).toBe(ext === 'png' ? 'image/png' : 'application/pdf')
    expect(readdirSync(cms.mediaDir)).toContain(doc.filename)
    expect(readdirSync(cms.mediaDir).some((f) => /\.(x?html?|svg)$/i.test(f))).toBe(false)
  })

  it('whatever name a file arrives with, it is stored with exactly one extension: the real one', () => {
    const names = fc.oneof(
      fc.string(),
      fc
        .tuple(
          fc.string(),
          fc.constantFrom('html', 'xhtml', 'svg', 'htm', 'js', 'PNG', 'pdf', 'jpeg', 'php'),
          fc.constantFrom('.', '\\', '/'),
        )
        .map(([a, b, c]) => `${a}${c}x.${b}`),
    )
    fc.assert(
      fc.property(names, fc.constantFrom('png', 'jpg', 'webp', 'avif', 'pdf'), (name, ext) => {
        const stored = storedFileName(name, ext)
        expect(stored.split('.')).toHaveLength(2)
        expect(ext === 'jpg' ? ['jpg', 'jpeg'] : [ext]).toContain(stored.split('.')[1])
        expect(stored).not.toMatch(/[\\/]/)
        expect(stored.startsWith('.')).toBe(false)
      }),
    )
  })

  it('anonymous readers get only media used by published content or by a site, never draft-only ones', async () => {
    const draftOnly = await uploadAs(await png(), 'brouillon.png', 'image/png', 'Visage d’une survivante (brouillon)')
    const unused = await uploadAs(await png(), 'inutilise.png', 'image/png', 'Jamais utilisée')
    const hero = await uploadAs(await png(), 'une.png', 'image/png', 'Image à la une')
    const inText = await uploadAs(await png(), 'texte.png', 'image/png', 'Image dans le texte')
    const inBlock = await uploadAs(await png(), 'bloc.png', 'image/png', 'Image d’un bloc')
    const logo = await uploadAs(await png(), 'logo.png', 'image/png', 'Logo')
    const laterDraft = await uploadAs(await png(), 'plus-tard.png', 'image/png', 'Pas encore publiée')
    await payload.create({
      ...system,
      collection: 'news',
      draft: true,
      data: { title: 'Brouillon illustré', originSite: marthe.id, hero: draftOnly.id, _status: 'draft' } as never,
    })
    const published = await publishedNews('Publiée illustrée', marthe.id, { hero: hero.id, body: richText('Texte', upload(inText.id)) })
    // A newer draft of a published item uses another image: not public until published.
    await payload.update({ ...system, collection: 'news', id: published.id, draft: true, data: { hero: laterDraft.id } as never })
    await payload.create({
      ...system,
      collection: 'pages',
      data: {
        title: 'Page illustrée',
        site: marthe.id,
        _status: 'published',
        layout: [{ blockType: 'imageText', image: inBlock.id, text: richText('Bloc') }],
      } as never,
    })
    await payload.update({ ...system, collection: 'sites', id: marthe.id, data: { logo: logo.id } })

    // Another partner cannot publish Marthe's unpublished upload by putting its id in their own item.
    const planted = await rest('POST', '/news', {
      user: outaouaisEditor,
      body: { title: 'Image empruntée', originSite: outaouais.id, hero: draftOnly.id, _status: 'published' },
    })
    expect(planted.status).toBeLessThan(500)
    const anonymous = await payload.find({ collection: 'media', overrideAccess: false, depth: 0, limit: 100 })
    const visible = anonymous.docs.map((d) => d.id)
    expect(visible).toEqual(expect.arrayContaining([hero.id, inText.id, inBlock.id, logo.id]))
    for (const hidden of [draftOnly, unused, laterDraft]) expect(visible).not.toContain(hidden.id)
    const overRest = await rest('GET', '/media?limit=100&depth=0')
    expect(JSON.stringify(overRest.body)).not.toMatch(/survivante|Jamais utilisée|Pas encore publiée/)
    const file = await rest('GET', `/media/file/${draftOnly.filename}`)
    expect(file.status).toBeGreaterThanOrEqual(400)
    const publicFile = await rest('GET', `/media/file/${hero.filename}`)
    expect(publicFile.status).toBe(200)
    // Staff still see every upload of their own site.
    const staff = await payload.find({ ...as(martheEditor), collection: 'media', depth: 0, limit: 100 })
    expect(staff.docs.map((d) => d.id)).toEqual(expect.arrayContaining([draftOnly.id, unused.id, laterDraft.id]))
  })

  it('an image stops being public as soon as the content using it is unpublished or deleted, even with another publication at once', async () => {
    const visible = async () =>
      (await payload.find({ collection: 'media', overrideAccess: false, depth: 0, limit: 1000 })).docs.map((d) => d.id)
    const first = await uploadAs(await png(), 'premiere.png', 'image/png', 'Première')
    const second = await uploadAs(await png(), 'seconde.png', 'image/png', 'Seconde')
    const a = await publishedNews('Illustrée A', marthe.id, { hero: first.id })
    expect(await visible()).toContain(first.id)
    const b = await publishedNews('Illustrée B', marthe.id, { hero: second.id })
    expect(await visible()).toEqual(expect.arrayContaining([first.id, second.id]))
    await payload.update({ ...system, collection: 'news', id: a.id, data: { _status: 'draft' } })
    expect(await visible()).not.toContain(first.id)
    expect(await visible()).toContain(second.id)
    // A deletion and a creation together leave the count as it was: the deletion must still be seen.
    await payload.delete({ ...system, collection: 'news', id: b.id })
    await publishedNews('Sans image', marthe.id)
    expect(await visible()).not.toContain(second.id)
    await payload.update({ ...system, collection: 'news', id: a.id, data: { _status: 'published' } })
    expect(await visible()).toContain(first.id)
  })
})
