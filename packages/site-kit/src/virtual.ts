import type { SiteSnapshot } from '@cles/content'
import type { SiteKitConfig } from './options.ts'

/** What the kit's routes and components read from `virtual:cles/config`. */
export interface KitRuntimeConfig {
  options: SiteKitConfig
  snapshotDir: string
  site: SiteSnapshot['site']
  network: SiteSnapshot['network']
  /** Neutral page of the quick-exit control (kit option, else the site's CMS setting). */
  exitUrl: string
  /** URL paths of the site's own files in src/pages; CMS pages never take them. */
  localPaths: string[]
}

export const CONFIG_ID = 'virtual:cles/config'
export const BRAND_ID = 'virtual:cles/brand.css'
export const FONT_ID = 'virtual:cles/font.css'
export const FONT_PRELOAD_ID = 'virtual:cles/font-preload'
