// The link rule for editor-entered URLs, against hostile spellings.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isSafeHref } from '../src/lib/safeUrl'

describe('isSafeHref', () => {
  it.each(['/a-propos/', 'https://lacles.org/', 'mailto:info@lacles.org', 'tel:+1 514 000-0000'])('accepts %s', (href) => {
    expect(isSafeHref(href)).toBe(true)
  })

  it.each(['//evil.example/', '/\\evil.example', '/\\/evil.example', 'javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,x', 'https://a\\@evil.example', 'vbscript:x', ''])(
    'refuses %j',
    (href) => {
      expect(isSafeHref(href)).toBe(false)
    },
  )

  it('never accepts a value browsers would resolve to another host or a script scheme (property)', () => {
    fc.assert(
      fc.property(fc.string(), (tail) => {
        for (const head of ['//', '/\\', 'javascript:', 'data:', 'JAVASCRIPT:']) expect(isSafeHref(head + tail)).toBe(false)
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
