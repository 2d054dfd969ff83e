// Site search: Pagefind indexes each built site (French and English indexes),
// the search pages exist in both languages and only they load Pagefind.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'node-html-parser'
import { describe, expect, inject, it } from 'vitest'
import { fr } from '../src/i18n/fr.ts'
import { en } from '../src/i18n/en.ts'
import { builtSite, SITES } from './fixtureSites.ts'

const out = inject('buildDir')
const SEARCH_PAGES = ['recherche/index.html', 'en/search/index.html']

describe.each(SITES)('site %s: search', (slug) => {
  const site = builtSite(out, slug)

  it('has a French and an English search page, linked from the header', () => {
    for (const [path, strings, href] of [
      ['recherche/index.html', fr, '/recherche/'],
      ['en/search/index.html', en, '/en/search/'],
    ] as const) {
      const doc = site.page(path)
      expect(doc.querySelector('h1')?.text, path).toBe(strings['search.title'])
      const link = doc.querySelector(`header nav a[href="${href}"]`)
      expect(link?.text, path).toBe(strings['nav.search'])
      expect(link?.getAttribute('aria-current'), path).toBe('page')
      // Pagefind's files are external (CSP 'self').
      expect(doc.querySelector('link[rel="stylesheet"][href="/pagefind/pagefind-ui.css"]'), path).not.toBeNull()
      // The search pages are not themselves indexed.
      expect(doc.querySelector('main')?.hasAttribute('data-pagefind-body'), path).toBe(false)
    }
    expect(site.page('index.html').querySelector('header nav a[href="/recherche/"]')?.text).toBe('Recherche')
  })

  it('explains without JavaScript that search needs it, with links to the news and the directory', () => {
    // <noscript> content is text to a parser with scripting on: parse it as a browser without JavaScript would.
    const noscript = parse(site.page('recherche/index.html').querySelector('main noscript')!.rawText)
    expect(noscript.text).toContain('La recherche a besoin de JavaScript')
    const links = noscript.querySelectorAll('a').map((a) => a.getAttribute('href'))
    expect(links).toEqual(['/actualites/', '/ressources/'])
  })

  it('writes a Pagefind bundle with a French index', () => {
    const bundle = join(site.root, 'pagefind')
    expect(existsSync(join(bundle, 'pagefind-ui.js'))).toBe(true)
    expect(existsSync(join(bundle, 'pagefind-ui.css'))).toBe(true)
    const entry = JSON.parse(readFileSync(join(bundle, 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>
    }
    expect(entry.languages['fr-ca']?.page_count).toBeGreaterThan(5)
    expect(Object.keys(entry.languages).every((lang) => lang === 'fr-ca' || lang === 'en-ca')).toBe(true)
  })

  it('indexes only the main content of content pages', () => {
    for (const path of site.htmlPages()) {
      const main = site.page(path).querySelector('main')!
      const expected = !SEARCH_PAGES.includes(path) && path !== '404.html'
      expect(main.hasAttribute('data-pagefind-body'), path).toBe(expected)
      expect(site.page(path).querySelectorAll('[data-pagefind-body]').length, path).toBe(expected ? 1 : 0)
    }
  })

  it('loads no Pagefind file outside the search pages', () => {
    const pages = site.htmlPages().filter((path) => !SEARCH_PAGES.includes(path))
    expect(pages.length).toBeGreaterThan(10)
    for (const path of pages) {
      const html = site.text(path)
      expect(html, path).not.toContain('/pagefind/')
      // Nor a script that would load it.
      for (const script of site.page(path).querySelectorAll('script[src]')) {
        expect(site.text(script.getAttribute('src')!.slice(1)), path).not.toContain('pagefind')
      }
    }
  })
})
