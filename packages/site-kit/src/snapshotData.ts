// Pages, resources and categories of this site, from the content collections
// the snapshot loaders fill, in the snapshot's own stable order.
import type { SnapshotCategory, SnapshotPage, SnapshotResource } from '@cles/content'
import { getCollection } from 'astro:content'
import config from 'virtual:cles/config'
import { servablePages } from './pagePaths.ts'

/**
 * In a build the snapshot cannot change, and thousands of pages ask for the
 * same sorted lists: compute each once. `astro dev` reloads content, so it
 * always asks again.
 */
export function oncePerBuild<T>(compute: () => Promise<T>): () => Promise<T> {
  if (import.meta.env.DEV) return compute
  let result: Promise<T> | undefined
  let version = snapshotVersion()
  return () => {
    // The preview renderer swaps the snapshot: compute again after each swap.
    if (version !== snapshotVersion()) {
      version = snapshotVersion()
      result = undefined
    }
    return (result ??= compute())
  }
}

type SnapshotCollection = 'news' | 'pages' | 'resources' | 'categories'

/**
 * A snapshot set at run time by the preview renderer (preview/renderer.mjs),
 * with a version it bumps on every change. Builds never set it: content
 * collections are read at build time and frozen into a server bundle.
 */
export const LIVE_SNAPSHOT = Symbol.for('cles.liveSnapshot')
export type LiveSnapshot = { version: number; lists: Record<SnapshotCollection, unknown[]> }
const liveSnapshot = () => (globalThis as unknown as Record<symbol, LiveSnapshot | undefined>)[LIVE_SNAPSHOT]
export const snapshotVersion = () => liveSnapshot()?.version ?? 0

/** The entries of a snapshot collection (the sites' generated collection types are not visible from the kit). */
export async function dataOf<T>(collection: SnapshotCollection): Promise<T[]> {
  const live = liveSnapshot()
  if (live) return [...(live.lists[collection] as T[])]
  return ((await getCollection(collection)) as { data: unknown }[]).map((entry) => entry.data as T)
}

const byFrench = (a: string, b: string) => a.localeCompare(b, 'fr', { sensitivity: 'base' })

/** CMS pages this site serves (never one whose path belongs to the kit or a local file). */
export const allPages = oncePerBuild(async (): Promise<SnapshotPage[]> => {
  const pages = (await dataOf<SnapshotPage>('pages')).sort((a, b) => a.path.localeCompare(b.path, 'en'))
  return servablePages(pages, config.localPaths).served
})

export const allResources = oncePerBuild(async (): Promise<SnapshotResource[]> =>
  (await dataOf<SnapshotResource>('resources')).sort(
    (a, b) => byFrench(a.name.fr, b.name.fr) || a.id.localeCompare(b.id, 'en', { numeric: true }),
  ),
)

/** Categories in French alphabetical order, for menus. */
export const allCategories = oncePerBuild(async (): Promise<SnapshotCategory[]> =>
  (await dataOf<SnapshotCategory>('categories')).sort((a, b) => byFrench(a.title.fr, b.title.fr) || a.slug.localeCompare(b.slug)),
)
