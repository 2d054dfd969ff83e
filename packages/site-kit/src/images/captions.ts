// The caption and credit an editor sets on a media item in the CMS
// (Médias › Légende, Crédit), shown under the image. The snapshot contract
// does not carry them yet (see the kit's README): until it does, images
// have neither and render as before.
import type { Locale, Localized, SnapshotMedia } from '@cles/content'

/** A snapshot image, with the caption (localised) and credit (a name, not translated) once the contract has them. */
export type CaptionedMedia = SnapshotMedia & { caption?: Localized<string> | null; credit?: string | null }

export interface FigureCaption {
  /** In the page's language, else in French (`lang` says which). */
  caption?: { text: string; lang: Locale }
  credit?: string
}

/** What goes in the image's <figcaption>; null when there is nothing to say. */
export function captionOf(image: CaptionedMedia, locale: Locale): FigureCaption | null {
  const own = image.caption?.[locale]?.trim()
  const french = image.caption?.fr?.trim()
  const caption = own ? { text: own, lang: locale } : french ? { text: french, lang: 'fr' as const } : undefined
  const credit = image.credit?.trim() || undefined
  return caption || credit ? { caption, credit } : null
}
