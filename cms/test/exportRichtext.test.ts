import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { isSafeHref, type SnapshotSite } from '@cles/content'
import type { RichTextDoc } from '../src/export/docs'
import { linkResolver } from '../src/export/links'
import { MediaStore } from '../src/export/media'
import { richTextToHtml, type RichTextContext } from '../src/export/richtext'

const text = (t: string) => ({ type: 'text', text: t, format: 0, detail: 0, mode: 'normal', style: '', version: 1 })
const para = (...children: unknown[]) => ({ type: 'paragraph', children, direction: 'ltr', format: '', indent: 0, version: 1 })
const link = (url: string, label: string) => ({
  type: 'link',
  children: [text(label)],
  direction: 'ltr',
  format: '',
  indent: 0,
  version: 3,
  fields: { url, newTab: false, linkType: 'custom' },
})
const internal = (relationTo: string, value: unknown, label: string) => ({
  type: 'link',
  children: [text(label)],
  direction: 'ltr',
  format: '',
  indent: 0,
  version: 3,
  fields: { linkType: 'internal', newTab: false, doc: { relationTo, value } },
})
const upload = (value: unknown) => ({ type: 'upload', relationTo: 'media', value, fields: null, format: '', version: 3 })
// Lexical nodes are loose JSON here: the converter must cope with whatever a document holds.
const doc = (...children: unknown[]) =>
  ({ root: { type: 'root', children, direction: 'ltr', format: '', indent: 0, version: 1 } }) as RichTextDoc

const site = (slug: string): SnapshotSite => ({ slug, url: `https://${slug}.example` }) as SnapshotSite
const sites = new Map([
  ['1', site('cles')],
  ['2', site('marthe')],
])

function context(): RichTextContext {
  const source = mkdtempSync(join(tmpdir(), 'cles-richtext-src-'))
  writeFileSync(join(source, 'photo.jpg'), 'octets de la photo')
  writeFileSync(join(source, 'rapport.pdf'), '%PDF rapport')
  return {
    media: new MediaStore(source, mkdtempSync(join(tmpdir(), 'cles-richtext-out-'))),
    linkTo: linkResolver(site('cles'), sites),
    images: [],
  }
}
const html = (data: RichTextDoc | null, ctx = context()) => richTextToHtml(data, ctx)

describe('richTextToHtml', () => {
  it('escapes text so markup in content stays inert', async () => {
    const out = await html(doc(para(text('<script>alert(1)</script> & <img src=x onerror=alert(1)>'))))
    expect(out).not.toContain('<script>')
    expect(out).not.toContain('<img')
    expect(out).toContain('&lt;script&gt;')
  })

  it('keeps http(s), mailto and tel links, with rel on external ones', async () => {
    const out = await html(
      doc(para(link('https://lacles.org/', 'CLES'), link('mailto:info@example.org', 'courriel'), link('tel:+15145550000', 'tél.'))),
    )
    expect(out).toContain('<a href="https://lacles.org/" rel="noopener noreferrer">CLES</a>')
    expect(out).toContain('<a href="mailto:info@example.org">courriel</a>')
    expect(out).toContain('<a href="tel:+15145550000">tél.</a>')
  })

  it('drops javascript:, data: and protocol-relative links but keeps their text', async () => {
    for (const url of ['javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'data:text/html,<b>x</b>', '//evil.example/']) {
      const out = await html(doc(para(link(url, 'cliquez'))))
      expect(out).not.toContain('<a')
      expect(out).toContain('cliquez')
      expect(isSafeHref(url)).toBe(false)
    }
  })

  it('resolves internal links: a path on this site, the full URL on another, nothing for a draft or an unreadable document', async () => {
    const out = await html(
      doc(
        para(internal('news', { slug: 'financement', originSite: 1, _status: 'published' }, 'ici')),
        para(internal('pages', { path: '/services/accueil/', site: { id: 2 }, _status: 'published' }, 'ailleurs')),
        para(internal('news', { slug: 'brouillon', originSite: 1, _status: 'draft' }, 'brouillon')),
        para(internal('news', 42, 'illisible')),
        para(internal('users', { id: 1, email: 'a@b.example' }, 'personne')),
      ),
    )
    expect(out).toContain('<a href="/actualites/financement/">ici</a>')
    expect(out).toContain('<a href="https://marthe.example/services/accueil/">ailleurs</a>')
    for (const label of ['brouillon', 'illisible', 'personne']) expect(out).toContain(`<p>${label}</p>`)
  })

  it('replaces images with numbered markers, links documents, and drops uploads readers cannot see', async () => {
    const ctx = context()
    const photo = {
      id: 7,
      filename: 'photo.jpg',
      mimeType: 'image/jpeg',
      width: 800,
      height: 600,
      alt: { fr: 'Une photo' },
      focalX: 30,
      focalY: 70,
    }
    const out = await html(
      doc(
        para(text('avant')),
        upload(photo),
        upload(photo),
        upload({ id: 8, filename: 'rapport.pdf', mimeType: 'application/pdf', alt: { fr: 'Rapport <2026>' } }),
        upload(99),
      ),
      ctx,
    )
    expect(out).toMatch(
      /^<p>avant<\/p><!--cles-image:0--><!--cles-image:0--><p class="document-link"><a href="\/media\/[0-9a-f]{64}\.pdf">Rapport &lt;2026&gt;<\/a><\/p>$/,
    )
    expect(ctx.images).toEqual([
      {
        file: expect.stringMatching(/^media\/[0-9a-f]{64}\.jpg$/),
        mimeType: 'image/jpeg',
        width: 800,
        height: 600,
        alt: { fr: 'Une photo' },
        focalX: 30,
        focalY: 70,
      },
    ])
  })

  it('shows a related document as a link in the reader’s language', async () => {
    const related = {
      type: 'relationship',
      relationTo: 'news',
      value: { slug: 'nouvelle', originSite: 2, title: { fr: 'Nouvelle', en: 'News item' } },
      format: '',
      version: 2,
    }
    const ctx = context()
    expect(await richTextToHtml(doc(related), ctx, 'en')).toBe(
      '<p class="related-link"><a href="https://marthe.example/actualites/nouvelle/">News item</a></p>',
    )
    expect(await richTextToHtml(doc({ ...related, value: 5 }), ctx, 'fr')).toBe('')
  })

  it('returns an empty string for missing content', async () => {
    expect(await html(null)).toBe('')
    expect(await html({} as RichTextDoc)).toBe('')
  })
})

describe('inline styles (the sites’ CSP refuses them)', () => {
  it('turns alignment, indentation and decorations into classes and drops the rest', async () => {
    const centred = { ...para(text('centré')), format: 'center', indent: 2 }
    const underlined = para({ ...text('souligné'), format: 8 }, { ...text('barré'), format: 4 })
    const out = await html(doc(centred, underlined))
    expect(out).not.toContain('style=')
    expect(out).toContain('<p class="text-center indent-2">centré</p>')
    expect(out).toContain('<span class="underline">souligné</span>')
    expect(out).toContain('<span class="line-through">barré</span>')
  })

  it('keeps text that merely looks like a style attribute as escaped text', async () => {
    const out = await html(doc(para(text('<p style="color:red">'))))
    expect(out).toBe('<p>&lt;p style=&quot;color:red&quot;&gt;</p>')
  })
})
