// What staff do every day, through the Local API as the admin does it
// (overrideAccess: false, the person as user): drafts created before any field
// is filled land on the person's site; contributors cannot publish or
// unpublish; deleting an accepted item works; derived slugs never clash;
// texts have maximum lengths.
import type { Payload } from 'payload'
import type { News, Page, Redirect } from '../src/payload-types'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createStaff, createTestSite, startTempCms, type TempCms } from './helpers/tempCms'

let cms: TempCms
let payload: Payload
let hub: { id: number }
let partner: { id: number }
let other: { id: number }
type User = Awaited<ReturnType<typeof createStaff>>
let comms: User
let editor: User
let contributor: User
let otherEditor: User

const asUser = (user: User) => ({ user, overrideAccess: false }) as const
const base = { publishedAt: '2026-01-01T00:00:00.000Z' }
/** Data without the fields the CMS fills itself (slug, site), which the generated types call required. */
const filled = <T>(data: Partial<T>) => data as T

beforeAll(async () => {
  cms = await startTempCms()
  payload = cms.payload
  hub = (await createTestSite(payload, 'hub')) as { id: number }
  await payload.update({ collection: 'sites', id: hub.id, data: { isHub: true } })
  partner = (await createTestSite(payload, 'partenaire')) as { id: number }
  other = (await createTestSite(payload, 'autre')) as { id: number }
  comms = await payload.create({
    collection: 'users',
    data: { email: 'comms@test.example', password: 'a-long-password-1', globalRole: 'network-editor' },
  })
  editor = await createStaff(payload, 'editor@test.example', partner.id, 'site-editor')
  contributor = await createStaff(payload, 'contributor@test.example', partner.id, 'contributor')
  otherEditor = await createStaff(payload, 'other@test.example', other.id, 'site-editor')
})
afterAll(async () => cms?.close())

describe('a draft created before any field is filled (admin autosave)', () => {
  it.each([
    ['CLES communication', () => comms, () => hub.id],
    ['a partner editor', () => editor, () => partner.id],
    ['a contributor', () => contributor, () => partner.id],
  ])('belongs to the site of %s, who can read it back', async (_who, user, site) => {
    const created = await payload.create({ collection: 'news', data: filled<News>({}), draft: true, ...asUser(user()) })
    expect(created.originSite && typeof created.originSite === 'object' ? created.originSite.id : created.originSite).toBe(site())
    const reread = await payload.findByID({ collection: 'news', id: created.id, draft: true, depth: 0, ...asUser(user()) })
    expect(reread.originSite).toBe(site())
  })

  it('places pages, media-less documents and redirects on the person’s site too', async () => {
    const page = await payload.create({
      collection: 'pages',
      data: filled<Page>({ title: 'Brouillon' }),
      draft: true,
      ...asUser(contributor),
    })
    expect(page.site && typeof page.site === 'object' ? page.site.id : page.site).toBe(partner.id)
    const redirect = await payload.create({
      collection: 'redirects',
      data: filled<Redirect>({ from: '/ancien/', to: '/nouveau/' }),
      ...asUser(editor),
    })
    expect(redirect.site && typeof redirect.site === 'object' ? redirect.site.id : redirect.site).toBe(partner.id)
  })

  it('cannot become an orphan: an account without any site cannot create one', async () => {
    const lonely = await payload.create({ collection: 'users', data: { email: 'lonely@test.example', password: 'a-long-password-1' } })
    await expect(
      payload.create({ collection: 'pages', data: filled<Page>({ title: 'Orpheline' }), draft: true, ...asUser(lonely) }),
    ).rejects.toThrow()
    expect((await payload.count({ collection: 'pages', where: { title: { equals: 'Orpheline' } } })).totalDocs).toBe(0)
  })
})

describe('publishing rights', () => {
  let publishedId: number

  beforeAll(async () => {
    publishedId = (
      await payload.create({
        collection: 'news',
        data: filled<News>({ ...base, title: 'En ligne', originSite: partner.id, _status: 'published' }),
      })
    ).id
  })

  it('a contributor cannot publish, and the message says why in French', async () => {
    await expect(
      payload.create({
        collection: 'news',
        data: filled<News>({ ...base, title: 'Tentative', _status: 'published' }),
        ...asUser(contributor),
      }),
    ).rejects.toThrow(/pas publier/)
  })

  it('a contributor cannot unpublish one item or a whole site, but can save a draft over it', async () => {
    await expect(
      payload.update({ collection: 'news', id: publishedId, data: { _status: 'draft' }, ...asUser(contributor) }),
    ).rejects.toThrow(/retirer une publication/)
    await expect(
      payload.update({
        collection: 'news',
        where: { originSite: { equals: partner.id } },
        data: { _status: 'draft' },
        ...asUser(contributor),
      }),
    ).rejects.toThrow(/retirer une publication/)
    await payload.update({
      collection: 'news',
      id: publishedId,
      data: { title: 'En ligne (brouillon de correction)' },
      draft: true,
      ...asUser(contributor),
    })
    const stored = await payload.findByID({ collection: 'news', id: publishedId, depth: 0 })
    expect(stored._status).toBe('published')
    expect(stored.title).toBe('En ligne')
  })

  it('a partner editor unpublishes their own item', async () => {
    const own = await payload.create({
      collection: 'news',
      data: filled<News>({ ...base, title: 'À retirer', originSite: partner.id, _status: 'published' }),
    })
    await payload.update({ collection: 'news', id: own.id, data: { _status: 'draft' }, ...asUser(editor) })
    expect((await payload.findByID({ collection: 'news', id: own.id, depth: 0 }))._status).toBe('draft')
  })
})

describe('deleting an item a partner accepted', () => {
  it('withdraws it with its answers instead of failing', async () => {
    const item = await payload.create({
      collection: 'news',
      data: filled<News>({ ...base, title: 'Proposée', originSite: hub.id, targetSites: [other.id], _status: 'published' }),
    })
    await payload.create({
      collection: 'syndication-decisions',
      data: { news: item.id, site: other.id, decision: 'accepted' },
      ...asUser(otherEditor),
    })
    await payload.delete({ collection: 'news', id: item.id, ...asUser(comms) })
    expect((await payload.count({ collection: 'news', where: { id: { equals: item.id } } })).totalDocs).toBe(0)
    expect((await payload.count({ collection: 'syndication-decisions', where: { news: { equals: item.id } } })).totalDocs).toBe(0)
  })
})

describe('slugs and lengths', () => {
  it('derives a free slug from the title, and a duplicate gets its own', async () => {
    const first = await payload.create({
      collection: 'news',
      data: filled<News>({ ...base, title: 'Même titre', originSite: partner.id, _status: 'published' }),
    })
    const second = await payload.create({
      collection: 'news',
      data: filled<News>({ ...base, title: 'Même titre', originSite: partner.id, _status: 'published' }),
    })
    expect([first.slug, second.slug]).toEqual(['meme-titre', 'meme-titre-2'])
    const copy = await payload.duplicate({ collection: 'news', id: first.id, ...asUser(editor) })
    expect(copy.slug).toBe('meme-titre-3')
    expect(copy.targetSites ?? []).toEqual([])
  })

  it('refuses a 5,000-character title on publish, naming the field', async () => {
    await expect(
      payload.create({
        collection: 'news',
        data: filled<News>({ ...base, title: 'x'.repeat(5000), originSite: partner.id, _status: 'published' }),
        ...asUser(editor),
      }),
    ).rejects.toThrow(/Titre|Title/)
    await expect(
      payload.create({
        collection: 'pages',
        data: filled<Page>({ title: 'y'.repeat(5000), site: partner.id, _status: 'published' }),
        ...asUser(editor),
      }),
    ).rejects.toThrow(/Titre|Title/)
    const fine = await payload.create({
      collection: 'news',
      data: filled<News>({ ...base, title: 'z'.repeat(160), originSite: partner.id, _status: 'published' }),
      ...asUser(editor),
    })
    expect(fine.title).toHaveLength(160)
  })
})

describe('page addresses the sites reserve', () => {
  it.each(['actualites', 'recherche', 'en', 'pagefind'])(
    'refuses a page at /%s/ with a French message on the slug, even as a draft',
    async (slug) => {
      const attempt = payload.create({
        collection: 'pages',
        data: filled<Page>({ title: `Page ${slug}`, slug }),
        draft: true,
        ...asUser(editor),
      })
      await expect(attempt).rejects.toThrow()
      const error = (await attempt.catch((e: unknown) => e)) as { data?: { errors?: { path: string; message: string }[] } }
      expect(error.data?.errors?.[0]).toMatchObject({ path: 'slug', message: expect.stringContaining(`/${slug}/ est réservée`) })
    },
  )

  it('accepts a page whose slug only starts like a reserved one, and children under it', async () => {
    const parent = await payload.create({
      collection: 'pages',
      data: filled<Page>({ title: 'Actualités locales', slug: 'actualites-locales', _status: 'published' }),
      ...asUser(editor),
    })
    expect(parent.path).toBe('/actualites-locales/')
    const child = await payload.create({
      collection: 'pages',
      data: filled<Page>({ title: 'Recherche', slug: 'recherche', parent: parent.id, _status: 'published' }),
      ...asUser(editor),
    })
    expect(child.path).toBe('/actualites-locales/recherche/')
  })
})

describe('deleting pages', () => {
  it('refuses a page that has sub-pages, naming them, and keeps both', async () => {
    const parent = await payload.create({
      collection: 'pages',
      data: filled<Page>({ title: 'Parente', slug: 'parente', _status: 'published' }),
      ...asUser(editor),
    })
    const child = await payload.create({
      collection: 'pages',
      data: filled<Page>({ title: 'Enfant', slug: 'enfant', parent: parent.id, _status: 'published' }),
      ...asUser(editor),
    })
    await expect(payload.delete({ collection: 'pages', id: parent.id, ...asUser(editor) })).rejects.toThrow(/sous-page\(s\) \(« Enfant »\)/)
    expect((await payload.count({ collection: 'pages', where: { id: { in: [parent.id, child.id] } } })).totalDocs).toBe(2)
    await payload.delete({ collection: 'pages', id: child.id, ...asUser(editor) })
    await payload.delete({ collection: 'pages', id: parent.id, ...asUser(editor) })
    expect((await payload.count({ collection: 'pages', where: { id: { in: [parent.id, child.id] } } })).totalDocs).toBe(0)
  })
})

describe('restoring an earlier version', () => {
  it('a partner editor restores their news item, with a publication already waiting for the site; the item keeps its site', async () => {
    const item = await payload.create({
      collection: 'news',
      data: filled<News>({ ...base, title: 'Version 1', _status: 'published' }),
      ...asUser(editor),
    })
    await payload.update({ collection: 'news', id: item.id, data: { title: 'Version 2' }, ...asUser(editor) })
    // A publication of the site is pending (the change above queued it): the restore adds to it.
    const pending = await payload.count({
      collection: 'publications',
      where: { and: [{ site: { equals: partner.id } }, { state: { equals: 'pending' } }] },
    })
    expect(pending.totalDocs).toBe(1)
    const { docs } = await payload.findVersions({ collection: 'news', where: { parent: { equals: item.id } }, sort: 'createdAt', depth: 0 })
    const first = docs.find((v) => v.version.title === 'Version 1')!
    await payload.restoreVersion({ collection: 'news', id: first.id, ...asUser(editor) })
    const restored = await payload.findByID({ collection: 'news', id: item.id, depth: 0 })
    expect(restored.title).toBe('Version 1')
    expect(restored.originSite).toBe(partner.id)
  })
})
