// Shared by the site tests: where the fixture lives and how to read what the
// global setup built from it.
import { readFileSync, readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'node-html-parser'
import type { SiteSnapshot } from '@cles/content'

export const repo = fileURLToPath(new URL('../../../', import.meta.url))
export const fixtures = join(repo, 'packages/content/fixtures/basic')
export const SITES = ['cles', 'maison-de-marthe', 'calacs-outaouais', 'calacs-agression-estrie', 'calacs-etoile-du-nord']

export const snapshot = (slug: string): SiteSnapshot => JSON.parse(readFileSync(join(fixtures, `${slug}.json`), 'utf8'))

/** French URL segments of the directory's needs, written out here so a changed URL fails a test. */
export const NEED_SEGMENTS: Record<string, string> = {
  housing: 'logement',
  employment: 'emploi',
  health: 'sante',
  legal: 'juridique',
  shelter: 'hebergement-urgence',
  'help-line': 'lignes-ecoute',
  other: 'autres',
}

/** A region page also lists what serves the whole province. */
export const servesRegion = (regions: string[], region: string) =>
  regions.includes(region) || (region !== 'quebec' && regions.includes('quebec'))

/** The URL paths a snapshot's pages, resources, categories and network call for (besides home, news and safety). */
export function contentPaths(snap: SiteSnapshot, pageSize = 10): string[] {
  const needs = [...new Set(snap.resources.map((r) => r.category))]
  const regions = [...new Set(snap.resources.flatMap((r) => r.regions))]
  return [
    ...snap.pages.map((p) => p.path),
    '/ressources/',
    ...needs.map((c) => `/ressources/categorie/${NEED_SEGMENTS[c]}/`),
    ...regions.map((r) => `/ressources/region/${r}/`),
    '/reseau/',
    ...snap.categories.flatMap((c) => {
      const count = snap.news.filter((a) => a.categories.includes(c.slug)).length
      const pages = Math.max(1, Math.ceil(count / pageSize))
      return [
        `/actualites/categorie/${c.slug}/`,
        ...Array.from({ length: pages - 1 }, (_, i) => `/actualites/categorie/${c.slug}/page/${i + 2}/`),
      ]
    }),
  ]
}

/** `/a/b/` → `a/b/index.html` */
export const htmlFile = (path: string) => `${path.slice(1)}index.html`

/** Reads built files of one site; `dir` comes from inject('buildDir'). */
export function builtSite(dir: string, slug: string) {
  const root = join(dir, slug)
  const text = (path: string) => readFileSync(join(root, path), 'utf8')
  return {
    root,
    text,
    page: (path: string) => parse(text(path)),
    /** Every generated HTML page, as paths relative to the site root. */
    htmlPages: () =>
      readdirSync(root, { recursive: true, encoding: 'utf8' })
        .filter((file) => file.endsWith('.html'))
        .map((file) => relative(root, join(root, file)))
        .sort(),
  }
}
