// The snapshot format's fixed values: its version, the locales, the closed
// lists the CMS selects offer, and the rich-text image marker. Plain
// TypeScript without imports, so the CMS field configs and Node's type
// stripping (static server) can load them without zod.

export const SNAPSHOT_FORMAT = 3

export const LOCALES = ['fr', 'en'] as const
export type Locale = (typeof LOCALES)[number]

/** Self-hosted font sets (Fontsource files bundled by the site); `system` loads no font at all. */
export const BRAND_FONTS = ['system', 'atkinson-hyperlegible', 'source-sans-3'] as const
export type BrandFont = (typeof BRAND_FONTS)[number]

/** Needs of the help directory (values of the CMS `category` select). */
export const RESOURCE_CATEGORIES = ['housing', 'employment', 'health', 'legal', 'shelter', 'help-line', 'other'] as const
export type ResourceCategory = (typeof RESOURCE_CATEGORIES)[number]

/** Regions served; `quebec` means the whole province. */
export const REGIONS = ['montreal', 'outaouais', 'estrie', 'cote-nord', 'quebec'] as const
export type Region = (typeof REGIONS)[number]

/** Image formats the sites encode (AVIF/WebP); any other media (PDF) is linked as a document. */
export const isEncodableImage = (mimeType: unknown): boolean =>
  typeof mimeType === 'string' && /^image\/(jpeg|png|webp|avif)$/.test(mimeType)

/**
 * Rich text already converted to safe HTML. Images inserted in the text are
 * left out of the HTML: a `<!--cles-image:N-->` marker stands where image N of
 * `images` goes, so the site can encode it like every other image.
 */
export const IMAGE_MARKER = /<!--cles-image:(\d+)-->/
export const imageMarker = (index: number) => `<!--cles-image:${index}-->`
