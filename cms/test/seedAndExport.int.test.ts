import { exportSnapshots } from '@cles/content/exporter'
import { siteSnapshotSchema, type SiteSnapshot } from '@cles/content'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seed } from '../src/seed'
import { startTempCms, type TempCms } from './helpers/tempCms'

const PARTNERS = ['maison-de-marthe', 'calacs-outaouais', 'calacs-agression-estrie', 'calacs-etoile-du-nord']
const FUNDING_SLUG = 'financement-recurrent-aide-sortie-prostitution'

let cms: TempCms
const readSnap = (dir: string, slug: string): SiteSnapshot =>
  JSON.parse(readFileSync(path.join(dir, `${slug}.json`), 'utf8'))
const exportTo = (outDir: string) => exportSnapshots(cms.payload, { outDir, mediaDir: cms.mediaDir })

beforeAll(async () => {
  cms = await startTempCms()
  await seed(cms.payload, { password: 'test-password-123' })
})
afterAll(async () => cms?.close())

describe('seed', () => {
  it('creates the five sites, the demo accounts, images and about ten news per site', async () => {
    const { payload } = cms
    const sites = await payload.find({ collection: 'sites', sort: 'slug', limit: 10 })
    expect(sites.docs.map((s) => s.slug)).toEqual(['calacs-agression-estrie', 'calacs-etoile-du-nord', 'calacs-outaouais', 'cles', 'maison-de-marthe'])
    expect(sites.docs.find((s) => s.slug === 'cles')?.name).toBe('Concertation des luttes contre l’exploitation sexuelle')
    const users = await payload.find({ collection: 'users', limit: 20 })
    expect(users.docs.map((u) => u.email).sort()).toEqual(
      ['admin@cles.example', 'comms@cles.example', ...PARTNERS.map((p) => `editor@${p}.example`)].sort(),
    )
    expect((await payload.count({ collection: 'media' })).totalDocs).toBeGreaterThanOrEqual(3)
    expect((await payload.count({ collection: 'news', where: { _status: { equals: 'published' } } })).totalDocs).toBeGreaterThanOrEqual(45)
  })

  it('is idempotent: a second run creates nothing', async () => {
    const before = await Promise.all(['sites', 'users', 'media', 'news'].map((c) => cms.payload.count({ collection: c as 'news' })))
    const report = await seed(cms.payload, { password: 'test-password-123' })
    expect(report.created).toEqual({ sites: 0, users: 0, media: 0, news: 0 })
    const after = await Promise.all(['sites', 'users', 'media', 'news'].map((c) => cms.payload.count({ collection: c as 'news' })))
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
    const files = new Set(['cles', ...PARTNERS].flatMap((s) => readSnap(out, s).news.flatMap((n) => (n.hero ? [n.hero.file] : []))))
    expect(files.size).toBe(result.mediaWritten)
    for (const file of files) expect(file).toMatch(/^media\/[0-9a-f]{64}\.jpg$/)
  })

  it('after an edit, only the snapshots of the sites the item targets change', async () => {
    const out = path.join(cms.dir, 'snap-edit')
    await exportTo(out)
    const { payload } = cms
    const comms = (await payload.find({ collection: 'users', where: { email: { equals: 'comms@cles.example' } } })).docs[0]!
    const maison = (await payload.find({ collection: 'sites', where: { slug: { equals: 'maison-de-marthe' } } })).docs[0]!
    const cles = (await payload.find({ collection: 'sites', where: { slug: { equals: 'cles' } } })).docs[0]!
    const item = (
      await payload.find({ collection: 'news', where: { and: [{ slug: { equals: 'journee-portes-ouvertes' } }, { originSite: { equals: cles.id } }] } })
    ).docs[0]!
    // A user acts: access control stays on.
    await payload.update({
      collection: 'news',
      id: item.id,
      data: { title: 'Journée portes ouvertes — nouvelle date', targetSites: [maison.id] },
      user: comms,
      overrideAccess: false,
      locale: 'fr',
    })
    const result = await exportTo(out)
    const changed = result.sites.filter((s) => s.changed).map((s) => s.slug).sort()
    expect(changed).toEqual(['cles', 'maison-de-marthe'])
    expect(readSnap(out, 'maison-de-marthe').news.some((n) => n.title.fr === 'Journée portes ouvertes — nouvelle date')).toBe(true)
    expect(readSnap(out, 'calacs-outaouais').news.some((n) => n.title.fr.includes('nouvelle date'))).toBe(false)
  })
})
