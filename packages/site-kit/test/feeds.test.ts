// robots.txt, sitemap and RSS of the built sites, read with a real XML parser
// and compared with the URLs the fixture snapshot calls for.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { describe, expect, inject, it } from 'vitest'
import { builtSite, contentPaths, SITES, snapshot } from './fixtureSites.ts'

const out = inject('buildDir')
const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['url', 'sitemap', 'item'].includes(name) })
const parseXml = (text: string) => {
  expect(XMLValidator.validate(text)).toBe(true)
  return xml.parse(text)
}

describe.each(SITES)('site %s: robots, sitemap, RSS', (slug) => {
  const site = builtSite(out, slug)
  const snap = snapshot(slug)
  const base = snap.site.url
  const own = snap.news.filter((article) => article.originSite === slug)

  it('has a robots.txt that allows crawling and names the sitemap', () => {
    const robots = site.text('robots.txt')
    expect(robots).toMatch(/^User-agent: \*$/m)
    expect(robots).not.toMatch(/^Disallow: \/$/m)
    expect(robots).toMatch(new RegExp(`^Sitemap: ${base}/sitemap-index\\.xml$`, 'm'))
    expect(existsSync(join(site.root, 'sitemap-index.xml'))).toBe(true)
  })

  it('lists exactly its own canonical pages in the sitemap', () => {
    const index = parseXml(site.text('sitemap-index.xml'))
    const maps: string[] = index.sitemapindex.sitemap.map((s: { loc: string }) => s.loc)
    expect(maps).toEqual([`${base}/sitemap-0.xml`])
    const urls: string[] = parseXml(site.text('sitemap-0.xml')).urlset.url.map((u: { loc: string }) => u.loc)
    const pages = Math.max(1, Math.ceil(snap.news.length / 10))
    const expected = [
      `${base}/`,
      `${base}/actualites/`,
      ...Array.from({ length: pages - 1 }, (_, i) => `${base}/actualites/page/${i + 2}/`),
      // Syndicated articles are canonical on their origin site, so not here.
      ...own.map((article) => `${base}/actualites/${article.slug}/`),
      `${base}/a-propos/`,
      `${base}/naviguer-en-securite/`,
      // English where content exists: home, news, safety, own translated articles.
      `${base}/en/`,
      `${base}/en/news/`,
      `${base}/en/browsing-safely/`,
      ...own.filter((article) => article.locales.includes('en')).map((article) => `${base}/en/news/${article.slug}/`),
      // English category lists: an English name and at least one English article (one page each in the fixture).
      ...snap.categories
        .filter((c) => c.title.en && snap.news.some((a) => a.locales.includes('en') && a.categories.includes(c.slug)))
        .map((c) => `${base}/en/news/category/${c.slug}/`),
      // CMS pages, resources directory and its filters, network, news categories.
      ...contentPaths(snap).map((path) => `${base}${path}`),
    ]
    expect([...urls].sort()).toEqual([...expected].sort())
    expect(new Set(urls).size).toBe(urls.length)
  })

  it('publishes its news as RSS with French titles and absolute links, newest first', () => {
    const feed = parseXml(site.text('actualites/rss.xml'))
    expect(feed.rss['@_version']).toBe('2.0')
    const channel = feed.rss.channel
    expect(channel.title).toBe(`${snap.site.name} — Actualités`)
    expect(channel.link).toBe(`${base}/`)
    expect(channel.language).toBe('fr-CA')
    const items: { title: string; link: string; pubDate: string }[] = channel.item
    const news = snap.news.slice(0, 20)
    expect(items.map((item) => item.title)).toEqual(news.map((article) => article.title.fr))
    expect(items.map((item) => item.link)).toEqual(news.map((article) => `${base}/actualites/${article.slug}/`))
    expect(items.map((item) => new Date(item.pubDate).toISOString())).toEqual(news.map((article) => article.publishedAt))
  })

  it('announces the feed in the head of every page', () => {
    for (const path of site.htmlPages()) {
      const link = site.page(path).querySelector('head link[rel=alternate][type="application/rss+xml"]')
      expect(link?.getAttribute('href'), path).toBe('/actualites/rss.xml')
      expect(link?.getAttribute('title'), path).toBe(`${snap.site.name} — Actualités`)
    }
  })
})
