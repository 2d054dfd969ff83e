// Publishing in about a second (docs/warm-renderer.md): when the live release
// was built from the snapshot the publisher still has, the next release is the
// live one with only the pages the change touched rendered again by the site's
// warm renderer (previewRenderer.ts, packages/site-kit/preview/release.mjs),
// instead of a full `astro build`. A change of the site's settings (brand,
// menus, languages, exit URL: every page shows them), code that changed since
// the live release, or any failure of the renderer means the full build.
// The search index of such a release follows in a release of its own
// (searchIndexRelease), a few seconds later.
import { snapshotFile, type SiteSnapshot } from '@cles/content'
import type { CreateResult, ReleaseStore } from '@cles/releases'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { IncrementalResult, PreviewRenderer } from './previewRenderer'
import { siteWorkDir } from './siteBuild'

export type IncrementalOutcome = { release: CreateResult; stats: IncrementalResult } | { fullBuild: string }

interface QuickReleaseContext {
  renderer: PreviewRenderer
  releases: ReleaseStore
  repoRoot: string
  snapshotDir: string
  slug: string
}

/** What every page of a site shows besides its content lists. */
const settingsOf = ({ news: _n, pages: _p, resources: _r, categories: _c, redirects: _d, ...settings }: SiteSnapshot) => settings

const firstLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0]!

/** The site's work folder for quick releases (beside its generic build and preview: siteBuild.ts). */
const workDir = (repoRoot: string, slug: string) => path.join(siteWorkDir(repoRoot), slug)

export async function incrementalRelease(
  context: QuickReleaseContext & {
    /** The snapshot the live release was built from (its bytes, checked against the live record). */
    liveSnapshot: Buffer
  },
): Promise<IncrementalOutcome> {
  const { renderer, releases, repoRoot, snapshotDir, slug, liveSnapshot } = context
  const afterFile = snapshotFile(snapshotDir, slug)
  const before = JSON.parse(liveSnapshot.toString('utf8')) as SiteSnapshot
  const after = JSON.parse(await readFile(afterFile, 'utf8')) as SiteSnapshot
  if (JSON.stringify(settingsOf(before)) !== JSON.stringify(settingsOf(after))) return { fullBuild: 'réglages du site modifiés' }
  const beforeFile = path.join(workDir(repoRoot, slug), 'instantane-en-ligne.json')
  await mkdir(path.dirname(beforeFile), { recursive: true })
  await writeFile(beforeFile, liveSnapshot)
  try {
    let stats: IncrementalResult | undefined
    const release = await releases.createReleaseFromCurrent(
      slug,
      async (staging, live) => {
        const result = await renderer.release(slug, {
          snapshot: after,
          before: beforeFile,
          after: afterFile,
          snapshotDir,
          liveDir: live,
          outDir: staging,
        })
        stats = result.stats
        return result.changes
      },
      { prune: false },
    )
    return { release, stats: stats! }
  } catch (error) {
    return { fullBuild: firstLine(error) }
  } finally {
    await rm(beforeFile, { force: true })
  }
}

/**
 * The search index of the live release (Pagefind, as the static build writes
 * it), in a release of its own made from the live one: only the index files
 * that changed are written.
 */
export async function searchIndexRelease(
  context: QuickReleaseContext & { live: string },
): Promise<{ release: CreateResult; pages: number }> {
  const { renderer, releases, snapshotDir, slug, live } = context
  const snapshot = JSON.parse(await readFile(snapshotFile(snapshotDir, slug), 'utf8')) as SiteSnapshot
  let pages = 0
  const release = await releases.createReleaseFromCurrent(
    slug,
    async (staging, current) => {
      if (path.basename(current) !== live) throw new Error('une autre version est passée en ligne entre-temps')
      const indexed = await renderer.searchIndex(slug, snapshot, staging)
      pages = indexed.pages
      return indexed.changes
    },
    { prune: false },
  )
  return { release, pages }
}
