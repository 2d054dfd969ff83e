// The kinds of reader page a built site has, found from its output files rather
// than a hand-kept list, so a new route or a site-specific page is covered as
// soon as it is built.
import { reservedSegmentOf } from '@cles/content'
import { localPagePaths } from '@cles/site-kit/page-paths'
import { readdirSync } from 'node:fs'
import { join, sep } from 'node:path'

export type PageType =
  | 'home'
  | 'English home'
  | 'news index'
  | 'news pagination'
  | 'article'
  | 'news category'
  | 'news category pagination'
  | 'resources index'
  | 'resources by category'
  | 'resources by region'
  | 'network'
  | 'safety'
  | 'search'
  | 'English news index'
  | 'English news pagination'
  | 'English article'
  | 'English news category'
  | 'English news category pagination'
  | 'English safety'
  | 'English search'
  | 'site-local page'
  | 'other kit page'
  | 'CMS page'
  | '404'

/** Types every site must have: a site without one has lost a route. */
export const REQUIRED_TYPES: PageType[] = ['home', 'news index', 'article', 'resources index', 'network', 'safety', 'search', '404']

/** A URL path no site has: the static server answers it with the site's 404.html. */
export const MISSING_PATH = '/nexiste-pas/'

// Ordered: the first match wins, so the fixed paths and the deeper patterns
// come before the catch-all article (`/actualites/page/` is not an article).
const TABLE: [PageType, RegExp][] = [
  ['404', /^\/404\.html$/],
  ['home', /^\/$/],
  ['English home', /^\/en\/$/],
  ['English news pagination', /^\/en\/news\/page\/\d+\/$/],
  ['English news index', /^\/en\/news\/$/],
  ['English news category pagination', /^\/en\/news\/category\/[^/]+\/page\/\d+\/$/],
  ['English news category', /^\/en\/news\/category\/[^/]+\/$/],
  ['English article', /^\/en\/news\/[^/]+\/$/],
  ['English safety', /^\/en\/browsing-safely\/$/],
  ['English search', /^\/en\/search\/$/],
  ['news category pagination', /^\/actualites\/categorie\/[^/]+\/page\/\d+\/$/],
  ['news category', /^\/actualites\/categorie\/[^/]+\/$/],
  ['news pagination', /^\/actualites\/page\/\d+\/$/],
  ['news index', /^\/actualites\/$/],
  ['article', /^\/actualites\/[^/]+\/$/],
  ['resources by category', /^\/ressources\/categorie\/[^/]+\/$/],
  ['resources by region', /^\/ressources\/region\/[^/]+\/$/],
  ['resources index', /^\/ressources\/$/],
  ['network', /^\/reseau\/$/],
  ['safety', /^\/naviguer-en-securite\/$/],
  ['search', /^\/recherche\/$/],
]

/** The site's own pages in src/pages, as the kit counts them (it never lets a CMS page take one). */
const localPathsOf = (siteRoot: string) => new Set(localPagePaths(join(siteRoot, 'src/pages')))

export function classify(path: string, localPaths: Set<string>): PageType {
  const match = TABLE.find(([, pattern]) => pattern.test(path))
  if (match) return match[0]
  if (localPaths.has(path)) return 'site-local page'
  // CMS pages never take a kit segment, so an unknown path there is a new kit route, not a CMS page:
  // still visited, as its own type, instead of hiding the real CMS pages.
  return reservedSegmentOf(path) ? 'other kit page' : 'CMS page'
}

/** URL paths of every HTML page in a built site: `/x/` for x/index.html, plus `/404.html`. */
export function builtPagePaths(distDir: string): string[] {
  return readdirSync(distDir, { recursive: true, encoding: 'utf8' })
    .map((file) => file.split(sep).join('/'))
    .filter((file) => file === '404.html' || file === 'index.html' || file.endsWith('/index.html'))
    .map((file) => `/${file.replace(/index\.html$/, '')}`)
    .sort()
}

export interface PageToVisit {
  type: PageType
  path: string
  url: string
}

/**
 * The first path (sorted) of each page type in a built site, and every CMS
 * page (each has its own blocks, images and breadcrumbs); `url` is what to
 * open, i.e. a missing path for the 404 page, as a reader would reach it.
 */
export function pagesToVisit(distDir: string, siteRoot: string): PageToVisit[] {
  const localPaths = localPathsOf(siteRoot)
  const visits: PageToVisit[] = []
  const seen = new Set<PageType>()
  for (const path of builtPagePaths(distDir)) {
    const type = classify(path, localPaths)
    if (seen.has(type) && type !== 'CMS page') continue
    seen.add(type)
    visits.push({ type, path, url: type === '404' ? MISSING_PATH : path })
  }
  return visits
}
