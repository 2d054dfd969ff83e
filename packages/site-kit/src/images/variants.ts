// The few sizes each kind of image is encoded at: enough for phones and
// desktop screens, few enough that a cold build stays short. Column width is
// 46rem (see styles/base.css).
export interface ImageVariant {
  widths: number[]
  sizes: string
  /** Width / height of the crop; the image's own ratio when absent. */
  aspect?: number
}

export const IMAGE_VARIANTS = {
  /** The article's main image, cropped 16:9 around the focal point. */
  hero: { widths: [480, 800, 1200], sizes: '(min-width: 48rem) 46rem, 100vw', aspect: 16 / 9 },
  /** An image placed in rich text, at its own ratio. */
  inline: { widths: [480, 800, 1200], sizes: '(min-width: 48rem) 44rem, 100vw' },
  /** Image beside text (imageText block): half the column on wide screens. */
  side: { widths: [400, 800], sizes: '(min-width: 40rem) 22rem, 100vw' },
  /** The site's logo in the header: 48 px wide, 1x and 2x. */
  logo: { display: 48 },
} satisfies Record<string, ImageVariant | { display: number }>

export type ImageVariantName = keyof typeof IMAGE_VARIANTS

/** Link previews (Open Graph): one 1200×630 JPEG, the size every network reads. */
export const SHARE_IMAGE = { width: 1200, height: 630, format: 'jpg' as const }

/** Modern formats first; browsers take the first they support. */
export const IMAGE_FORMATS = ['avif', 'webp'] as const
