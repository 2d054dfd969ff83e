// The five real sites (sites/<slug>), built from the committed fixture snapshot
// by the global setup with Astro's own build: the generated HTML.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, inject, it } from 'vitest'
import { builtSite, SITES, snapshot } from './fixtureSites.ts'

const out = inject('buildDir')
const page = (slug: string, path: string) => builtSite(out, slug).page(path)

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

  it('gives the home page the help lines first, a few key resources, and on the hub the partners', () => {
    const snap = snapshot(slug)
    const main = page(slug, 'index.html').querySelector('main')!
    const headings = main.querySelectorAll('h2').map((h) => h.text)
    expect(headings[0]).toBe('Besoin d’aide maintenant ?')
    const help = main.querySelector('.block-help-card')!
    for (const line of snap.site.helpLines) expect(help.text).toContain(line.label.fr)
    // Up to four resources, help lines and shelters before the rest.
    const order = ['help-line', 'shelter']
    const rank = (category: string) => (order.includes(category) ? order.indexOf(category) : 2)
    const byName = new Map(snap.resources.map((r) => [r.name.fr, r]))
    const shown = main.querySelectorAll('.resource-list .resource-card h3').map((h) => byName.get(h.text.trim())!)
    expect(shown.length).toBe(Math.min(4, snap.resources.length))
    expect(shown.map((r) => rank(r.category))).toEqual([...shown.map((r) => rank(r.category))].sort())
    expect(main.querySelector('a[href="/ressources/"]')).not.toBeNull()
    const partners = main.querySelectorAll('.network-list a').map((a) => a.getAttribute('href'))
    if (snap.site.isHub) expect(partners).toEqual(snap.network.filter((s) => s.slug !== slug).map((s) => `${s.url}/`))
    else expect(partners).toEqual([])
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

  it('ships no inline script or style, and no original media file', () => {
    const html = readFileSync(join(out, slug, 'index.html'), 'utf8')
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)/)
    expect(html).not.toMatch(/<style/)
    // Images are encoded by astro:assets; only documents (none in the fixture) are copied as they are.
    expect(existsSync(join(out, slug, 'media'))).toBe(false)
  })
})
