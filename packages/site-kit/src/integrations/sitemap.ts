// The sitemap lists the pages this site is the canonical home of: a syndicated
// article's canonical URL is on its origin site, and the search pages have no
// content of their own; feeds and robots.txt are not pages.
import sitemap from '@astrojs/sitemap'
import { routePath, type SnapshotArticle, type SiteSnapshot } from '@cles/content'
import { articleTranslations } from '../localePaths.ts'

/** Page URLs of this site that stay out of its sitemap (also read by the incremental release, preview/release.mjs). */
export function sitemapExclusions(news: readonly SnapshotArticle[], siteSlug: string, site: string): Set<string> {
  const elsewhere = new Set(
    news
      .filter((article) => article.originSite !== siteSlug)
      .flatMap((article) => Object.values(articleTranslations(article)).map((path) => new URL(path, site).href)),
  )
  for (const locale of ['fr', 'en'] as const) elsewhere.add(new URL(routePath('search', locale), site).href)
  return elsewhere
}

export function sitemapIntegration(snapshot: SiteSnapshot, site: string) {
  const elsewhere = sitemapExclusions(snapshot.news, snapshot.site.slug, site)
  return sitemap({ filter: (url) => url.endsWith('/') && !elsewhere.has(url) })
}
