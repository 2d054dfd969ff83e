// Astro content-layer loader: fills a collection from a site snapshot.
// Each article is stored with a digest, so Astro only re-processes entries
// whose content changed between builds.
import type { Loader } from 'astro/loaders'
import { readSnapshot } from './read.ts'
import { articleSchema } from './schema.ts'

export interface SnapshotLoaderOptions {
  /** Site slug: reads `<dir>/<slug>.json`. */
  site: string
  /** Snapshot folder (absolute). */
  dir: string
}

export function newsLoader({ site, dir }: SnapshotLoaderOptions): Loader {
  return {
    name: 'cles-snapshot-news',
    schema: articleSchema,
    async load({ store, parseData, generateDigest, logger }) {
      const snapshot = readSnapshot(dir, site)
      const seen = new Set<string>()
      for (const article of snapshot.news) {
        const data = await parseData({ id: article.id, data: article as unknown as Record<string, unknown> })
        store.set({ id: article.id, data, digest: generateDigest(article as unknown as Record<string, unknown>) })
        seen.add(article.id)
      }
      // Entries that left the snapshot (unpublished, declined) must leave the site too.
      for (const id of store.keys()) if (!seen.has(id)) store.delete(id)
      logger.info(`${site} : ${seen.size} actualité(s) chargée(s) depuis l’instantané`)
    },
  }
}
