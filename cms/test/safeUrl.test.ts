// The network's one link rule (@cles/content urls.ts), against hostile spellings:
// CMS fields, the exporter, the snapshot schema and the site kit all call it.
import { isSafeHref } from '@cles/content'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

describe('isSafeHref', () => {
  it.each(['/a-propos/', 'https://lacles.org/', 'mailto:info@lacles.org', 'tel:+1 514 000-0000'])('accepts %s', (href) => {
    expect(isSafeHref(href)).toBe(true)
  })

  it.each([
    '//evil.example/',
    '/\\evil.example',
    '/\\/evil.example',
    'javascript:alert(1)',
    ' JavaScript:alert(1)',
    'data:text/html,x',
    'https://a\\@evil.example',
    'vbscript:x',
    '',
  ])('refuses %j', (href) => {
    expect(isSafeHref(href)).toBe(false)
  })

  it('never accepts a value browsers would resolve to another host or a script scheme (property)', () => {
    fc.assert(
      fc.property(fc.string(), (tail) => {
        for (const head of ['//', '/\\', 'javascript:', 'data:', 'JAVASCRIPT:']) expect(isSafeHref(head + tail)).toBe(false)
      }),
    )
  })

  it('whatever it accepts opens a web page, a mail or a call once a browser resolves it (property)', () => {
    const head = fc.constantFrom('', '/', 'http://', 'https://', 'mailto:', 'tel:', ' ', '\t', '#')
    fc.assert(
      fc.property(head, fc.string(), (start, tail) => {
        const href = start + tail
        if (!isSafeHref(href)) return
        let url: URL
        try {
          url = new URL(href.trim(), 'https://site.example/x/')
        } catch {
          return // a browser does not follow an address it cannot read
        }
        expect(['http:', 'https:', 'mailto:', 'tel:']).toContain(url.protocol)
      }),
    )
  })

  it('accepted site paths stay on the site once a browser resolves them (property)', () => {
    fc.assert(
      fc.property(fc.string(), (tail) => {
        const href = `/${tail}`
        if (isSafeHref(href)) expect(new URL(href, 'https://site.example/x/').host).toBe('site.example')
      }),
    )
  })
})
