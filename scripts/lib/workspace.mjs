// Facts about the workspace that the orchestration scripts share.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
// Plain TypeScript with node: imports only, loaded with Node's type stripping: the publisher builds sites the same way.
import { siteWorkDir } from '../../cms/src/publish/siteBuild.ts'

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const CMS_PORT = Number(process.env.CMS_PORT ?? 3000)
/** Where the snapshots are (CLES_SNAPSHOT_DIR, as for the CMS and the sites). */
export const snapshotDir = () => resolve(process.env.CLES_SNAPSHOT_DIR ?? join(root, '.snapshots'))
/** Under which root `.releases/` lives (CLES_RELEASES_ROOT, as for the publisher). */
export const releasesRoot = () => resolve(process.env.CLES_RELEASES_ROOT ?? root)

const SNAPSHOT_FILE = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.json$/

/** Sites with a project of their own in `sites/<slug>/`, with the port declared in their package.json (`cles.port`). */
export function ownSites() {
  return readdirSync(join(root, 'sites'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(root, 'sites', d.name, 'package.json')))
    .map((d) => {
      const manifest = JSON.parse(readFileSync(join(root, 'sites', d.name, 'package.json'), 'utf8'))
      const dir = join(root, 'sites', d.name)
      return { slug: d.name, port: manifest.cles.port, kind: 'own', package: manifest.name, dir, dist: join(dir, 'dist') }
    })
    .sort((a, b) => a.port - b.port)
}

/**
 * Local ports of the sites added in the CMS (no `sites/<slug>/`): given once, on first sight, above
 * every port in use, and kept in `.releases/ports.json` so a site keeps its address from one start to the next.
 */
function addedSitePorts(slugs, taken) {
  const file = join(releasesRoot(), '.releases', 'ports.json')
  const known = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {}
  const used = new Set([...taken, ...Object.values(known)])
  let changed = false
  for (const slug of slugs) {
    if (Number.isInteger(known[slug])) continue
    let port = Math.max(4320, ...used) + 1
    while (used.has(port)) port++
    known[slug] = port
    used.add(port)
    changed = true
  }
  if (changed) {
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(`${file}.tmp`, `${JSON.stringify(known, null, 2)}\n`)
    renameSync(`${file}.tmp`, file)
  }
  return known
}

/**
 * Every site: those with a project of their own, then those a network admin added in the CMS (a
 * snapshot in the snapshot folder and no `sites/<slug>/`), built by the site kit's generic project
 * into `dist`. Each has its local port.
 */
export function listSites({ snapshots = snapshotDir() } = {}) {
  const own = ownSites()
  const ownSlugs = new Set(own.map((s) => s.slug))
  const added = existsSync(snapshots)
    ? readdirSync(snapshots)
        .map((name) => SNAPSHOT_FILE.exec(name)?.[1])
        .filter((slug) => slug && !ownSlugs.has(slug))
        .sort()
    : []
  if (!added.length) return own
  const ports = addedSitePorts(
    added,
    own.map((s) => s.port),
  )
  return [
    ...own,
    // Where the generic build writes (siteBuild.ts); reading it never fails, so the start script's watcher cannot throw.
    ...added.map((slug) => ({ slug, port: ports[slug], kind: 'generic', dist: join(siteWorkDir(root), slug, 'dist') })),
  ]
}
