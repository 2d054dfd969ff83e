// English under /en/, only where the snapshot has a translation: the pages,
// their lang, reciprocal hreflang pairs and the header's language switcher.
import { describe, expect, inject, it } from 'vitest'
import type { HTMLElement } from 'node-html-parser'
import { builtSite, htmlFile, SITES, snapshot } from './fixtureSites.ts'

const out = inject('buildDir')

const hreflangs = (doc: HTMLElement) =>
  Object.fromEntries(doc.querySelectorAll('link[rel=alternate][hreflang]').map((l) => [l.getAttribute('hreflang'), l.getAttribute('href')]))
const switcher = (doc: HTMLElement) => doc.querySelectorAll('header .lang-switch a')

describe.each(SITES)('site %s: English pages', (slug) => {
  const site = builtSite(out, slug)
  const snap = snapshot(slug)
  const url = (path: string) => new URL(path, `${snap.site.url}/`).href
  const translated = snap.news.filter((a) => a.locales.includes('en'))
  const frenchOnly = snap.news.filter((a) => !a.locales.includes('en'))
  const own = (a: (typeof snap.news)[number]) => a.originSite === slug

  it('has an English page exactly for each translated article', () => {
    expect(translated.length).toBeGreaterThan(0)
    expect(frenchOnly.length).toBeGreaterThan(0)
    const english = site
      .htmlPages()
      .filter(
        (p) =>
          p.startsWith('en/news/') && p !== 'en/news/index.html' && !p.startsWith('en/news/page/') && !p.startsWith('en/news/category/'),
      )
    expect(english).toEqual(translated.map((a) => htmlFile(`/en/news/${a.slug}/`)).sort())
    for (const article of translated) {
      const doc = site.page(htmlFile(`/en/news/${article.slug}/`))
      expect(doc.querySelector('html')?.getAttribute('lang')).toBe('en-CA')
      expect(doc.querySelector('h1')?.text).toBe(article.title.en)
    }
  })

  it('lists only translated articles on the English home and news index, with English chrome', () => {
    const titles = translated.map((a) => a.title.en)
    for (const path of ['en/index.html', 'en/news/index.html']) {
      const doc = site.page(path)
      expect(doc.querySelector('html')?.getAttribute('lang'), path).toBe('en-CA')
      const links = doc.querySelectorAll('.news-list a')
      expect(links.length, path).toBeGreaterThan(0)
      for (const a of links) {
        expect(a.getAttribute('href'), path).toMatch(/^\/en\/news\/[\w-]+\/$/)
        expect(titles, path).toContain(a.text)
      }
      expect(doc.querySelector('[data-quick-exit]')?.text.trim()).toBe('Leave this site')
      expect(doc.querySelector('.skip-link')?.text).toBe('Skip to content')
      expect(doc.querySelector('.site-nav')?.getAttribute('aria-label')).toBe('Main navigation')
      expect(doc.querySelector('footer a[href="/en/browsing-safely/"]')?.text).toBe('Browse safely')
    }
    expect(site.page('en/news/index.html').querySelectorAll('.news-list li').length).toBe(Math.min(10, translated.length))
  })

  it('has an English category page exactly where a category has an English name and English articles', () => {
    const englishCategories = snap.categories.filter((c) => c.title.en && translated.some((a) => a.categories.includes(c.slug)))
    expect(englishCategories.length).toBeGreaterThan(0)
    const pages = site.htmlPages().filter((p) => /^en\/news\/category\/[^/]+\/index\.html$/.test(p))
    expect(pages).toEqual(englishCategories.map((c) => htmlFile(`/en/news/category/${c.slug}/`)).sort())
    for (const category of englishCategories) {
      const doc = site.page(htmlFile(`/en/news/category/${category.slug}/`))
      expect(doc.querySelector('html')?.getAttribute('lang')).toBe('en-CA')
      expect(doc.querySelector('h1')?.text).toContain(category.title.en)
      const expected = translated
        .filter((a) => a.categories.includes(category.slug))
        .slice(0, 10)
        .map((a) => `/en/news/${a.slug}/`)
      expect(doc.querySelectorAll('.news-list a').map((a) => a.getAttribute('href'))).toEqual(expected)
      expect(doc.querySelector('nav.category-nav [aria-current="page"]')?.getAttribute('href')).toBe(`/en/news/category/${category.slug}/`)
      // The French list and the English list point at each other.
      const french = site.page(htmlFile(`/actualites/categorie/${category.slug}/`))
      expect(hreflangs(french)['en-CA']).toBe(url(`/en/news/category/${category.slug}/`))
      expect(hreflangs(doc)['fr-CA']).toBe(url(`/actualites/categorie/${category.slug}/`))
    }
    // An English article links only to English category pages.
    for (const article of translated) {
      for (const a of site
        .page(htmlFile(`/en/news/${article.slug}/`))
        .querySelectorAll('main a[href*="/category/"], main a[href*="/categorie/"]')) {
        expect(a.getAttribute('href')).toMatch(/^\/en\/news\/category\/[a-z0-9-]+\/$/)
      }
    }
  })

  it('has an English safety page', () => {
    const doc = site.page('en/browsing-safely/index.html')
    expect(doc.querySelector('html')?.getAttribute('lang')).toBe('en-CA')
    expect(doc.querySelector('h1')?.text).toBe('Browse safely')
    expect(doc.querySelector('main')!.text).toContain('press the Shift key three times')
  })

  it('pairs French and English pages with reciprocal, absolute hreflang links', () => {
    const pairs = [
      ['/', '/en/'],
      ['/naviguer-en-securite/', '/en/browsing-safely/'],
      ...translated.filter(own).map((a) => [`/actualites/${a.slug}/`, `/en/news/${a.slug}/`]),
    ]
    expect(pairs.length).toBeGreaterThan(2)
    for (const [fr, en] of pairs) {
      const expected = { 'fr-CA': url(fr!), 'en-CA': url(en!), 'x-default': url(fr!) }
      expect(hreflangs(site.page(htmlFile(fr!))), fr).toEqual(expected)
      expect(hreflangs(site.page(htmlFile(en!))), en).toEqual(expected)
    }
  })

  it('gives no hreflang to a French-only article, nor to a syndicated copy (its origin site has them)', () => {
    for (const article of [...frenchOnly, ...translated.filter((a) => !own(a))]) {
      expect(hreflangs(site.page(htmlFile(`/actualites/${article.slug}/`))), article.slug).toEqual({})
    }
  })

  it('points an English syndicated copy to the English page of its origin site', () => {
    for (const article of translated.filter((a) => !own(a))) {
      const doc = site.page(htmlFile(`/en/news/${article.slug}/`))
      expect(doc.querySelector('link[rel=canonical]')?.getAttribute('href')).toBe(article.canonicalUrl.replace('/actualites/', '/en/news/'))
    }
  })

  it('shows the language switcher only when a translation exists', () => {
    for (const article of translated) {
      const [toEnglish] = switcher(site.page(htmlFile(`/actualites/${article.slug}/`)))
      expect(toEnglish?.getAttribute('href')).toBe(`/en/news/${article.slug}/`)
      expect(toEnglish?.getAttribute('lang')).toBe('en-CA')
      expect(toEnglish?.getAttribute('hreflang')).toBe('en-CA')
      expect(toEnglish?.getAttribute('aria-label')).toBe('Read this page in English')
      expect(toEnglish?.text).toBe('English')
      const [toFrench] = switcher(site.page(htmlFile(`/en/news/${article.slug}/`)))
      expect(toFrench?.getAttribute('href')).toBe(`/actualites/${article.slug}/`)
      expect(toFrench?.getAttribute('lang')).toBe('fr-CA')
      expect(toFrench?.getAttribute('hreflang')).toBe('fr-CA')
      expect(toFrench?.text).toBe('Français')
    }
    expect(switcher(site.page('index.html'))[0]?.getAttribute('href')).toBe('/en/')
    expect(switcher(site.page('en/index.html'))[0]?.getAttribute('href')).toBe('/')
    expect(site.page('index.html').querySelector('header .lang-switch')?.getAttribute('aria-label')).toBe('Langue')
    for (const path of [
      ...frenchOnly.map((a) => htmlFile(`/actualites/${a.slug}/`)),
      'ressources/index.html',
      'reseau/index.html',
      'a-propos/index.html',
      '404.html',
    ]) {
      expect(site.page(path).querySelector('header .lang-switch'), path).toBeNull()
    }
  })

  it('keeps English URLs of syndicated copies out of the sitemap, and English pages of its own in it', () => {
    const sitemap = site.text('sitemap-0.xml')
    expect(sitemap).toContain(`<loc>${url('/en/')}</loc>`)
    for (const article of translated) {
      expect(sitemap.includes(`<loc>${url(`/en/news/${article.slug}/`)}</loc>`), article.slug).toBe(own(article))
    }
  })
})
