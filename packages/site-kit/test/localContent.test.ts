// CMS pages, resources directory, news categories and network page of the five
// sites built from the fixture: every path the snapshot calls for exists and
// shows the snapshot's content, with the expected accessible markup.
import { IMAGE_MARKER } from '@cles/content'
import { describe, expect, inject, it } from 'vitest'
import type { HTMLElement } from 'node-html-parser'
import { builtSite, contentPaths, htmlFile, NEED_SEGMENTS, servesRegion, SITES, snapshot } from './fixtureSites.ts'

const out = inject('buildDir')
const texts = (nodes: HTMLElement[]) => nodes.map((n) => n.text.trim())
const tel = (phone: string) => `tel:${phone.replace(/[^\d]/g, '')}`

describe.each(SITES)('site %s: pages, resources, categories, network', (slug) => {
  const site = builtSite(out, slug)
  const snap = snapshot(slug)
  const byName = (ids: string[]) => snap.resources.filter((r) => ids.includes(r.id)).map((r) => r.name.fr)

  it('builds every path the snapshot calls for', () => {
    const pages = new Set(site.htmlPages())
    for (const path of contentPaths(snap)) expect(pages.has(htmlFile(path)), path).toBe(true)
    expect(snap.pages.length).toBeGreaterThan(0)
    expect(snap.resources.length).toBeGreaterThan(0)
    expect(snap.categories.length).toBeGreaterThan(0)
  })

  it('renders each CMS page at its path, with breadcrumbs and every block', () => {
    for (const page of snap.pages) {
      const doc = site.page(htmlFile(page.path))
      const main = doc.querySelector('main')!
      expect(main.querySelector('h1')?.text, page.path).toBe(page.title.fr)

      // Breadcrumbs: a labelled nav, an ordered list, home first, this page last and current.
      const nav = main.querySelector('nav.breadcrumbs')!
      expect(nav.getAttribute('aria-label')).toBe('Fil d’Ariane')
      const links = nav.querySelectorAll('ol > li > a')
      const parents: string[] = []
      for (let p = page; p.parentId;) {
        p = snap.pages.find((q) => q.id === p.parentId)!
        parents.unshift(p.path)
      }
      expect(links.map((a) => a.getAttribute('href'))).toEqual(['/', ...parents, page.path])
      expect(links.at(-1)?.getAttribute('aria-current')).toBe('page')
      expect(links.slice(0, -1).every((a) => !a.hasAttribute('aria-current'))).toBe(true)

      // Images placed in the text come back as encoded pictures, one per marker.
      const markers = page.blocks.fr.flatMap((b) =>
        b.type === 'richText' ? b.html.split(new RegExp(IMAGE_MARKER.source)).filter((_, i) => i % 2 === 1) : [],
      )
      expect(main.querySelectorAll('.block-rich-text figure.content-image picture').length, page.path).toBe(markers.length)
      for (const block of page.blocks.fr) {
        if (block.type === 'richText')
          for (const part of block.html.split(new RegExp(IMAGE_MARKER.source)).filter((_, i) => i % 2 === 0))
            expect(main.innerHTML).toContain(part)
        if (block.type === 'faq') {
          const section = main.querySelector('.block-faq')!
          expect(texts(section.querySelectorAll('details > summary'))).toEqual(block.items.map((i) => i.question))
          expect(texts(section.querySelectorAll('details > .faq-answer'))).toEqual(block.items.map((i) => i.answer.trim()))
        }
        if (block.type === 'resourcesList') {
          const section = main.querySelector('.block-resources')!
          expect(section.querySelector('h2')?.text).toBe(block.heading)
          const expected = snap.resources.filter((r) => r.category === block.category).map((r) => r.name.fr)
          expect(texts(section.querySelectorAll('.resource-card h3'))).toEqual(expected)
        }
        if (block.type === 'helpLineCard') {
          const section = main.querySelector('.block-help-card')!
          expect(section.querySelector('h2')?.text).toBe(block.heading)
          expect(section.querySelectorAll('a[href^="tel:"]').map((a) => a.getAttribute('href'))).toEqual(
            snap.site.helpLines.map((h) => tel(h.phone)),
          )
        }
        if (block.type === 'callToAction') {
          const links = main.querySelectorAll('.block-cta a')
          expect(links.map((a) => [a.text, a.getAttribute('href')])).toEqual(block.links.map((l) => [l.label, l.url]))
          expect(main.querySelector('.block-cta .cta-text')?.text).toBe(block.text)
        }
      }
    }
  })

  it('a parent page lists its sub-pages, so a new page is reachable without a menu entry', () => {
    for (const page of snap.pages) {
      const children = snap.pages.filter((p) => p.parentId === page.id)
      const nav = site.page(htmlFile(page.path)).querySelector('main nav.subpages')
      if (children.length === 0) {
        expect(nav, page.path).toBeNull()
        continue
      }
      expect(nav!.getAttribute('aria-labelledby')).toBe('subpages-title')
      expect(nav!.querySelector('h2#subpages-title')?.text).toBe('Dans cette section')
      const links = nav!.querySelectorAll('ul > li > a')
      expect(links.map((a) => a.getAttribute('href')).sort()).toEqual(children.map((c) => c.path).sort())
      expect(texts(links).sort()).toEqual(children.map((c) => c.title.fr).sort())
    }
  })

  it('lists every resource on /ressources/ as a card with tel: links, filter links marked current', () => {
    const doc = site.page('ressources/index.html')
    expect(doc.querySelector('h1')?.text).toBe('Ressources d’aide')
    const cards = doc.querySelectorAll('main .resource-card')
    expect(texts(doc.querySelectorAll('main .resource-card h3'))).toEqual(snap.resources.map((r) => r.name.fr))
    snap.resources.forEach((resource, i) => {
      const phone = cards[i]!.querySelector('a[href^="tel:"]')
      if (resource.phone) expect(phone?.getAttribute('href')).toBe(tel(resource.phone))
      else expect(phone).toBeNull()
    })
    const filters = doc.querySelector('nav.filters')!
    expect(filters.getAttribute('aria-label')).toBe('Filtrer les ressources')
    expect(filters.querySelectorAll('[aria-current="page"]').map((a) => a.getAttribute('href'))).toEqual(['/ressources/'])
    // Every filter is a plain link to a static page: no form, no script needed.
    expect(doc.querySelector('main form')).toBeNull()
  })

  it('has one static page per need and per region, listing exactly the matching resources', () => {
    const needs = [...new Set(snap.resources.map((r) => r.category))]
    for (const need of needs) {
      const path = `/ressources/categorie/${NEED_SEGMENTS[need]}/`
      const doc = site.page(htmlFile(path))
      expect(texts(doc.querySelectorAll('main .resource-card h3')), path).toEqual(
        byName(snap.resources.filter((r) => r.category === need).map((r) => r.id)),
      )
      expect(
        doc.querySelectorAll('nav.filters [aria-current="page"]').map((a) => a.getAttribute('href')),
        path,
      ).toEqual([path])
    }
    const regions = [...new Set(snap.resources.flatMap((r) => r.regions))]
    for (const region of regions) {
      const path = `/ressources/region/${region}/`
      const doc = site.page(htmlFile(path))
      expect(texts(doc.querySelectorAll('main .resource-card h3')), path).toEqual(
        byName(snap.resources.filter((r) => servesRegion(r.regions, region)).map((r) => r.id)),
      )
      expect(
        doc.querySelectorAll('nav.filters [aria-current="page"]').map((a) => a.getAttribute('href')),
        path,
      ).toEqual([path])
    }
  })

  it('lists each news category on its own page, linked from the index and the articles', () => {
    for (const category of snap.categories) {
      const path = `/actualites/categorie/${category.slug}/`
      const doc = site.page(htmlFile(path))
      expect(doc.querySelector('h1')?.text).toBe(`Actualités : ${category.title.fr}`)
      const expected = snap.news
        .filter((a) => a.categories.includes(category.slug))
        .slice(0, 10)
        .map((a) => a.title.fr)
      expect(texts(doc.querySelectorAll('.news-list h2 a')), path).toEqual(expected)
      expect(doc.querySelector(`nav.category-nav a[href="${path}"]`)?.getAttribute('aria-current')).toBe('page')
      expect(site.page('actualites/index.html').querySelector(`nav.category-nav a[href="${path}"]`)?.text).toBe(category.title.fr)
    }
    for (const article of snap.news) {
      const links = site.page(`actualites/${article.slug}/index.html`).querySelectorAll('main a[href^="/actualites/categorie/"]')
      expect(links.map((a) => a.getAttribute('href'))).toEqual(article.categories.map((c) => `/actualites/categorie/${c}/`))
    }
  })

  it('lists the five organisations of the network with links on /reseau/', () => {
    const doc = site.page('reseau/index.html')
    expect(doc.querySelector('h1')?.text).toBe('Le réseau')
    const links = doc.querySelectorAll('main .network-list a')
    expect(links.map((a) => [a.text, a.getAttribute('href')])).toEqual(snap.network.map((s) => [s.name, `${s.url}/`]))
    expect(links).toHaveLength(5)
  })

  it('shows the help lines in the footer help block, identical on every page of a language', () => {
    const first: Record<string, string> = {}
    for (const path of site.htmlPages()) {
      const locale = path.startsWith('en/') ? 'en' : 'fr'
      const block = site.page(path).querySelector('footer .help-block')!
      const lines = block.querySelectorAll('.help-lines li')
      expect(
        lines.map((li) => li.querySelector('.help-line-label')?.text),
        path,
      ).toEqual(snap.site.helpLines.map((h) => h.label[locale] ?? h.label.fr))
      expect(
        lines.map((li) => li.querySelector('a')?.getAttribute('href')),
        path,
      ).toEqual(snap.site.helpLines.map((h) => tel(h.phone)))
      first[locale] ??= block.outerHTML.replace(/ aria-current="page"/g, '')
      expect(block.outerHTML.replace(/ aria-current="page"/g, ''), path).toBe(first[locale])
    }
  })

  it('adds the CMS header and footer menus, keeping the local MDX page links', () => {
    const doc = site.page('index.html')
    const header = doc.querySelectorAll('header nav a').map((a) => a.getAttribute('href'))
    for (const link of snap.site.headerMenu) expect(header).toContain(link.url)
    expect(header).toContain('/a-propos/')
    expect(header).toContain('/ressources/')
    expect(new Set(header).size).toBe(header.length)
    const footer = doc.querySelectorAll('footer a').map((a) => a.getAttribute('href'))
    for (const link of snap.site.footerMenu) expect(footer).toContain(link.url)
    expect(footer).toContain('/reseau/')
  })
})
