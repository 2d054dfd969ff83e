// Reader safety in the built HTML: the safety page, its link in the same place
// on every page, and the quick-exit script as a small external file.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { describe, expect, inject, it } from 'vitest'
import { fr } from '../src/i18n/fr.ts'
import { builtSite, SITES } from './fixtureSites.ts'

const out = inject('buildDir')
const SAFETY = '/naviguer-en-securite/'
const SAFETY_EN = '/en/browsing-safely/'

describe.each(SITES)('site %s: safety', (slug) => {
  const site = builtSite(out, slug)

  it('has a French safety page saying what the quick exit does and cannot do', () => {
    const doc = site.page('naviguer-en-securite/index.html')
    expect(doc.querySelector('h1')?.text).toBe('Naviguer en sécurité')
    const headings = doc.querySelectorAll('main h2').map((h) => h.text)
    expect(headings).toEqual([
      'Le bouton « Quitter ce site »',
      'Ce que le bouton ne peut pas faire',
      'Utiliser la navigation privée',
      'Effacer l’historique',
      'En cas de danger',
    ])
    const text = doc.querySelector('main')!.text
    for (const words of [
      'trois fois sur la touche Maj',
      'l’historique de navigation déjà enregistré',
      'autres onglets',
      'fichiers téléchargés',
      'logiciel espion',
      '911',
    ]) {
      expect(text).toContain(words)
    }
    expect(text).toContain('meteo.gc.ca')
  })

  it('links the safety page in the page’s language from the help block of every page', () => {
    const pages = site.htmlPages()
    expect(pages).toContain('naviguer-en-securite/index.html')
    expect(pages).toContain('en/browsing-safely/index.html')
    expect(pages.length).toBeGreaterThan(10)
    for (const path of pages) {
      const english = path.startsWith('en/')
      const links = site.page(path).querySelectorAll(`a[href="${english ? SAFETY_EN : SAFETY}"]`)
      expect(links.length, path).toBe(1)
      expect(links[0]!.text, path).toBe(english ? 'Browse safely' : 'Naviguer en sécurité')
      expect(links[0]!.closest('footer .help-block'), path).not.toBeNull()
    }
    const current = site.page('naviguer-en-securite/index.html').querySelector(`a[href="${SAFETY}"]`)
    expect(current?.getAttribute('aria-current')).toBe('page')
  })

  it('loads the quick-exit script as one small external file, never inline', () => {
    const sources = new Set<string>()
    for (const path of site.htmlPages()) {
      const html = site.text(path)
      expect(html, path).not.toMatch(/<script(?![^>]*\bsrc=)/)
      expect(html, path).not.toMatch(/<style|\sstyle=/)
      const scripts = site.page(path).querySelectorAll('script')
      // The search pages add one more external module, which starts Pagefind (see search.test.ts).
      const search = path === 'recherche/index.html' || path === 'en/search/index.html'
      expect(scripts.length, path).toBe(search ? 2 : 1)
      sources.add(scripts[0]!.getAttribute('src')!)
      if (search) expect(scripts[1]!.getAttribute('src'), path).toMatch(/^\/_astro\/SearchPage[\w.-]+\.js$/)
    }
    expect(sources.size).toBe(1)
    const [src] = [...sources]
    expect(src).toMatch(/^\/_astro\/[\w.-]+\.js$/)
    const code = readFileSync(join(site.root, src!))
    expect(code.toString()).toContain('location.replace')
    // Budget: JS ≤ 1 kB gzipped outside the search page.
    expect(gzipSync(code, { level: 9 }).length).toBeLessThan(1024)
  })

  it('gives the quick exit French screen-reader messages', () => {
    const doc = site.page('index.html')
    const link = doc.querySelector('[data-quick-exit]')!
    const hint = doc.querySelector(`#${link.getAttribute('aria-describedby')}`)!
    expect(hint.text).toBe(fr['quickExit.hint'])
    expect(hint.getAttribute('data-keys')).toBe(fr['quickExit.keys'])
    const status = doc.querySelector('[data-quick-exit-status]')!
    expect(status.getAttribute('aria-live')).toBe('polite')
    expect(status.getAttribute('data-leaving')).toBe('Sortie du site en cours.')
    expect(status.getAttribute('data-presses-left')).toContain('{n}')
    expect(status.text).toBe('')
  })
})
