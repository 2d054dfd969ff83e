// The URL rules every package shares (urls.ts): slugs, page paths, reader links.
import { describe, expect, it } from 'vitest'
import { isSafeHref, PAGE_PATH, SLUG } from '../src/urls.ts'

describe('slug and page path', () => {
  it('accepts lower case words joined by single dashes, nothing else', () => {
    for (const slug of ['cles', 'maison-de-marthe', '2026-bilan']) expect(SLUG.test(slug), slug).toBe(true)
    for (const slug of ['', 'Maison', 'a--b', '-a', 'a-', 'café', 'a b', 'a/b', 'a_b']) expect(SLUG.test(slug), slug).toBe(false)
  })

  it('reads a page path as slugs between slashes, final slash included', () => {
    for (const path of ['/services/', '/services/accompagnement/']) expect(PAGE_PATH.test(path), path).toBe(true)
    for (const path of ['/', '//', '/services', 'services/', '/Services/', '/a//b/', '/a/../b/'])
      expect(PAGE_PATH.test(path), path).toBe(false)
  })
})

describe('isSafeHref', () => {
  it('accepts site paths, http(s), mailto: and tel:', () => {
    for (const href of [
      '/a-propos/',
      '/recherche/?q=aide#resultats',
      'https://lacles.org/',
      'http://exemple.org',
      ' /espaces-autour/ ',
      'mailto:info@lacles.org',
      'tel:+1 514 000-0000',
    ]) {
      expect(isSafeHref(href), href).toBe(true)
    }
  })

  it('refuses script schemes, other hosts in disguise, spaces inside and anything relative', () => {
    const refused = [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'data:text/html,x',
      'vbscript:x',
      '//evil.example/',
      '/\\evil.example',
      '/\t/evil.example',
      '/a b/',
      'https://a\\@evil.example',
      'https://',
      'tel:abc',
      'page.html',
      '#haut',
      '',
      null,
      42,
    ]
    for (const href of refused) expect(isSafeHref(href), String(href)).toBe(false)
  })
})
