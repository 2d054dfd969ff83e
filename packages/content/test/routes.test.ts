// The route table: filled paths, Astro patterns, reserved segments.
import { describe, expect, it } from 'vitest'
import {
  allRoutePatterns,
  astroPattern,
  localeOfPath,
  RESERVED_SEGMENTS,
  reservedSegmentOf,
  routePath,
  RouteError,
  SEARCH_PATHS,
} from '../src/routes.ts'

describe('route table', () => {
  it('fills parameters, encoded, and refuses a missing one', () => {
    expect(routePath('article', 'fr', { slug: 'financement' })).toBe('/actualites/financement/')
    expect(routePath('article', 'en', { slug: 'funding' })).toBe('/en/news/funding/')
    expect(routePath('categoryPage', 'fr', { category: 'réseau', page: 2 })).toBe('/actualites/categorie/r%C3%A9seau/page/2/')
    expect(() => routePath('article', 'fr')).toThrow(RouteError)
    expect(() => routePath('resources', 'en')).toThrow(/n’existe pas en en/)
  })

  it('gives Astro patterns without trailing slash', () => {
    expect(astroPattern('/actualites/:slug/')).toBe('/actualites/[slug]')
    expect(astroPattern('/')).toBe('/')
    expect(astroPattern('/robots.txt')).toBe('/robots.txt')
  })

  it('has one pattern per route and locale, English ones under /en/', () => {
    const patterns = allRoutePatterns()
    expect(new Set(patterns.map((p) => p.pattern)).size).toBe(patterns.length)
    for (const { pattern, locale } of patterns) expect(localeOfPath(pattern)).toBe(locale)
  })

  it('reserves the first segment of every route and build folder, never the root', () => {
    for (const segment of [
      'actualites',
      'en',
      'ressources',
      'reseau',
      'naviguer-en-securite',
      'recherche',
      'pagefind',
      '_astro',
      'media',
      '404',
    ])
      expect(RESERVED_SEGMENTS.has(segment), segment).toBe(true)
    expect(RESERVED_SEGMENTS.has('')).toBe(false)
    expect(reservedSegmentOf('/actualites/')).toBe('actualites')
    expect(reservedSegmentOf('/en/qui-sommes-nous/')).toBe('en')
    expect(reservedSegmentOf('/services/hebergement/')).toBeUndefined()
    expect(reservedSegmentOf('/actualites-locales/')).toBeUndefined()
  })

  it('lists the search pages of both languages and Pagefind’s folder for the search policy', () => {
    expect(SEARCH_PATHS).toEqual(['/recherche/', '/en/search/', '/pagefind/'])
  })
})
