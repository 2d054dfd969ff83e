// Injects the kit's pages at the paths of the contract's route table: one
// entrypoint per route, injected once per locale it has and the site offers
// (`site.languages`: a French-only site gets no /en/ route at all; each file
// reads its locale from the pattern), then the CMS pages' catch-all.
import { allRoutePatterns, astroPattern, type Locale, type RouteName } from '@cles/content'
import type { HookParameters } from 'astro'

const ENTRYPOINTS: Record<RouteName, string> = {
  home: 'index.astro',
  news: 'news-index.astro',
  newsPage: 'news-page.astro',
  article: 'news-article.astro',
  newsFeed: 'rss.xml.ts',
  category: 'news-category.astro',
  categoryPage: 'news-category-page.astro',
  resources: 'resources-index.astro',
  resourcesCategory: 'resources-category.astro',
  resourcesRegion: 'resources-region.astro',
  network: 'network.astro',
  safety: 'safety.astro',
  search: 'search.astro',
  robots: 'robots.txt.ts',
  notFound: '404.astro',
}

const entrypoint = (file: string) => new URL(`../routes/${file}`, import.meta.url)

export interface KitRoute {
  /** The route table's name; `page` for the CMS pages' catch-all. */
  name: RouteName | 'page'
  locale: Locale
  /** Astro's pattern (`/actualites/[slug]`). */
  pattern: string
  /** The kit's page file (under src/routes/). */
  entrypoint: string
}

/** The kit's routes for a site offering `languages` (French always), the CMS pages' catch-all last. */
export function kitRoutes(languages: readonly Locale[]): KitRoute[] {
  const offered = allRoutePatterns().filter(({ locale }) => locale === 'fr' || languages.includes(locale))
  return [
    ...offered.map(({ name, locale, pattern }) => ({ name, locale, pattern: astroPattern(pattern), entrypoint: ENTRYPOINTS[name] })),
    // CMS pages (French): a rest route has Astro's lowest priority, and it
    // only generates the snapshot's servable page paths (see pagePaths.ts).
    { name: 'page', locale: 'fr', pattern: '/[...path]', entrypoint: 'local-page.astro' },
  ]
}

export function injectKitRoutes(injectRoute: HookParameters<'astro:config:setup'>['injectRoute'], languages: readonly Locale[]) {
  for (const route of kitRoutes(languages)) injectRoute({ pattern: route.pattern, entrypoint: entrypoint(route.entrypoint) })
}
