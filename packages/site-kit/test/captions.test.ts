// What an image's <figcaption> says (SnapshotFigure.astro): the caption in the
// page's language or else in French, then the credit; nothing for an image
// with neither, so it stays a bare <picture>.
import { describe, expect, it } from 'vitest'
import type { SnapshotMedia } from '@cles/content'
import { captionOf } from '../src/images/captions.ts'

const image: SnapshotMedia = {
  file: `media/${'a'.repeat(64)}.jpg`,
  mimeType: 'image/jpeg',
  width: 10,
  height: 10,
  alt: { fr: 'Texte' },
  focalX: 50,
  focalY: 50,
}

describe('captionOf', () => {
  it('has nothing to say for an image without caption or credit, or with blank ones', () => {
    expect(captionOf(image, 'fr')).toBeNull()
    expect(captionOf({ ...image, caption: { fr: '  ', en: '' }, credit: ' ' }, 'en')).toBeNull()
    expect(captionOf({ ...image, caption: null, credit: null }, 'fr')).toBeNull()
  })

  it('gives the caption in the page’s language, else in French (marked as French)', () => {
    const captioned = { ...image, caption: { fr: 'Une marche à Montréal', en: 'A march in Montréal' } }
    expect(captionOf(captioned, 'fr')).toEqual({ caption: { text: 'Une marche à Montréal', lang: 'fr' } })
    expect(captionOf(captioned, 'en')).toEqual({ caption: { text: 'A march in Montréal', lang: 'en' } })
    expect(captionOf({ ...image, caption: { fr: 'Une marche' } }, 'en')).toEqual({ caption: { text: 'Une marche', lang: 'fr' } })
  })

  it('gives the credit alone or after the caption, as written (Astro escapes it in the page)', () => {
    expect(captionOf({ ...image, credit: ' Marie Tremblay ' }, 'fr')).toEqual({ credit: 'Marie Tremblay' })
    const hostile = '<script>alert(1)</script>'
    expect(captionOf({ ...image, caption: { fr: hostile }, credit: hostile }, 'fr')).toEqual({
      caption: { text: hostile, lang: 'fr' },
      credit: hostile,
    })
  })
})
