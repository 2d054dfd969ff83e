// The caption and credit an editor sets on a media item in the CMS
// (Médias › Légende, Crédit), carried by the snapshot on every image reference
// (`caption`, `credit` in the contract's mediaSchema, through the content
// collections that parse with it) and shown under the image by
// SnapshotFigure.astro. Images without them render as a bare <picture>.
import type { Locale, Localized, SnapshotMedia } from '@cles/content'

/** A snapshot image (`null` is read as « none », like the contract's missing fields). */
export type CaptionedMedia = Omit<SnapshotMedia, 'caption' | 'credit'> & { caption?: Localized<string> | null; credit?: string | null }

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
