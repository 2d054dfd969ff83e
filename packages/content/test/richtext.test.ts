import { describe, expect, it } from 'vitest'
import { isSafeUrl, lexicalToHtml } from '../src/exporter/richtext.ts'

const text = (t: string) => ({ type: 'text', text: t, format: 0, detail: 0, mode: 'normal', style: '', version: 1 })
const para = (...children: unknown[]) => ({ type: 'paragraph', children, direction: 'ltr', format: '', indent: 0, version: 1 })
const link = (url: string, label: string) => ({
  type: 'link', children: [text(label)], direction: 'ltr', format: '', indent: 0, version: 3,
  fields: { url, newTab: false, linkType: 'custom' },
})
const doc = (...children: unknown[]) => ({ root: { type: 'root', children, direction: 'ltr', format: '', indent: 0, version: 1 } })

describe('lexicalToHtml', () => {
  it('escapes text so markup in content stays inert', () => {
    const html = lexicalToHtml(doc(para(text('<script>alert(1)</script> & <img src=x onerror=alert(1)>'))))
    expect(html).not.toContain('<script>')
    expect(html).not.toContain('<img')
    expect(html).toContain('&lt;script&gt;')
  })

  it('keeps http(s), mailto and tel links, with rel on external ones', () => {
    const html = lexicalToHtml(doc(para(link('https://lacles.org/', 'CLES'), link('mailto:info@example.org', 'courriel'), link('tel:+15145550000', 'tél.'))))
    expect(html).toContain('<a href="https://lacles.org/" rel="noopener noreferrer">CLES</a>')
    expect(html).toContain('<a href="mailto:info@example.org">courriel</a>')
    expect(html).toContain('<a href="tel:+15145550000">tél.</a>')
  })

  it('drops javascript:, data: and protocol-relative links but keeps their text', () => {
    for (const url of ['javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'data:text/html,<b>x</b>', '//evil.example/']) {
      const html = lexicalToHtml(doc(para(link(url, 'cliquez'))))
      expect(html).not.toContain('<a')
      expect(html).toContain('cliquez')
      expect(isSafeUrl(url)).toBe(false)
    }
  })

  it('returns an empty string for missing content', () => {
    expect(lexicalToHtml(null)).toBe('')
    expect(lexicalToHtml({})).toBe('')
  })
})
