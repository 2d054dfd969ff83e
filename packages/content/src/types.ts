// The snapshot contract between the CMS and the sites.
// One JSON file per site (`<slug>.json`) plus content-addressed media files
// (`media/<sha256>.<ext>`) shared by every site of the snapshot folder.

export const SNAPSHOT_FORMAT = 1

export const LOCALES = ['fr', 'en'] as const
export type Locale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'fr'

/** French is always present; English only where a translation exists. */
export type Localized<T> = { fr: T; en?: T }

export interface SnapshotBrand {
  /** Main brand colour (header background), hex `#rrggbb`. */
  primary: string
  /** Accent colour (links, focus), hex. */
  accent: string
  /** Page background, hex. */
  background: string
  /** Body text colour, hex. */
  text: string
}

export interface SnapshotSite {
  slug: string
  name: string
  domain: string
  /** Absolute public URL, no trailing slash. */
  url: string
  tagline: Localized<string>
  brand: SnapshotBrand
  isHub: boolean
  /** Neutral page opened by the quick-exit control. */
  exitUrl: string
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
}

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
  /** Body already converted from Lexical to safe HTML. */
  html: Localized<string>
  hero: SnapshotMedia | null
  /** Origin site slug: the canonical URL lives there. */
  originSite: string
  /** Absolute URL of the article on its origin site (canonical for syndicated copies). */
  canonicalUrl: string
}

export interface SiteSnapshot {
  format: typeof SNAPSHOT_FORMAT
  site: SnapshotSite
  network: SnapshotNetworkSite[]
  /** Newest first; ties broken by id so the order is stable. */
  news: SnapshotArticle[]
}
