// RSS feed of the site's news (French titles, absolute links to this site's
// own article pages, newest first).
import rss from '@astrojs/rss'
import type { APIRoute } from 'astro'
import config from 'virtual:cles/config'
import { t } from '../i18n/index.ts'
import { allNews } from '../news.ts'

export const GET: APIRoute = async ({ site }) => {
  const news = (await allNews()).slice(0, config.options.feedSize)
  return rss({
    title: t('fr', 'feed.title', { site: config.site.name }),
    description: config.site.tagline.fr || config.site.name,
    site: site!,
    customData: '<language>fr-CA</language>',
    items: news.map((article) => ({
      title: article.title.fr,
      link: `/actualites/${article.slug}/`,
      pubDate: new Date(article.publishedAt),
      description: article.excerpt.fr || undefined,
    })),
  })
}
