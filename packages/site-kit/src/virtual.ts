import type { SiteSnapshot } from '@cles/content'
import type { SiteKitConfig } from './options.ts'

/** What the kit's routes and components read from `virtual:cles/config`. */
export interface KitRuntimeConfig {
  options: SiteKitConfig
  snapshotDir: string
  site: SiteSnapshot['site']
  network: SiteSnapshot['network']
}

export const CONFIG_ID = 'virtual:cles/config'
export const BRAND_ID = 'virtual:cles/brand.css'
