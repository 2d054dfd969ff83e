// The snapshot schema refuses what a site must never render, in French.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { frenchErrors, siteSnapshotSchema } from '../src/schema.ts'
import type { SiteSnapshot } from '../src/types.ts'

const fixture = (): SiteSnapshot => JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/basic/cles.json', import.meta.url)), 'utf8'))

/** `path : message` lines, as read.ts prints them. */
function problems(snapshot: unknown): string[] {
  const result = siteSnapshotSchema.safeParse(snapshot, { error: frenchErrors })
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')} : ${i.message}`)
}

describe('siteSnapshotSchema', () => {
  it('accepts the committed fixture, with pages, resources and categories', () => {
    const snap = fixture()
    expect(problems(snap)).toEqual([])
    expect(snap.pages.map((p) => p.path)).toEqual(['/services/', '/services/accompagnement/'])
    expect(snap.resources.length).toBeGreaterThan(0)
    expect(snap.news.every((a) => a.categories.every((c) => snap.categories.some((k) => k.slug === c)))).toBe(true)
  })

  it('refuses unsafe menu and button URLs and a non-https resource website', () => {
    const snap = fixture()
    snap.site.headerMenu.push({ label: { fr: 'Piège' }, url: 'javascript:alert(1)' })
    snap.site.footerMenu.push({ label: { fr: 'Piège' }, url: '//evil.example/' })
    const cta = snap.pages[1]!.blocks.fr.find((b) => b.type === 'callToAction')!
    if (cta.type === 'callToAction') cta.links.push({ label: 'Piège', url: 'data:text/html,<script>' })
    snap.resources[0]!.website = 'http://exemple.org/'
    const found = problems(snap)
    expect(found).toContain(
      'site.headerMenu.1.url : adresse refusée : chemin commençant par /, ou adresse https://, mailto: ou tel: attendu',
    )
    expect(found.some((p) => p.startsWith('site.footerMenu.1.url : adresse refusée'))).toBe(true)
    expect(found.some((p) => p.startsWith('pages.1.blocks.fr.3.links.1.url : adresse refusée'))).toBe(true)
    expect(found).toContain('resources.0.website : adresse https:// complète attendue')
  })

  it('explains broken references in French', () => {
    const snap = fixture()
    snap.news[0]!.categories.push('inconnue')
    snap.pages[1]!.parentId = '999'
    snap.pages[1]!.path = '/services/'
    expect(problems(snap)).toEqual([
      'news.0.categories.1 : catégorie « inconnue » absente de la liste categories',
      'pages.1.parentId : page parente « 999 » absente de l’instantané',
      'pages.1.path : chemin « /services/ » utilisé par deux pages',
    ])
  })

  it('explains unknown values and malformed items in French', () => {
    const snap = fixture()
    ;(snap.resources[0] as { category: string }).category = 'casino'
    ;(snap.pages[0]!.blocks.fr[0] as { type: string }).type = 'video'
    ;(snap as { pages: unknown[] }).pages.push({ id: 'x' })
    const found = problems(snap)
    expect(found.some((p) => p.startsWith('resources.0.category : besoin attendu parmi'))).toBe(true)
    expect(found.some((p) => p.startsWith('pages.0.blocks.fr.0.type : type de bloc inconnu'))).toBe(true)
    // Generic issues get zod's French wording, never English.
    const generic = found.filter((p) => p.startsWith('pages.2.'))
    expect(generic.length).toBeGreaterThan(0)
    for (const line of generic) expect(line).not.toMatch(/Invalid|expected|received/)
  })
})

describe('media captions and site languages', () => {
  it('carries the CMS caption (per locale) and credit of the fixture’s images', () => {
    const snap = siteSnapshotSchema.parse(fixture())
    const hero = snap.news.find((a) => a.slug === 'financement-recurrent-aide-sortie-prostitution')!.hero!
    expect(hero.caption?.fr).toContain('&')
    expect(hero.caption?.en).toBeTruthy()
    expect(hero.credit).toBe('Studio <Nord> & CLES')
    const block = snap.pages.find((p) => p.path === '/services/accompagnement/')!.blocks.fr.find((b) => b.type === 'richText')!
    expect(block.type === 'richText' && block.images[0]).toMatchObject({ caption: { fr: expect.any(String) }, credit: 'Marie-Ève Gagnon' })
    expect(snap.site.languages).toEqual(['fr', 'en'])
  })

  it('still reads a snapshot written before captions, credits and languages: no caption, both languages', () => {
    const old = JSON.parse(JSON.stringify(fixture()), (key, value) =>
      key === 'caption' || key === 'credit' || key === 'languages' ? undefined : value,
    )
    expect(JSON.stringify(old)).not.toMatch(/"(caption|credit|languages)"/)
    const parsed = siteSnapshotSchema.safeParse(old, { error: frenchErrors })
    expect(parsed.success).toBe(true)
    expect(parsed.data?.site.languages).toEqual(['fr', 'en'])
    expect(parsed.data?.news.every((a) => a.hero === null || (a.hero.caption === undefined && a.hero.credit === undefined))).toBe(true)
  })

  it('accepts a French-only site and refuses languages without French, unknown or repeated, and an empty credit', () => {
    const french = fixture()
    french.site.languages = ['fr']
    expect(problems(french)).toEqual([])
    for (const [languages, message] of [
      [['en'], 'site.languages : le français est toujours proposé (fr manquant)'],
      [[], 'site.languages : le français est toujours proposé (fr manquant)'],
      [['fr', 'fr'], 'site.languages : langue en double'],
      [['fr', 'de'], 'site.languages.1 : langue attendue parmi : fr, en'],
    ] as const) {
      const snap = fixture()
      ;(snap.site as { languages: unknown }).languages = languages
      expect(problems(snap), JSON.stringify(languages)).toContain(message)
    }
    const snap = fixture()
    snap.news[0]!.hero!.credit = ''
    expect(problems(snap)).toContain('news.0.hero.credit : crédit vide : omettez le champ')
  })
})
