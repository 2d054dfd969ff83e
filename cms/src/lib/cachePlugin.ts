import type { Config, Plugin } from 'payload'
import { clearAnonymousCache } from './anonymousCache'

/** Every write to any collection clears the anonymous read cache. */
export const cachePlugin: Plugin = (config: Config): Config => ({
  ...config,
  collections: (config.collections ?? []).map((collection) => ({
    ...collection,
    hooks: {
      ...collection.hooks,
      afterChange: [...(collection.hooks?.afterChange ?? []), () => clearAnonymousCache()],
      afterDelete: [...(collection.hooks?.afterDelete ?? []), () => clearAnonymousCache()],
    },
  })),
})
