// The snapshot contract between the CMS and the sites.
// One JSON file per site (`<slug>.json`) plus content-addressed media files
// (`media/<sha256>.<ext>`) shared by every site of the snapshot folder.

export const SNAPSHOT_FORMAT = 3

export const LOCALES = ['fr', 'en'] as const
export type Locale = (typeof LOCALES)[number]

/** French is always present; English only where a translation exists. */
export type Localized<T> = { fr: T; en?: T }

/** Self-hosted font sets (Fontsource files bundled by the site); `system` loads no font at all. */
export const BRAND_FONTS = ['system', 'atkinson-hyperlegible', 'source-sans-3'] as const
export type BrandFont = (typeof BRAND_FONTS)[number]

export interface SnapshotBrand {
  /** Main brand colour (header background), hex `#rrggbb`. */
  primary: string
  /** Accent colour (links, focus), hex. */
  accent: string
  /** Page background, hex. */
  background: string
  /** Body text colour, hex. */
  text: string
  font: BrandFont
}

export interface SnapshotSite {
  slug: string
  name: string
  domain: string
  /** Absolute public URL, no trailing slash. */
  url: string
  tagline: Localized<string>
  brand: SnapshotBrand
  /** Shown in the header; an image file (never SVG: the CMS refuses it). */
  logo: SnapshotMedia | null
  /** Site-wide defaults for search engines and link previews (page fields win). */
  seo: SnapshotSeo
  isHub: boolean
  /** Neutral page opened by the quick-exit control. */
  exitUrl: string
  /** Help lines shown in the footer of every page and by the help-line block. */
  helpLines: SnapshotHelpLine[]
  contact: SnapshotContact
  /** Editor-chosen links; unsafe URLs are dropped by the exporter. */
  headerMenu: SnapshotLink[]
  footerMenu: SnapshotLink[]
}

export interface SnapshotHelpLine {
  label: Localized<string>
  /** As written by the editor (e.g. `1 888 933-9007`); the site builds the tel: link. */
  phone: string
  hours: Localized<string>
}

export interface SnapshotContact {
  phone: string | null
  email: string | null
  address: string | null
  note: Localized<string>
}

export interface SnapshotLink {
  label: Localized<string>
  /** Site path, http(s), mailto: or tel: only (never javascript: or data:). */
  url: string
}

export interface SnapshotNetworkSite {
  slug: string
  name: string
  url: string
}

export interface SnapshotMedia {
  /** Path relative to the snapshot folder, e.g. `media/3f…a1.jpg`. */
  file: string
  mimeType: string
  width: number | null
  height: number | null
  alt: Localized<string>
  /** Focal point chosen in the CMS, in % of width and height (50/50 = centre); crops keep it in view. */
  focalX: number
  focalY: number
}

/** Image formats the sites encode (AVIF/WebP); any other media (PDF) is linked as a document. */
export const isEncodableImage = (mimeType: unknown): boolean => typeof mimeType === 'string' && /^image\/(jpeg|png|webp|avif)$/.test(mimeType)

/** Search-engine and link-preview fields; empty strings mean "use the page's own title/excerpt". */
export interface SnapshotSeo {
  title: Localized<string>
  description: Localized<string>
  /** Open Graph image; the site falls back to the hero, then to the site default. */
  image: SnapshotMedia | null
}

/**
 * Rich text already converted to safe HTML. Images inserted in the text are
 * left out of the HTML: a `<!--cles-image:N-->` marker stands where image N of
 * `images` goes, so the site can encode it like every other image.
 */
export const IMAGE_MARKER = /<!--cles-image:(\d+)-->/
export const imageMarker = (index: number) => `<!--cles-image:${index}-->`

export interface SnapshotArticle {
  id: string
  /** URL segment on this site; a syndicated copy whose slug clashes with a local one gets `-<origin>` appended. */
  slug: string
  /** ISO 8601 date-time. */
  publishedAt: string
  /** Locales that have a real translation (never a fallback copy). */
  locales: Locale[]
  title: Localized<string>
  excerpt: Localized<string>
  /** Body already converted from Lexical to safe HTML (see IMAGE_MARKER). */
  html: Localized<string>
  /** Images inserted in the body, in both locales, referenced by the HTML markers. */
  images: SnapshotMedia[]
  hero: SnapshotMedia | null
  seo: SnapshotSeo
  /** Origin site slug: the canonical URL lives there. */
  originSite: string
  /** Absolute URL of the article on its origin site (canonical for syndicated copies). */
  canonicalUrl: string
  /** Category slugs, in the editor's order; each one is in `SiteSnapshot.categories`. */
  categories: string[]
}

/** A network-wide news category used by at least one article of the site. */
export interface SnapshotCategory {
  slug: string
  title: Localized<string>
}

/** Needs of the help directory (values of the CMS `category` select). */
export const RESOURCE_CATEGORIES = ['housing', 'employment', 'health', 'legal', 'shelter', 'help-line', 'other'] as const
export type ResourceCategory = (typeof RESOURCE_CATEGORIES)[number]

/** Regions served; `quebec` means the whole province. */
export const REGIONS = ['montreal', 'outaouais', 'estrie', 'cote-nord', 'quebec'] as const
export type Region = (typeof REGIONS)[number]

export interface SnapshotResource {
  id: string
  name: Localized<string>
  category: ResourceCategory
  description: Localized<string>
  phone: string | null
  /** https:// only, else null. */
  website: string | null
  address: string | null
  regions: Region[]
  hours: Localized<string>
}

/**
 * Page blocks, already safe: `html` comes from the Lexical converter (escaped
 * text, safe links only), every other field is plain text the site escapes.
 * Block fields are not localised one by one: the CMS localises the whole
 * layout, so a page holds one block list per locale.
 */
export type SnapshotBlock =
  | { type: 'richText'; html: string; images: SnapshotMedia[] }
  | { type: 'callToAction'; text: string; links: { label: string; url: string }[] }
  | { type: 'resourcesList'; heading: string; category: ResourceCategory }
  | { type: 'helpLineCard'; heading: string }
  | { type: 'faq'; items: { question: string; answer: string }[] }
  | { type: 'imageText'; image: SnapshotMedia | null; html: string; images: SnapshotMedia[]; imageSide: 'left' | 'right' }

export interface SnapshotPage {
  id: string
  slug: string
  /** Full path from the CMS, with slashes: `/services/accompagnement/`. */
  path: string
  parentId: string | null
  title: Localized<string>
  /** Locales with a real translation (title and content), never a fallback copy. */
  locales: Locale[]
  blocks: Localized<SnapshotBlock[]>
  seo: SnapshotSeo
}

/**
 * An old address of the site answered with a permanent redirect (CMS « Redirections »).
 * Written by the site kit to `_redirects` (`from to 301` per line) and answered by
 * the static server, the nginx config and the S3 sync (see packages/deploy).
 */
export interface SnapshotRedirect {
  /** Site path as typed by the editor (`/ancienne-page/`): no query, no fragment, no space. */
  from: string
  /** Site path (query and fragment allowed) or https:// address. */
  to: string
}

// Characters a redirect may hold: letters and digits of any script, and the URL
// punctuation that needs no quoting in `_redirects`, an nginx map or an HTTP
// header. Never space, quote, backslash, `$`, `;`, braces or angle brackets.
const CHARS = String.raw`\p{L}\p{N}\-._~!&()*+,=:@%/`
const PATH = String.raw`/(?![/\\])[${CHARS}]*`
// `*` and `:` are left out of old addresses: `_redirects` reads them as a splat and a placeholder.
const FROM_PATH = String.raw`/(?![/\\])[${CHARS.replace('*', '').replace(':', '')}]*`
const QUERY_FRAGMENT = String.raw`(?:\?[${CHARS}?]*)?(?:#[${CHARS}?#]*)?`
const HOST = String.raw`[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+(?::\d{1,5})?`
const REDIRECT_FROM = new RegExp(`^${FROM_PATH}$`, 'u')
const REDIRECT_TO_PATH = new RegExp(`^${PATH}${QUERY_FRAGMENT}$`, 'u')
const REDIRECT_TO_HTTPS = new RegExp(`^https://${HOST}(?:${PATH})?${QUERY_FRAGMENT}$`, 'u')
const DOT_SEGMENT = /(^|\/)\.{1,2}(\/|$)/
const pathOf = (url: string) => url.split(/[?#]/)[0]!

/** `from`: a site path starting with one `/` (never `//` or `/\`), no `.`/`..` segment, no query, no `*` or `:`. */
export const isSafeRedirectFrom = (from: unknown): from is string =>
  typeof from === 'string' && from.length <= 2000 && REDIRECT_FROM.test(from) && !DOT_SEGMENT.test(from)

/** `to`: a site path (same rules, query and fragment allowed) or an https:// address. */
export const isSafeRedirectTo = (to: unknown): to is string =>
  typeof to === 'string' &&
  to.length <= 2000 &&
  ((REDIRECT_TO_PATH.test(to) && !DOT_SEGMENT.test(pathOf(to))) || REDIRECT_TO_HTTPS.test(to))

/** The form two requests share when they differ only by the final slash: `/a/` and `/a` → `/a`. */
export const redirectKey = (path: string): string => path.replace(/\/+$/, '') || '/'

/** Safe, and not a redirect to itself (`/a/` → `/a` would loop). */
export function isSafeRedirect(redirect: { from: unknown; to: unknown }): redirect is SnapshotRedirect {
  const { from, to } = redirect
  return isSafeRedirectFrom(from) && isSafeRedirectTo(to) && redirectKey(from) !== redirectKey(pathOf(to))
}

export interface SiteSnapshot {
  format: typeof SNAPSHOT_FORMAT
  site: SnapshotSite
  network: SnapshotNetworkSite[]
  /** Newest first; ties broken by id so the order is stable. */
  news: SnapshotArticle[]
  /** Published local pages, sorted by path. */
  pages: SnapshotPage[]
  /** Help directory entries shown on this site, sorted by French name. */
  resources: SnapshotResource[]
  /** Categories used by this site's news, sorted by slug. */
  categories: SnapshotCategory[]
  /** Redirects of this site, sorted by `from`, one per `from` (format 3). */
  redirects: SnapshotRedirect[]
}
