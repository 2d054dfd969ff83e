// Injects the kit's pages at the paths of the contract's route table: one
// entrypoint per route, injected once per locale it has (each file reads its
// locale from the pattern), then the CMS pages' catch-all.
import { allRoutePatterns, astroPattern, type RouteName } from '@cles/content'
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

export function injectKitRoutes(injectRoute: HookParameters<'astro:config:setup'>['injectRoute']) {
  for (const { name, pattern } of allRoutePatterns()) injectRoute({ pattern: astroPattern(pattern), entrypoint: entrypoint(ENTRYPOINTS[name]) })
  // CMS pages: a rest route has Astro's lowest priority, and it only
  // generates the snapshot's servable page paths (see pagePaths.ts).
  injectRoute({ pattern: '/[...path]', entrypoint: entrypoint('local-page.astro') })
}
