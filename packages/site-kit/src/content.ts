// Sites re-export this from src/content.config.ts:
//   export { collections } from '@cles/site-kit/content'
import { snapshotCollections } from '@cles/content/astro'
import config from 'virtual:cles/config'

export const collections = snapshotCollections(config.options.site, config.snapshotDir)
