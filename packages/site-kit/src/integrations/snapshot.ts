// Reads and checks the site's snapshot once per build: a missing or invalid
// snapshot and unreadable brand colours stop the build with a French message.
import { readSnapshot, SnapshotError, type SiteSnapshot } from '@cles/content'
import { contrastProblems } from '../contrast.ts'

export function loadSiteSnapshot(dir: string, site: string): SiteSnapshot {
  let snapshot: SiteSnapshot
  try {
    snapshot = readSnapshot(dir, site)
  } catch (error) {
    if (error instanceof SnapshotError) throw new Error(`[@cles/site-kit] ${error.message}`, { cause: error })
    throw error
  }
  const unreadable = contrastProblems(snapshot.site.brand)
  if (unreadable.length) {
    throw new Error(
      `[@cles/site-kit] Couleurs illisibles pour « ${snapshot.site.name} » :\n${unreadable.map((p) => `  - ${p}`).join('\n')}`,
    )
  }
  return snapshot
}
