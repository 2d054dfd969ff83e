// Builds the five real sites (sites/<slug>) from the committed fixture snapshot
// with Astro's own build, then reads the generated HTML.
import { build } from 'astro'
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'node-html-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SiteSnapshot } from '@cles/content'

const repo = fileURLToPath(new URL('../../../', import.meta.url))
const fixtures = join(repo, 'packages/content/fixtures/basic')
const SITES = ['cles', 'maison-de-marthe', 'calacs-outaouais', 'calacs-agression-estrie', 'calacs-etoile-du-nord']
const out = mkdtempSync(join(tmpdir(), 'cles-fixture-build-'))
const snapshot = (slug: string): SiteSnapshot => JSON.parse(readFileSync(join(fixtures, `${slug}.json`), 'utf8'))
const page = (slug: string, path: string) => parse(readFileSync(join(out, slug, path), 'utf8'))

beforeAll(async () => {
  process.env.CLES_SNAPSHOT_DIR = fixtures
  process.env.ASTRO_TELEMETRY_DISABLED = '1'
  for (const slug of SITES) {
    await build({ root: join(repo, 'sites', slug), outDir: join(out, slug), logLevel: 'warn' })
  }
})
afterAll(() => rmSync(out, { recursive: true, force: true }))

describe.each(SITES)('site %s built from the fixture', (slug) => {
  it('has a French home page with its brand name and latest news', () => {
    const snap = snapshot(slug)
    const home = page(slug, 'index.html')
    expect(home.querySelector('html')?.getAttribute('lang')).toBe('fr-CA')
    expect(home.querySelector('.site-name')?.text).toBe(snap.site.name)
    const titles = home.querySelectorAll('.news-list h3 a').map((a) => a.text)
    expect(titles[0]).toBe(snap.news[0]!.title.fr)
    expect(titles).toContain('Un financement récurrent de 2,75 M$ pour l’aide à la sortie de la prostitution')
  })

  it('puts the quick-exit link first, as a plain link that sends no Referer', () => {
    for (const path of ['index.html', 'actualites/index.html', 'a-propos/index.html', '404.html']) {
      const doc = page(slug, path)
      const first = doc.querySelector('body')?.querySelectorAll('a, button, input, select, textarea')[0]
      expect(first?.getAttribute('data-quick-exit'), path).toBe('')
      expect(first?.getAttribute('href')).toMatch(/^https:\/\//)
      expect(first?.getAttribute('rel')).toContain('noreferrer')
      expect(first?.text.trim()).toBe('Quitter ce site')
    }
  })

  it('generates one page per article, the news index, the MDX page and a 404', () => {
    const snap = snapshot(slug)
    for (const article of snap.news) {
      const doc = page(slug, `actualites/${article.slug}/index.html`)
      expect(doc.querySelector('h1')?.text).toBe(article.title.fr)
    }
    expect(page(slug, 'actualites/index.html').querySelectorAll('.news-list li').length).toBe(Math.min(10, snap.news.length))
    expect(page(slug, 'a-propos/index.html').querySelector('h1')?.text).toBe('À propos')
    expect(page(slug, '404.html').querySelector('h1')?.text).toBe('Page introuvable')
  })

  it('points the canonical URL of a syndicated article to its origin site', () => {
    const doc = page(slug, 'actualites/financement-recurrent-aide-sortie-prostitution/index.html')
    expect(doc.querySelector('link[rel=canonical]')?.getAttribute('href')).toBe(
      'https://lacles.org/actualites/financement-recurrent-aide-sortie-prostitution/',
    )
  })

  it('ships no inline script or style and copies only the media it uses', () => {
    const html = readFileSync(join(out, slug, 'index.html'), 'utf8')
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)/)
    expect(html).not.toMatch(/<style/)
    const used = new Set(snapshot(slug).news.flatMap((n) => (n.hero ? [n.hero.file.replace('media/', '')] : [])))
    const copied = existsSync(join(out, slug, 'media')) ? readdirSync(join(out, slug, 'media')) : []
    expect(new Set(copied)).toEqual(used)
  })
})
