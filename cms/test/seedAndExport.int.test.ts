import { exportSnapshots } from '../src/export'
import { siteSnapshotSchema, type SiteSnapshot } from '@cles/content'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seed } from '../src/seed'
import { startTempCms, type TempCms } from './helpers/tempCms'

const PARTNERS = ['maison-de-marthe', 'calacs-outaouais', 'calacs-agression-estrie', 'calacs-etoile-du-nord']
const FUNDING_SLUG = 'financement-recurrent-aide-sortie-prostitution'

let cms: TempCms
const readSnap = (dir: string, slug: string): SiteSnapshot => JSON.parse(readFileSync(path.join(dir, `${slug}.json`), 'utf8'))
const exportTo = (outDir: string) => exportSnapshots(cms.payload, { outDir, mediaDir: cms.mediaDir })
const userByEmail = async (email: string) => (await cms.payload.find({ collection: 'users', where: { email: { equals: email } } })).docs[0]!
const siteBySlug = async (slug: string) => (await cms.payload.find({ collection: 'sites', where: { slug: { equals: slug } } })).docs[0]!
async function newsBySlug(slug: string, origin: string) {
  const site = await siteBySlug(origin)
  return (await cms.payload.find({ collection: 'news', where: { and: [{ slug: { equals: slug } }, { originSite: { equals: site.id } }] } }))
    .docs[0]!
}

beforeAll(async () => {
  cms = await startTempCms()
  await seed(cms.payload, { password: 'test-password-123' })
})
afterAll(async () => cms?.close())

describe('seed', () => {
  it('creates the five sites, the demo accounts, images and about ten news per site', async () => {
    const { payload } = cms
    const sites = await payload.find({ collection: 'sites', sort: 'slug', limit: 10 })
    expect(sites.docs.map((s) => s.slug)).toEqual([
      'calacs-agression-estrie',
      'calacs-etoile-du-nord',
      'calacs-outaouais',
      'cles',
      'maison-de-marthe',
    ])
    expect(sites.docs.find((s) => s.slug === 'cles')?.name).toBe('Concertation des luttes contre l’exploitation sexuelle')
    const users = await payload.find({ collection: 'users', limit: 20 })
    expect(users.docs.map((u) => u.email).sort()).toEqual(
      [
        'admin@cles.example',
        'comms@cles.example',
        ...PARTNERS.flatMap((p) => ['admin', 'editor', 'contributor'].map((r) => `${r}@${p}.example`)),
      ].sort(),
    )
    for (const collection of ['pages', 'resources', 'categories', 'redirects', 'syndication-decisions'] as const) {
      expect((await payload.count({ collection })).totalDocs, collection).toBeGreaterThan(0)
    }
    expect((await payload.count({ collection: 'media' })).totalDocs).toBeGreaterThanOrEqual(3)
    expect((await payload.count({ collection: 'news', where: { _status: { equals: 'published' } } })).totalDocs).toBeGreaterThanOrEqual(45)
  })

  it('is idempotent: a second run creates nothing', async () => {
    const collections = ['sites', 'users', 'media', 'news', 'pages', 'resources', 'categories', 'redirects', 'syndication-decisions']
    const before = await Promise.all(collections.map((c) => cms.payload.count({ collection: c as 'news' })))
    const report = await seed(cms.payload, { password: 'test-password-123' })
    expect(Object.values(report.created).every((n) => n === 0)).toBe(true)
    const after = await Promise.all(collections.map((c) => cms.payload.count({ collection: c as 'news' })))
    expect(after.map((a) => a.totalDocs)).toEqual(before.map((b) => b.totalDocs))
  })

  it('lets demo accounts log in with the seed password', async () => {
    const result = await cms.payload.login({ collection: 'users', data: { email: 'comms@cles.example', password: 'test-password-123' } })
    expect(result.user?.email).toBe('comms@cles.example')
  })
})

describe('exporter', () => {
  it('writes valid snapshots that are byte-identical when nothing changed', async () => {
    const outA = path.join(cms.dir, 'snap-a')
    const outB = path.join(cms.dir, 'snap-b')
    await exportTo(outA)
    const second = await exportTo(outB)
    for (const slug of ['cles', ...PARTNERS]) {
      const a = readFileSync(path.join(outA, `${slug}.json`))
      expect(readFileSync(path.join(outB, `${slug}.json`)).equals(a)).toBe(true)
      expect(siteSnapshotSchema.safeParse(JSON.parse(a.toString())).success).toBe(true)
    }
    // Exporting again into the same folder reports every site unchanged.
    const again = await exportTo(outB)
    expect(again.sites.every((s) => !s.changed)).toBe(true)
    expect(second.sites).toHaveLength(5)
  })

  it('gives each site its own news plus the news targeted at it, never drafts', async () => {
    const out = path.join(cms.dir, 'snap-content')
    await exportTo(out)
    const cles = readSnap(out, 'cles')
    expect(cles.news[0]?.slug).toBe(FUNDING_SLUG)
    expect(cles.news[0]?.title.fr).toContain('2,75 M$')
    expect(cles.news[0]?.locales).toEqual(['fr', 'en'])
    expect(cles.news[0]?.html.fr).toContain('<blockquote>')
    for (const slug of PARTNERS) {
      const snap = readSnap(out, slug)
      const funding = snap.news.find((n) => n.slug === FUNDING_SLUG)
      expect(funding?.originSite).toBe('cles')
      expect(snap.news.every((n) => n.originSite === slug || n.originSite === 'cles')).toBe(true)
      expect(snap.news.length).toBeGreaterThanOrEqual(9)
    }
    for (const slug of ['cles', ...PARTNERS]) {
      expect(readFileSync(path.join(out, `${slug}.json`), 'utf8')).not.toContain('Brouillon')
    }
  })

  it('stores each image once, named by its content hash', async () => {
    const out = path.join(cms.dir, 'snap-media')
    const result = await exportTo(out)
    // Every media reference of every snapshot: heroes, logos, images in text and blocks.
    const files = new Set(
      ['cles', ...PARTNERS].flatMap(
        (s) => readFileSync(path.join(out, `${s}.json`), 'utf8').match(/media\/[0-9a-f]{64}\.[a-z0-9]+/g) ?? [],
      ),
    )
    expect(files.size).toBe(result.mediaWritten)
    for (const file of files) {
      expect(file).toMatch(/^media\/[0-9a-f]{64}\.(jpg|png)$/)
      const bytes = readFileSync(path.join(out, file))
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(file.slice(6, 70))
    }
  })

  it('exports the brand (logo, font), focal points, images placed in text and internal links resolved per site', async () => {
    const out = path.join(cms.dir, 'snap-rich')
    await exportTo(out)
    const marthe = readSnap(out, 'maison-de-marthe')
    expect(marthe.site.brand.font).toBe('atkinson-hyperlegible')
    expect(marthe.site.logo).toMatchObject({ mimeType: 'image/png', width: 192, height: 192 })
    for (const [slug, link] of [
      ['maison-de-marthe', 'https://lacles.org/actualites/financement-recurrent-aide-sortie-prostitution/'],
      ['cles', '/actualites/financement-recurrent-aide-sortie-prostitution/'],
    ] as const) {
      const page = readSnap(out, slug).pages.find((p) => p.path === '/services/accompagnement/')!
      const block = page.blocks.fr.find((b) => b.type === 'richText' && b.images.length)!
      expect(block.type === 'richText' && block.html).toContain('<!--cles-image:0-->')
      expect(block.type === 'richText' && block.html).toContain(`<a href="${link}">`)
      expect(block.type === 'richText' && block.images[0]).toMatchObject({ focalX: 32, focalY: 49, mimeType: 'image/jpeg' })
    }
  })

  it('exports the focal point set on each media document, not the exporter’s default centre', async () => {
    const { payload } = cms
    // A seeded hero: the CMS holds a focal point away from the centre, and the snapshot carries it.
    const seededOut = path.join(cms.dir, 'snap-focal-seed')
    await exportTo(seededOut)
    const seeded = readSnap(seededOut, 'maison-de-marthe').news.find((n) => n.hero && n.originSite === 'maison-de-marthe')!
    const seededHero = (await payload.findByID({ collection: 'news', id: seeded.id, depth: 1 })).hero as {
      focalX?: number | null
      focalY?: number | null
    }
    expect([seededHero.focalX, seededHero.focalY]).not.toEqual([50, 50])
    expect(seeded.hero).toMatchObject({ focalX: seededHero.focalX, focalY: seededHero.focalY })

    // A media document created with its own focal point, then used as a published item's hero.
    const bytes = await sharp({ create: { width: 37, height: 23, channels: 3, background: '#884422' } })
      .png()
      .toBuffer()
    const marthe = await siteBySlug('maison-de-marthe')
    const media = await payload.create({
      collection: 'media',
      data: { alt: 'Point focal en haut à gauche', site: marthe.id, focalX: 12, focalY: 81 },
      file: { data: bytes, mimetype: 'image/png', name: 'point-focal.png', size: bytes.length },
    })
    expect(await payload.findByID({ collection: 'media', id: media.id })).toMatchObject({ focalX: 12, focalY: 81 })
    await payload.update({ collection: 'news', id: seeded.id, data: { hero: media.id } })
    const out = path.join(cms.dir, 'snap-focal')
    await exportTo(out)
    const hero = readSnap(out, 'maison-de-marthe').news.find((n) => n.id === seeded.id)?.hero
    expect(hero).toMatchObject({ focalX: 12, focalY: 81, width: 37, height: 23, mimeType: 'image/png' })
  })

  it('after an edit, only the snapshot of the item’s own site changes', async () => {
    const out = path.join(cms.dir, 'snap-edit')
    await exportTo(out)
    const { payload } = cms
    const comms = await userByEmail('comms@cles.example')
    const item = await newsBySlug('journee-portes-ouvertes', 'cles')
    await payload.update({
      collection: 'news',
      id: item.id,
      data: { title: 'Journée portes ouvertes — nouvelle date' },
      user: comms,
      overrideAccess: false,
      locale: 'fr',
    })
    const result = await exportTo(out)
    expect(result.sites.filter((s) => s.changed).map((s) => s.slug)).toEqual(['cles'])
    expect(readSnap(out, 'cles').news.some((n) => n.title.fr === 'Journée portes ouvertes — nouvelle date')).toBe(true)
  })
})

describe('exporter: captions, credits and site languages', () => {
  it('exports the caption (per locale) and credit of a media document wherever it is used, and nothing when empty', async () => {
    const { payload } = cms
    const item = await newsBySlug(FUNDING_SLUG, 'cles')
    const heroId = typeof item.hero === 'object' && item.hero ? item.hero.id : item.hero!
    await payload.update({
      collection: 'media',
      id: heroId,
      locale: 'fr',
      data: { caption: 'Rassemblement « Sortir & s’en sortir »', credit: ' Studio <Nord> ' },
    })
    await payload.update({ collection: 'media', id: heroId, locale: 'en', data: { caption: 'Rally “Getting out & staying out”' } })
    const out = path.join(cms.dir, 'snap-captions')
    await exportTo(out)
    const expected = {
      caption: { fr: 'Rassemblement « Sortir & s’en sortir »', en: 'Rally “Getting out & staying out”' },
      credit: 'Studio <Nord>',
    }
    expect(readSnap(out, 'cles').news.find((n) => n.slug === FUNDING_SLUG)?.hero).toMatchObject(expected)
    // The syndicated copy carries the origin's media document, caption included.
    expect(readSnap(out, 'maison-de-marthe').news.find((n) => n.id === String(item.id))?.hero).toMatchObject(expected)
    // The seed credits every demo image; with no caption, the key is left out.
    const other = readSnap(out, 'calacs-outaouais').news.find((n) => n.hero && n.originSite === 'calacs-outaouais')!.hero!
    expect(other.credit).toBe('Illustration générée pour la démonstration')
    expect(other).not.toHaveProperty('caption')
    for (const slug of ['cles', ...PARTNERS])
      expect(siteSnapshotSchema.safeParse(JSON.parse(readFileSync(path.join(out, `${slug}.json`), 'utf8'))).success, slug).toBe(true)
  })

  it('exports the languages each site offers, French always', async () => {
    const { payload } = cms
    const out = path.join(cms.dir, 'snap-languages')
    await exportTo(out)
    for (const slug of ['cles', ...PARTNERS]) expect(readSnap(out, slug).site.languages, slug).toEqual(['fr', 'en'])
    const outaouais = await siteBySlug('calacs-outaouais')
    try {
      await payload.update({ collection: 'sites', id: outaouais.id, data: { languages: ['fr'] } })
      const result = await exportTo(out)
      expect(result.sites.filter((s) => s.changed).map((s) => s.slug)).toEqual(['calacs-outaouais'])
      expect(readSnap(out, 'calacs-outaouais').site.languages).toEqual(['fr'])
      // No language ticked at all still means French.
      await payload.update({ collection: 'sites', id: outaouais.id, data: { languages: [] } })
      await exportTo(out)
      expect(readSnap(out, 'calacs-outaouais').site.languages).toEqual(['fr'])
    } finally {
      await payload.update({ collection: 'sites', id: outaouais.id, data: { languages: ['fr', 'en'] } })
    }
  })
})

describe('syndication with acceptance', () => {
  it('shows a proposed item on a partner site only once that partner accepts it', async () => {
    const { payload } = cms
    const out = path.join(cms.dir, 'snap-syndication')
    const comms = await userByEmail('comms@cles.example')
    const maison = await siteBySlug('maison-de-marthe')
    const outaouais = await siteBySlug('calacs-outaouais')
    const item = await newsBySlug('atelier-recours-juridiques', 'cles')
    await exportTo(out)

    // CLES communication proposes the item to two partners.
    await payload.update({
      collection: 'news',
      id: item.id,
      data: { targetSites: [maison.id, outaouais.id] },
      user: comms,
      overrideAccess: false,
    })
    let result = await exportTo(out)
    expect(result.sites.filter((s) => s.changed).map((s) => s.slug)).toEqual([])
    const inSnapshot = (slug: string) => readSnap(out, slug).news.some((n) => n.id === String(item.id))
    expect(inSnapshot('maison-de-marthe')).toBe(false)

    // La Maison de Marthe accepts; its admin is recorded with the time.
    const maisonAdmin = await userByEmail('admin@maison-de-marthe.example')
    const decision = await payload.create({
      collection: 'syndication-decisions',
      data: { news: item.id, site: maison.id, decision: 'accepted' },
      user: maisonAdmin,
      overrideAccess: false,
    })
    const decidedBy = decision.decidedBy
    expect(typeof decidedBy === 'object' ? decidedBy?.id : decidedBy).toBe(maisonAdmin.id)
    expect(Date.now() - new Date(decision.decidedAt!).getTime()).toBeLessThan(60_000)
    // CALACS de l'Outaouais declines.
    const outaouaisEditor = await userByEmail('editor@calacs-outaouais.example')
    await payload.create({
      collection: 'syndication-decisions',
      data: { news: item.id, site: outaouais.id, decision: 'declined' },
      user: outaouaisEditor,
      overrideAccess: false,
    })

    result = await exportTo(out)
    expect(result.sites.filter((s) => s.changed).map((s) => s.slug)).toEqual(['maison-de-marthe'])
    expect(inSnapshot('maison-de-marthe')).toBe(true)
    expect(inSnapshot('calacs-outaouais')).toBe(false)
    expect(inSnapshot('calacs-agression-estrie')).toBe(false)
    // Maison de Marthe has its own « atelier-recours-juridiques »: the copy gets its own URL, canonical at CLES.
    const copy = readSnap(out, 'maison-de-marthe').news.find((n) => n.id === String(item.id))!
    expect(copy.slug).toBe('atelier-recours-juridiques-cles')
    expect(copy.canonicalUrl).toBe('https://lacles.org/actualites/atelier-recours-juridiques/')
    expect(readSnap(out, 'maison-de-marthe').news.filter((n) => n.slug === 'atelier-recours-juridiques')).toHaveLength(1)
  })

  it('never lets a partner edit content it does not own, nor answer for another site', async () => {
    const { payload } = cms
    const item = await newsBySlug('financement-recurrent-aide-sortie-prostitution', 'cles')
    const maisonEditor = await userByEmail('editor@maison-de-marthe.example')
    await expect(
      payload.update({
        collection: 'news',
        id: item.id,
        data: { title: 'Réécrit par un partenaire' },
        user: maisonEditor,
        overrideAccess: false,
      }),
    ).rejects.toThrow()
    const estrie = await siteBySlug('calacs-agression-estrie')
    const proposal = await newsBySlug('atelier-recours-juridiques', 'cles')
    await expect(
      payload.create({
        collection: 'syndication-decisions',
        data: { news: proposal.id, site: estrie.id, decision: 'accepted' },
        user: maisonEditor,
        overrideAccess: false,
      }),
    ).rejects.toThrow()
    const reread = await payload.findByID({ collection: 'news', id: item.id, locale: 'fr' })
    expect(reread.title).toContain('2,75 M$')
  })

  it('refuses an answer to an item that was never proposed to the site, in French', async () => {
    const { payload } = cms
    const maisonAdmin = await userByEmail('admin@maison-de-marthe.example')
    const maison = await siteBySlug('maison-de-marthe')
    const notProposed = await newsBySlug('partenariat-acces-logement', 'cles')
    await expect(
      payload.create({
        collection: 'syndication-decisions',
        data: { news: notProposed.id, site: maison.id, decision: 'accepted' },
        user: maisonAdmin,
        overrideAccess: false,
      }),
    ).rejects.toThrow('Cette actualité n’a pas été proposée à ce site.')
  })
})
