// The one owner of reader URLs. Every path a site serves is spelled here once:
// the exporter (canonical URLs, internal links), the site kit (injected routes,
// links, sitemap), the static server (search headers) and the CMS (paths an
// editor may not give a page) all read this table. Plain TypeScript, no imports
// beyond the contract, so any package (and Node's type stripping) can use it.
import type { Locale } from './types.ts'

/** `:name` marks a parameter; every page path ends with a slash, files do not. */
type Pattern = `/${string}`

/** A route in French (always) and English (where the kit serves English). */
export interface Route {
  fr: Pattern
  en?: Pattern
}

export const ROUTES = {
  home: { fr: '/', en: '/en/' },
  news: { fr: '/actualites/', en: '/en/news/' },
  newsPage: { fr: '/actualites/page/:page/', en: '/en/news/page/:page/' },
  article: { fr: '/actualites/:slug/', en: '/en/news/:slug/' },
  newsFeed: { fr: '/actualites/rss.xml' },
  category: { fr: '/actualites/categorie/:category/', en: '/en/news/category/:category/' },
  categoryPage: { fr: '/actualites/categorie/:category/page/:page/', en: '/en/news/category/:category/page/:page/' },
  resources: { fr: '/ressources/' },
  resourcesCategory: { fr: '/ressources/categorie/:category/' },
  resourcesRegion: { fr: '/ressources/region/:region/' },
  network: { fr: '/reseau/' },
  safety: { fr: '/naviguer-en-securite/', en: '/en/browsing-safely/' },
  search: { fr: '/recherche/', en: '/en/search/' },
  robots: { fr: '/robots.txt' },
  notFound: { fr: '/404/' },
} as const satisfies Record<string, Route>

export type RouteName = keyof typeof ROUTES

/** Folders and files a build writes beside the routes (assets, search index, media, sitemaps). */
export const BUILD_PATHS = [
  '/_astro/',
  '/pagefind/',
  '/media/',
  '/sitemap-index.xml',
  '/sitemap-0.xml',
  '/favicon.svg',
  '/404.html',
] as const

/** Where the search pages load Pagefind from. */
export const SEARCH_BUNDLE_PATH = '/pagefind/'

export class RouteError extends Error {}

/** The route's pattern in a locale, or undefined when the kit has no page in that locale. */
export function routePattern(name: RouteName, locale: Locale = 'fr'): Pattern | undefined {
  const route: Route = ROUTES[name]
  return locale === 'fr' ? route.fr : route.en
}

/** The URL path of a route, parameters filled in (`routePath('article', 'fr', { slug: 'x' })` → `/actualites/x/`). */
export function routePath(name: RouteName, locale: Locale = 'fr', params: Record<string, string | number> = {}): string {
  const pattern = routePattern(name, locale)
  if (!pattern) throw new RouteError(`la route « ${name} » n’existe pas en ${locale}`)
  return pattern.replace(/:([a-z]+)/gi, (_, key: string) => {
    const value = params[key]
    if (value === undefined || value === '') throw new RouteError(`paramètre « ${key} » manquant pour la route « ${name} »`)
    return encodeURIComponent(String(value))
  })
}

/** Astro's form of a pattern: `[param]`, no trailing slash (`/actualites/[slug]`). */
export function astroPattern(pattern: Pattern): string {
  const converted = pattern.replace(/:([a-z]+)/gi, '[$1]')
  return converted.length > 1 ? converted.replace(/\/$/, '') : converted
}

/** Locale of a path: English lives under /en/. */
export const localeOfPath = (path: string): Locale => (path === '/en' || path.startsWith('/en/') ? 'en' : 'fr')

/** Every (route, locale, pattern) the kit serves. */
export function allRoutePatterns(): { name: RouteName; locale: Locale; pattern: Pattern }[] {
  return (Object.keys(ROUTES) as RouteName[]).flatMap((name) =>
    (['fr', 'en'] as const).flatMap((locale) => {
      const pattern = routePattern(name, locale)
      return pattern ? [{ name, locale, pattern }] : []
    }),
  )
}

const firstSegment = (path: string) => path.split('/')[1] ?? ''

/**
 * First path segments that belong to the kit's routes and to the build
 * (`actualites`, `en`, `pagefind`…): a CMS page can never take them.
 */
export const RESERVED_SEGMENTS: ReadonlySet<string> = new Set(
  [...allRoutePatterns().map((r) => r.pattern), ...BUILD_PATHS].map(firstSegment).filter((segment) => segment !== ''),
)

/** The reserved segment a page path would take (`/actualites/x/` → `actualites`), or undefined. */
export function reservedSegmentOf(path: string): string | undefined {
  const segment = firstSegment(path)
  return RESERVED_SEGMENTS.has(segment) ? segment : undefined
}

/** Paths served with the search pages' policy (Pagefind's WebAssembly): the search pages and Pagefind's files. */
export const SEARCH_PATHS: readonly string[] = [routePath('search', 'fr'), routePath('search', 'en'), SEARCH_BUNDLE_PATH]
