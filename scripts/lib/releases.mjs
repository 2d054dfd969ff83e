// Build outputs → releases: what `npm start` and `npm run rebuild` share.
// Readers are served from `.releases/<slug>/current`, never from `dist/`, so
// `dist/` is a scratch folder that can be emptied before every build.
import { createReleaseStore } from '@cles/releases'
import { rmSync } from 'node:fs'
import { siteBuildCommand } from '../../cms/src/publish/siteBuild.ts'
import { run } from './run.mjs'
import { releasesRoot, root, snapshotDir } from './workspace.mjs'

export const releases = createReleaseStore({ root: releasesRoot() })

/**
 * Builds the sites added in the CMS (no `sites/<slug>/`) one after another with the site kit's
 * generic project, as the publisher does: the snapshot is the only input, no database, no install.
 */
export async function buildAddedSites(sites, { snapshots = snapshotDir() } = {}) {
  for (const site of sites.filter((s) => s.kind === 'generic')) {
    const build = siteBuildCommand(root, site.slug, snapshots)
    await run(build.command, build.args, { cwd: build.cwd, env: { ...process.env, ...build.env }, label: `construction de ${site.slug}` })
  }
}

/**
 * Empties each site's dist/ before `turbo run build`: a cache hit then restores into an
 * empty folder and a fresh build starts from nothing, so dist/ holds exactly the current
 * build (turbo restores a cached output over dist/ without deleting newer files).
 */
export function clearBuildOutputs(sites) {
  for (const site of sites) rmSync(site.dist, { recursive: true, force: true })
}

/** Publishes each site's build as a release (unchanged builds publish nothing); one line per site. */
export async function publishSites(sites) {
  const failed = []
  for (const site of sites) {
    try {
      const r = await releases.createReleaseFrom(site.slug, site.dist)
      const ms = `${Math.round(r.durationMs)} ms`
      const pruned = r.pruned.length ? `, ${r.pruned.length} ancienne(s) supprimée(s)` : ''
      console.log(
        r.created
          ? `  ${site.slug.padEnd(24)}: nouvelle version ${r.id} (${r.files} fichiers, ${ms}${pruned})`
          : `  ${site.slug.padEnd(24)}: inchangé, version ${r.id} (${ms})`,
      )
      for (const warning of r.warnings) console.warn(`  ${site.slug.padEnd(24)}: attention, ${warning}`)
    } catch (error) {
      console.error(`  ${site.slug.padEnd(24)}: ✖ ${error.message}`)
      failed.push(site.slug)
    }
  }
  if (failed.length) throw new Error(`publication refusée pour ${failed.join(', ')} (leur version en ligne n’a pas changé)`)
}
