// Hostile text from the CMS is shown as text, never run: the cles site built
// from a snapshot with script, event attributes and SVG in every new field.
import { describe, expect, inject, it } from 'vitest'
import { dirname } from 'node:path'
import { builtSite } from './fixtureSites.ts'
import { HOSTILE, snapshotOf } from './hostileSnapshot.ts'

const hostileDir = inject('hostileDir')
const site = builtSite(dirname(hostileDir), 'hostile')

describe('hostile content in the snapshot', () => {
  it('escapes it everywhere: one external script per page, no injected element or event attribute', () => {
    for (const path of site.htmlPages()) {
      // Parsed as a browser would: text inside attribute values (og:title) is inert.
      const doc = site.page(path)
      const scripts = doc.querySelectorAll('script')
      // The search pages add the module that starts Pagefind.
      const expected = path === 'recherche/index.html' || path === 'en/search/index.html' ? [true, true] : [true]
      expect(
        scripts.map((s) => s.getAttribute('src')?.startsWith('/_astro/')),
        path,
      ).toEqual(expected)
      expect(doc.querySelectorAll('svg, b, img[src="x"]'), path).toHaveLength(0)
      const events = doc.querySelectorAll('*').flatMap((el) => Object.keys(el.attributes).filter((name) => /^on/i.test(name)))
      expect(events, path).toEqual([])
      expect(site.text(path), path).not.toMatch(/<\/details><script/)
    }
  })

  it('shows the hostile strings as plain text where they belong', () => {
    const page = site.page('services/index.html')
    expect(page.querySelector('h1')?.text).toBe(HOSTILE.pageTitle)
    expect(page.querySelector('nav.breadcrumbs [aria-current="page"]')?.text).toBe(HOSTILE.pageTitle)
    const faq = page.querySelectorAll('.block-faq details')
    expect(faq.at(-1)?.querySelector('summary')?.text).toBe(HOSTILE.question)
    expect(faq.at(-1)?.querySelector('.faq-answer')?.text).toBe(HOSTILE.answer)
    expect(page.querySelectorAll('.block-cta a').at(-1)?.text).toBe(HOSTILE.ctaLabel)
    expect(page.querySelector('footer .help-line-label')?.text).toBe(HOSTILE.helpLine)
    const directory = site.page('ressources/index.html')
    expect(directory.querySelectorAll('.resource-card h3').map((h) => h.text)).toContain(HOSTILE.resourceName)
    expect(directory.querySelector('main')!.text).toContain(HOSTILE.description)
    expect(site.page('actualites/index.html').querySelector('nav.category-nav')!.text).toContain(HOSTILE.category)
  })

  it('builds every page when an image is corrupt, missing or referenced by nothing, and escapes alt text', () => {
    const [corrupt, missing, withAlt] = snapshotOf(hostileDir).news
    for (const article of [corrupt!, missing!]) {
      const doc = site.page(`actualites/${article.slug}/index.html`)
      expect(doc.querySelector('h1')?.text).toBe(article.title.fr)
      expect(doc.querySelectorAll('main img, main figure')).toHaveLength(0)
    }
    const doc = site.page(`actualites/${withAlt!.slug}/index.html`)
    expect(doc.querySelector('img.hero-image')?.getAttribute('alt')).toBe(HOSTILE.imageAlt)
    expect(doc.querySelector('meta[property="og:image:alt"]')?.getAttribute('content')).toBe(HOSTILE.imageAlt)
  })

  it('sanitises hostile rich text, keeps right-to-left titles readable and wraps very long words', () => {
    const article = snapshotOf(hostileDir).news[3]!
    const doc = site.page(`actualites/${article.slug}/index.html`)
    const h1 = doc.querySelector('h1')!
    expect(h1.text).toBe(HOSTILE.rtlTitle)
    expect(h1.getAttribute('dir')).toBe('auto')
    const body = doc.querySelector('.article-body')!
    expect(body.text).toContain(HOSTILE.longWord)
    expect(body.text).toContain('lien piégé')
    expect(body.querySelectorAll('script, iframe, img')).toHaveLength(0)
    expect(body.querySelectorAll('[style]')).toHaveLength(0)
    expect(body.text).not.toContain('alert(10)')
    for (const a of doc.querySelectorAll('a')) expect(a.getAttribute('href') ?? '', a.toString()).not.toMatch(/^\s*(javascript:|\/\/)/i)
    const css = site.text(doc.querySelector('link[rel=stylesheet]')!.getAttribute('href')!.slice(1))
    expect(css).toContain('overflow-wrap:anywhere')
    // In the home page's list too, the title's direction follows its own text.
    const listed = site
      .page('actualites/index.html')
      .querySelectorAll('.news-list [dir="auto"]')
      .map((h) => h.text.trim())
    expect(listed).toContain(HOSTILE.rtlTitle)
  })

  it('never lets a CMS page take the URL of a kit route or of a local MDX page', () => {
    expect(site.page('actualites/index.html').querySelector('h1')?.text).toBe('Actualités')
    expect(site.page('a-propos/index.html').querySelector('h1')?.text).toBe('À propos')
    for (const path of site.htmlPages()) expect(site.text(path), path).not.toContain('Page qui prendrait')
  })
})
