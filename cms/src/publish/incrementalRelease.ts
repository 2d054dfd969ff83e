// Publishing in about a second (docs/warm-renderer.md): when the live release
// was built from the snapshot the publisher still has, the next release is the
// live one with only the pages the change touched rendered again by the site's
// warm renderer (previewRenderer.ts, packages/site-kit/preview/release.mjs),
// instead of a full `astro build`. A change of the site's settings (brand,
// menus, languages, exit URL: every page shows them), code that changed since
// the live release, or any failure of the renderer means the full build.
// The search index follows in a release of its own (searchRelease below).
import { snapshotFile, type SiteSnapshot } from '@cles/content'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { IncrementalResult, PreviewRenderer } from './previewRenderer'
import { siteWorkDir } from './siteBuild'

export type IncrementalOutcome = { dir: string; stats: IncrementalResult } | { fullBuild: string }

/** What every page of a site shows besides its content lists. */
const settingsOf = ({ news: _n, pages: _p, resources: _r, categories: _c, redirects: _d, ...settings }: SiteSnapshot) => settings

/** Where the next release is assembled (removed once it is a release). */
export const incrementalDir = (repoRoot: string, slug: string) => path.join(siteWorkDir(repoRoot), slug, 'version-suivante')

export async function incrementalRelease(options: {
  renderer: PreviewRenderer
  repoRoot: string
  snapshotDir: string
  slug: string
  /** The snapshot the live release was built from (its bytes, checked against the live record). */
  liveSnapshot: Buffer
  liveDir: string
}): Promise<IncrementalOutcome> {
  const { renderer, repoRoot, snapshotDir, slug, liveSnapshot, liveDir } = options
  const afterFile = snapshotFile(snapshotDir, slug)
  const before = JSON.parse(liveSnapshot.toString('utf8')) as SiteSnapshot
  const after = JSON.parse(await readFile(afterFile, 'utf8')) as SiteSnapshot
  if (JSON.stringify(settingsOf(before)) !== JSON.stringify(settingsOf(after))) return { fullBuild: 'réglages du site modifiés' }
  const outDir = incrementalDir(repoRoot, slug)
  const beforeFile = `${outDir}.base.json`
  await rm(outDir, { recursive: true, force: true })
  await mkdir(path.dirname(outDir), { recursive: true })
  await writeFile(beforeFile, liveSnapshot)
  try {
    const stats = await renderer.release(slug, { snapshot: after, before: beforeFile, after: afterFile, snapshotDir, liveDir, outDir })
    return { dir: outDir, stats }
  } catch (error) {
    await rm(outDir, { recursive: true, force: true })
    return { fullBuild: (error instanceof Error ? error.message : String(error)).split('\n')[0]! }
  } finally {
    await rm(beforeFile, { force: true })
  }
}
