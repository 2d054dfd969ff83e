// The snapshot schema refuses what a site must never render, in French.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { frenchErrors, siteSnapshotSchema } from '../src/schema.ts'
import type { SiteSnapshot } from '../src/types.ts'

const fixture = (): SiteSnapshot =>
  JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/basic/cles.json', import.meta.url)), 'utf8'))

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
    expect(found).toContain('site.headerMenu.1.url : adresse refusée : chemin commençant par /, ou adresse https://, mailto: ou tel: attendu')
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
