// Conversion of CMS data the exporter cannot trust: layout blocks, menus,
// resources. Unsafe links are dropped, text stays text, order is stable.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { toBlocks } from '../src/export/blocks'
import type { MediaDoc, RichTextDoc, SiteDoc } from '../src/export/docs'
import { MediaStore } from '../src/export/media'
import { toPages } from '../src/export/pages'
import { toResources } from '../src/export/resources'
import { toSeo } from '../src/export/seo'
import { toLinks, toSite } from '../src/export/site'

const paragraph = (text: string): RichTextDoc => ({
  root: {
    type: 'root',
    version: 1,
    direction: null,
    format: '',
    indent: 0,
    children: [
      {
        type: 'paragraph',
        version: 1,
        direction: null,
        format: '',
        indent: 0,
        textFormat: 0,
        children: [{ type: 'text', version: 1, text, format: 0, detail: 0, mode: 'normal', style: '' }],
      },
    ],
  },
})

function store() {
  const source = mkdtempSync(join(tmpdir(), 'cles-media-src-'))
  writeFileSync(join(source, 'photo.jpg'), 'octets')
  return new MediaStore(source, mkdtempSync(join(tmpdir(), 'cles-media-out-')))
}
const context = () => ({ media: store(), linkTo: () => null })
const photo: MediaDoc = {
  id: 1,
  site: 1,
  createdAt: '',
  updatedAt: '',
  filename: 'photo.jpg',
  mimeType: 'image/jpeg',
  width: 10,
  height: 5,
  alt: { fr: 'Photo', en: 'Photo' },
}
/** A site as the CMS stores it; only the fields under test change. */
const siteDoc = (fields: Partial<SiteDoc>): SiteDoc => ({
  id: 1,
  slug: 's',
  name: 'S',
  domain: 's.example',
  exitUrl: 'https://meteo.gc.ca/',
  brand: { primary: '#000000', accent: '#222222', background: '#ffffff', text: '#111111' },
  createdAt: '',
  updatedAt: '',
  ...fields,
})

describe('toBlocks', () => {
  it('converts each block type to a typed, safe block and skips unknown ones', async () => {
    const blocks = await toBlocks(
      [
        { blockType: 'richText', content: paragraph('<script>alert(1)</script>') },
        {
          blockType: 'callToAction',
          text: 'Parlez-nous',
          links: [
            { label: 'Nous joindre', url: '/a-propos/' },
            { label: 'Piège', url: 'javascript:alert(1)' },
            { label: '', url: '/vide/' },
          ],
        },
        { blockType: 'resourcesList', heading: 'Logement', category: 'housing' },
        // What the CMS types forbid, but an old database could still hold.
        { blockType: 'resourcesList', heading: 'Inconnu', category: 'casino' } as never,
        { blockType: 'helpLineCard', heading: 'Besoin de parler ?' },
        {
          blockType: 'faq',
          items: [
            { question: 'Q ?', answer: 'R.' },
            { question: '', answer: 'orpheline' },
          ],
        },
        { blockType: 'imageText', image: photo, text: paragraph('Texte'), imageSide: 'right' },
        { blockType: 'video', url: 'https://exemple.org/' } as never,
      ],
      { ...context(), locale: 'fr' },
    )
    expect(blocks.map((b) => b.type)).toEqual(['richText', 'callToAction', 'resourcesList', 'helpLineCard', 'faq', 'imageText'])
    expect(blocks[0]).toEqual({ type: 'richText', html: '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>', images: [] })
    expect(blocks[1]).toEqual({ type: 'callToAction', text: 'Parlez-nous', links: [{ label: 'Nous joindre', url: '/a-propos/' }] })
    expect(blocks[4]).toEqual({ type: 'faq', items: [{ question: 'Q ?', answer: 'R.' }] })
    const image = blocks[5]!
    expect(image.type === 'imageText' && image.image?.file).toMatch(/^media\/[0-9a-f]{64}\.jpg$/)
    expect(image).toMatchObject({ html: '<p>Texte</p>', imageSide: 'right' })
  })
})

describe('toPages', () => {
  it('keeps English only when it has its own content, unlinks unpublished parents, sorts by path', async () => {
    const pages = await toPages(
      [
        {
          id: 3,
          slug: 'b',
          path: '/a/b/',
          parent: { id: 1 },
          title: { fr: 'B' },
          layout: { fr: [{ blockType: 'helpLineCard', heading: 'Aide' }] },
        },
        { id: 1, slug: 'a', path: '/a/', parent: null, title: { fr: 'A', en: 'A (en)' }, layout: { fr: [], en: [] } },
        {
          id: 4,
          slug: 'c',
          path: '/c/',
          parent: 99,
          title: { fr: 'C', en: 'C (en)' },
          layout: { fr: [], en: [{ blockType: 'helpLineCard', heading: 'Help' }] },
        },
      ] as never,
      context(),
    )
    expect(pages.map((p) => [p.path, p.parentId, p.locales])).toEqual([
      ['/a/', null, ['fr']],
      ['/a/b/', '1', ['fr']],
      ['/c/', null, ['fr', 'en']],
    ])
    expect(pages[2]!.blocks.en).toEqual([{ type: 'helpLineCard', heading: 'Help' }])
    expect(pages[0]!.blocks.en).toBeUndefined()
  })
})

describe('toSeo', () => {
  it('keeps the share image, which the SEO plugin localises like the title', async () => {
    const seo = await toSeo({ title: { fr: 'Titre', en: 'Title' }, description: { fr: 'Résumé' }, image: { fr: photo } }, store())
    expect(seo).toMatchObject({
      title: { fr: 'Titre', en: 'Title' },
      description: { fr: 'Résumé' },
      image: { alt: { fr: 'Photo', en: 'Photo' } },
    })
    expect(seo.image?.file).toMatch(/^media\/[0-9a-f]{64}\.jpg$/)
    expect((await toSeo({ image: { fr: 7 } }, store())).image).toBeNull()
  })
})

describe('site and resources', () => {
  it('keeps only menu links with a label and a safe URL', async () => {
    expect(
      toLinks([
        { label: { fr: 'Services', en: 'Services' }, url: '/services/' },
        { label: { fr: 'Piège' }, url: 'javascript:alert(1)' },
        { label: { fr: 'Courriel' }, url: 'mailto:info@exemple.org' },
      ]),
    ).toEqual([
      { label: { fr: 'Services', en: 'Services' }, url: '/services/' },
      { label: { fr: 'Courriel' }, url: 'mailto:info@exemple.org' },
    ])
    const site = await toSite(
      siteDoc({
        contact: { phone: ' ', email: 'a@b.example', note: { fr: 'Note' } },
        helpLines: [
          { label: { fr: 'Urgence' }, phone: '911' },
          { label: { fr: 'Sans numéro' }, phone: '' },
        ],
      }),
      store(),
    )
    expect(site.contact).toEqual({ phone: null, email: 'a@b.example', address: null, note: { fr: 'Note' } })
    expect(site.helpLines).toEqual([{ label: { fr: 'Urgence' }, phone: '911', hours: { fr: '' } }])
    // No font chosen (or an unknown one) means the system font: nothing to download.
    expect(site.brand.font).toBe('system')
    expect(site.logo).toBeNull()
  })

  it('sorts resources by French name, drops non-https websites and orders regions', () => {
    const resources = toResources([
      { id: 2, name: { fr: 'Écoute' }, category: 'help-line', website: 'http://exemple.org/', regions: ['quebec', 'estrie'] },
      { id: 1, name: { fr: 'Zèbre' }, category: 'other', website: 'https://exemple.org/', regions: [] },
      { id: 3, name: { fr: 'Accueil' }, category: 'housing', website: 'javascript:alert(1)' },
    ])
    expect(resources.map((r) => [r.name.fr, r.website, r.regions])).toEqual([
      ['Accueil', null, []],
      ['Écoute', null, ['estrie', 'quebec']],
      ['Zèbre', 'https://exemple.org/', []],
    ])
  })
})
