// Captions and credits from the snapshot (CMS Médias › Légende, Crédit) in the
// built pages: the fixture gives CLES's news illustration and the image of its
// /services/accompagnement/ page a caption and a credit holding `&`, `<` and
// `>`, which must reach the reader as text, escaped.
import { describe, expect, inject, it } from 'vitest'
import { builtSite, htmlFile, snapshot } from './fixtureSites.ts'

const out = inject('buildDir')
const ARTICLE = 'financement-recurrent-aide-sortie-prostitution'

describe('captions and credits in the built sites', () => {
  const cles = builtSite(out, 'cles')
  const hero = snapshot('cles').news.find((a) => a.slug === ARTICLE)!.hero!

  it('the fixture holds them (hero in both languages, credit with markup characters)', () => {
    expect(hero.caption).toEqual({ fr: expect.stringMatching(/&.*</), en: expect.stringMatching(/&.*</) })
    expect(hero.credit).toBe('Studio <Nord> & CLES')
  })

  it('puts the article’s main image in a <figure> whose <figcaption> gives the caption, then « Crédit : … », escaped', () => {
    const path = htmlFile(`/actualites/${ARTICLE}/`)
    const figure = cles.page(path).querySelector('main figure.hero-figure')!
    expect(figure.querySelector('img.hero-image')).not.toBeNull()
    expect(figure.querySelector('figcaption .media-caption')?.text).toBe(hero.caption!.fr)
    expect(figure.querySelector('figcaption .media-caption')?.getAttribute('lang')).toBeUndefined()
    expect(figure.querySelector('figcaption .media-credit')?.text).toBe('Crédit : Studio <Nord> & CLES')
    const html = cles.text(path)
    expect(html).toContain('<span class="media-caption" dir="auto">Le réseau « CLES » &amp; ses partenaires &lt;en action&gt;</span>')
    expect(html).toContain('<span class="media-credit">Crédit : Studio &lt;Nord&gt; &amp; CLES</span>')
    expect(html).not.toContain('<Nord>')
    expect(html).not.toContain('<en action>')
  })

  it('gives the English caption and credit on the English page', () => {
    const figure = cles.page(htmlFile(`/en/news/${ARTICLE}/`)).querySelector('main figure.hero-figure')!
    expect(figure.querySelector('figcaption .media-caption')?.text).toBe(hero.caption!.en)
    expect(figure.querySelector('figcaption .media-credit')?.text).toBe('Credit: Studio <Nord> & CLES')
  })

  it('keeps them on a syndicated copy, and leaves an image without any as a bare <picture>', () => {
    const marthe = builtSite(out, 'maison-de-marthe')
    const snap = snapshot('maison-de-marthe')
    const copy = snap.news.find((a) => a.slug === ARTICLE)!
    const credit = marthe.page(htmlFile(`/actualites/${copy.slug}/`)).querySelector('main figure.hero-figure figcaption .media-credit')
    expect(credit?.text).toBe('Crédit : Studio <Nord> & CLES')
    const plain = snap.news.find((a) => a.originSite === 'maison-de-marthe' && a.hero && !a.hero.caption && !a.hero.credit)!
    const doc = marthe.page(htmlFile(`/actualites/${plain.slug}/`))
    expect(doc.querySelector('main img.hero-image')).not.toBeNull()
    expect(doc.querySelectorAll('main figure, main figcaption')).toHaveLength(0)
  })

  it('captions an image placed in rich text (French only: no lang needed), escaped', () => {
    const path = htmlFile('/services/accompagnement/')
    const figure = cles.page(path).querySelector('main .block-rich-text figure.content-image')!
    expect(figure.querySelector('figcaption .media-caption')?.text).toBe('Le local d’accueil, aménagé « pour vous » & avec vous')
    expect(figure.querySelector('figcaption .media-credit')?.text).toBe('Crédit : Marie-Ève Gagnon')
    expect(cles.text(path)).toContain('aménagé « pour vous » &amp; avec vous</span>')
    // The other sites' copy of that page image has no caption: a figure without figcaption.
    const other = builtSite(out, 'calacs-outaouais').page(path).querySelector('main .block-rich-text figure.content-image')!
    expect(other.querySelector('picture')).not.toBeNull()
    expect(other.querySelector('figcaption')).toBeNull()
  })
})
