// Published addresses that change keep working: a news slug or a page path
// that changes leaves a redirect on every site that showed it, without chains
// or loops, and sub-pages follow their parent. Redirects editors type are held
// to the same rule as the sites'. A published page never sits under an unpublished one.
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { News, Page } from '../src/payload-types'
import { createTestSite, startTempCms, type TempCms } from './helpers/tempCms'

let cms: TempCms
let payload: Payload
let hub: { id: number }
let partner: { id: number }
const quiet = { overrideAccess: true, context: { disablePublication: true } } as const

async function redirectsOf(site: number) {
  const { docs } = await payload.find({ collection: 'redirects', where: { site: { equals: site } }, sort: 'from', depth: 0, limit: 100 })
  return docs.map((r) => `${r.from} → ${r.to}`)
}

beforeAll(async () => {
  process.env.CLES_PUBLISHER_URL = 'http://127.0.0.1:9'
  cms = await startTempCms()
  payload = cms.payload
  hub = (await createTestSite(payload, 'hub')) as { id: number }
  partner = (await createTestSite(payload, 'partner')) as { id: number }
})
afterAll(async () => cms?.close())

describe('addresses that move', () => {
  it('a published news item whose slug changes redirects on its site and on the partner that accepted it; moving back leaves no loop', async () => {
    const news = await payload.create({
      collection: 'news',
      data: {
        title: 'Titre',
        slug: 'ancien',
        publishedAt: '2026-11-01T12:00:00.000Z',
        originSite: hub.id,
        targetSites: [partner.id],
        _status: 'published',
      } as News,
      ...quiet,
    })
    await payload.create({ collection: 'syndication-decisions', data: { news: news.id, site: partner.id, decision: 'accepted' }, ...quiet })
    await payload.update({ collection: 'news', id: news.id, data: { slug: 'nouveau' }, ...quiet })
    expect(await redirectsOf(hub.id)).toEqual(['/actualites/ancien/ → /actualites/nouveau/'])
    expect(await redirectsOf(partner.id)).toEqual(['/actualites/ancien/ → /actualites/nouveau/'])

    await payload.update({ collection: 'news', id: news.id, data: { slug: 'troisieme' }, ...quiet })
    // No chain: the first old address goes straight to the newest one.
    expect(await redirectsOf(hub.id)).toEqual([
      '/actualites/ancien/ → /actualites/troisieme/',
      '/actualites/nouveau/ → /actualites/troisieme/',
    ])

    await payload.update({ collection: 'news', id: news.id, data: { slug: 'ancien' }, ...quiet })
    expect(await redirectsOf(hub.id)).toEqual([
      '/actualites/nouveau/ → /actualites/ancien/',
      '/actualites/troisieme/ → /actualites/ancien/',
    ])
  })

  it('a draft that changes its slug leaves no redirect (nobody could have linked to it)', async () => {
    const before = await redirectsOf(hub.id)
    const draft = await payload.create({
      collection: 'news',
      data: { title: 'Brouillon', slug: 'brouillon', originSite: hub.id } as News,
      draft: true,
      ...quiet,
    })
    await payload.update({ collection: 'news', id: draft.id, data: { slug: 'brouillon-2' }, draft: true, ...quiet })
    expect(await redirectsOf(hub.id)).toEqual(before)
  })

  it('a page whose slug changes takes its sub-pages along, each with its redirect', async () => {
    const parent = await payload.create({
      collection: 'pages',
      data: { title: 'Services', slug: 'services', site: partner.id, _status: 'published' } as Page,
      ...quiet,
    })
    const child = await payload.create({
      collection: 'pages',
      data: { title: 'Hébergement', slug: 'hebergement', parent: parent.id, site: partner.id, _status: 'published' } as Page,
      ...quiet,
    })
    expect(child.path).toBe('/services/hebergement/')
    await payload.update({ collection: 'pages', id: parent.id, data: { slug: 'aide' }, ...quiet })
    const moved = await payload.findByID({ collection: 'pages', id: child.id, depth: 0 })
    expect(moved.path).toBe('/aide/hebergement/')
    expect(moved._status).toBe('published')
    expect(await redirectsOf(partner.id)).toEqual(
      expect.arrayContaining(['/services/ → /aide/', '/services/hebergement/ → /aide/hebergement/']),
    )
  })

  it('a redirect typed by an editor follows the sites’ rule: no quotes, no //host, no loop', async () => {
    for (const data of [
      { from: '/a"b/', to: '/c/' },
      { from: '//evil.example/', to: '/c/' },
      { from: '/meme/', to: '/meme' },
      { from: '/x/', to: 'javascript:alert(1)' },
    ]) {
      await expect(
        payload.create({ collection: 'redirects', data: { ...data, site: hub.id }, ...quiet }),
        JSON.stringify(data),
      ).rejects.toHaveProperty('name', 'ValidationError')
    }
    const ok = await payload.create({
      collection: 'redirects',
      data: { from: '/vieille-page/', to: 'https://lacles.org/', site: hub.id },
      ...quiet,
    })
    expect(ok.to).toBe('https://lacles.org/')
  })

  it('a page goes online only under a published parent, and a parent goes offline only after its published sub-pages', async () => {
    const parent = await payload.create({
      collection: 'pages',
      data: { title: 'Secret', slug: 'secret', site: partner.id } as Page,
      draft: true,
      ...quiet,
    })
    // Publishing the child would put /secret/… online: the unpublished parent's slug.
    await expect(
      payload.create({
        collection: 'pages',
        data: { title: 'Enfant', slug: 'enfant', parent: parent.id, site: partner.id, _status: 'published' } as Page,
        ...quiet,
      }),
    ).rejects.toMatchObject({ status: 409, message: expect.stringContaining('La page parente « Secret » n’est pas publiée') })
    const child = await payload.create({
      collection: 'pages',
      data: { title: 'Enfant', slug: 'enfant', parent: parent.id, site: partner.id } as Page,
      draft: true,
      ...quiet,
    })
    await payload.update({ collection: 'pages', id: parent.id, data: { _status: 'published' }, ...quiet })
    await payload.update({ collection: 'pages', id: child.id, data: { _status: 'published' }, ...quiet })

    await expect(payload.update({ collection: 'pages', id: parent.id, data: { _status: 'draft' }, ...quiet })).rejects.toMatchObject({
      status: 409,
      message: expect.stringContaining('sous-page(s) en ligne (« Enfant »)'),
    })
    expect((await payload.findByID({ collection: 'pages', id: parent.id, depth: 0 }))._status).toBe('published')
    // A draft save of the parent is not unpublishing it.
    await payload.update({ collection: 'pages', id: parent.id, data: { title: 'Secret (brouillon)' }, draft: true, ...quiet })
    // Child first, then the parent: allowed.
    await payload.update({ collection: 'pages', id: child.id, data: { _status: 'draft' }, ...quiet })
    await payload.update({ collection: 'pages', id: parent.id, data: { _status: 'draft' }, ...quiet })
    expect((await payload.findByID({ collection: 'pages', id: parent.id, depth: 0 }))._status).toBe('draft')
  })
})
