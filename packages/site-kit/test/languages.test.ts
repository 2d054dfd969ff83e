// `site.languages` (CMS « Langues du site »): a site that does not offer
// English gets no /en/ route, no language switcher, no hreflang and no English
// sitemap entry. The five fixture sites offer both (english.test.ts); here a
// copy of the fixture makes one of them French-only and builds it.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { stableStringify, type SiteSnapshot } from '@cles/content'
import { kitRoutes } from '../src/integrations/routes.ts'
import { offeredTranslations } from '../src/localePaths.ts'
import { buildSitesForTests } from '../testing/index.ts'
import { builtSite, fixtures, htmlFile, snapshot } from './fixtureSites.ts'

describe('kit routes per site languages', () => {
  it('injects the English routes only for a site offering English, the CMS catch-all last', () => {
    const both = kitRoutes(['fr', 'en'])
    const french = kitRoutes(['fr'])
    expect(both.filter((r) => r.locale === 'en').map((r) => r.pattern)).toContain('/en/news/[slug]')
    expect(both.filter((r) => r.pattern.startsWith('/en')).every((r) => r.locale === 'en')).toBe(true)
    expect(french.filter((r) => r.locale === 'en' || r.pattern === '/en' || r.pattern.startsWith('/en/'))).toEqual([])
    expect(french).toEqual(both.filter((r) => r.locale === 'fr'))
    expect(french.at(-1)).toEqual({ name: 'page', locale: 'fr', pattern: '/[...path]', entrypoint: 'local-page.astro' })
  })

  it('links a page only to the language versions the site offers', () => {
    const translations = { fr: '/actualites/x/', en: '/en/news/x/' }
    expect(offeredTranslations(translations, ['fr', 'en'])).toEqual(translations)
    expect(offeredTranslations(translations, ['fr'])).toEqual({ fr: '/actualites/x/' })
  })
})

describe('a French-only site built', () => {
  const slug = 'calacs-etoile-du-nord'
  const snap = snapshot(slug)
  let site: ReturnType<typeof builtSite>
  const dir = mkdtempSync(join(tmpdir(), 'cles-french-only-'))
  // The build is kept by the test build cache (keyed by the snapshot's content), not by this folder.
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  beforeAll(async () => {
    cpSync(fixtures, dir, { recursive: true })
    const file = join(dir, `${slug}.json`)
    const french = JSON.parse(readFileSync(file, 'utf8')) as SiteSnapshot
    french.site.languages = ['fr']
    writeFileSync(file, stableStringify(french))
    const build = await buildSitesForTests({ sites: [slug], snapshotDir: dir }, { logLevel: 'error' })
    site = builtSite(build.dir, slug)
  })

  it('has English translations in its snapshot, yet no English page', () => {
    const translated = snap.news.filter((a) => a.locales.includes('en'))
    expect(translated.length).toBeGreaterThan(0)
    const pages = site.htmlPages()
    expect(pages).toContain('index.html')
    for (const article of translated) expect(pages).toContain(htmlFile(`/actualites/${article.slug}/`))
    expect(pages.filter((p) => p.startsWith('en/'))).toEqual([])
  })

  it('shows no language switcher, no hreflang and no link to /en/ on any page', () => {
    for (const path of site.htmlPages()) {
      const doc = site.page(path)
      expect(doc.querySelector('header .lang-switch'), path).toBeNull()
      expect(doc.querySelectorAll('link[hreflang]'), path).toHaveLength(0)
      expect(
        doc.querySelectorAll('a[href^="/en/"], a[href="/en"]').map((a) => a.getAttribute('href')),
        path,
      ).toEqual([])
    }
  })

  it('lists no English URL in its sitemap', () => {
    const sitemap = site.text('sitemap-0.xml')
    expect(sitemap).toContain(`<loc>${snap.site.url}/</loc>`)
    expect(sitemap).not.toContain('/en/')
  })
})
