// Astro content-layer loaders: fill collections from a site snapshot.
// Each entry is stored with a digest, so Astro only re-processes entries
// whose content changed between builds.
import type { Loader } from 'astro/loaders'
import type { z } from 'zod'
import { articleSchema, categorySchema, pageSchema, readSnapshot, resourceSchema, type SiteSnapshot } from '@cles/content'

export interface SnapshotLoaderOptions {
  /** Site slug: reads `<dir>/<slug>.json`. */
  site: string
  /** Snapshot folder (absolute). */
  dir: string
}

interface ListSpec {
  name: string
  schema: z.ZodType
  /** The snapshot list and each item's id. */
  items: (snapshot: SiteSnapshot) => { id: string; data: object }[]
  /** French log line, e.g. « 10 actualité(s) ». */
  count: (n: number) => string
}

function listLoader(spec: ListSpec, { site, dir }: SnapshotLoaderOptions): Loader {
  return {
    name: `cles-snapshot-${spec.name}`,
    schema: spec.schema,
    async load({ store, parseData, generateDigest, logger }) {
      const snapshot = readSnapshot(dir, site)
      const seen = new Set<string>()
      for (const { id, data: item } of spec.items(snapshot)) {
        const raw = item as Record<string, unknown>
        const data = await parseData({ id, data: raw })
        store.set({ id, data, digest: generateDigest(raw) })
        seen.add(id)
      }
      // Entries that left the snapshot (unpublished, declined) must leave the site too.
      for (const id of store.keys()) if (!seen.has(id)) store.delete(id)
      logger.info(`${site} : ${spec.count(seen.size)} chargée(s) depuis l’instantané`)
    },
  }
}

export const newsLoader = (options: SnapshotLoaderOptions) =>
  listLoader(
    { name: 'news', schema: articleSchema, items: (s) => s.news.map((a) => ({ id: a.id, data: a })), count: (n) => `${n} actualité(s)` },
    options,
  )

export const pagesLoader = (options: SnapshotLoaderOptions) =>
  listLoader(
    { name: 'pages', schema: pageSchema, items: (s) => s.pages.map((p) => ({ id: p.id, data: p })), count: (n) => `${n} page(s)` },
    options,
  )

export const resourcesLoader = (options: SnapshotLoaderOptions) =>
  listLoader(
    {
      name: 'resources',
      schema: resourceSchema,
      items: (s) => s.resources.map((r) => ({ id: r.id, data: r })),
      count: (n) => `${n} ressource(s)`,
    },
    options,
  )

export const categoriesLoader = (options: SnapshotLoaderOptions) =>
  listLoader(
    {
      name: 'categories',
      schema: categorySchema,
      items: (s) => s.categories.map((c) => ({ id: c.slug, data: c })),
      count: (n) => `${n} catégorie(s)`,
    },
    options,
  )
