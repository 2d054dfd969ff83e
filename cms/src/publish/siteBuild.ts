// Builds one site from its snapshot with Astro (the reference renderer) and
// returns the output folder; the last lines of the build log explain a failure.
// A site with a project of its own (`sites/<slug>/`: local MDX pages, favicon)
// is built there with pnpm; any other site of the CMS (an organisation a
// network admin added) is built by the generic project of the site kit
// (`packages/site-kit/generic`, parameterised by CLES_SITE) into a work folder
// of its own: nothing to create, install or register before its first publish.
// A build that hangs is stopped after CLES_SITE_BUILD_TIMEOUT_MS (10 min by
// default) so one stuck site never holds the whole queue. Each build runs in
// its own process group, recorded in a pid file, so a publisher that was killed
// can stop the build it left running before starting a new one.
// Self-contained (node: imports only): scripts/rebuild.mjs loads this file with Node's type stripping.
import { spawn } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'

export class SiteBuildError extends Error {}

/** A site slug as the CMS and the snapshot contract accept it (also keeps every path below inside its folder). */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** The site kit's generic project, relative to the repository root. */
export const GENERIC_PROJECT = path.join('packages', 'site-kit', 'generic')

/** Where generic builds write (`<dir>/<slug>/dist`, `<dir>/<slug>/astro`): CLES_SITE_WORK_DIR, else a cache folder of the repository. */
export const siteWorkDir = (repoRoot: string, env: NodeJS.ProcessEnv = process.env) =>
  path.resolve(env.CLES_SITE_WORK_DIR ?? path.join(repoRoot, 'node_modules', '.cache', 'cles-sites'))

export interface SiteBuildCommand {
  /** `own`: sites/<slug>/ exists; `generic`: built by the site kit's generic project. */
  kind: 'own' | 'generic'
  command: string
  args: string[]
  cwd: string
  env: Record<string, string>
  /** The folder the build writes (emptied by Astro first). */
  dist: string
}

/** How to build `slug` from the snapshots in `snapshotDir`. */
export function siteBuildCommand(
  repoRoot: string,
  slug: string,
  snapshotDir: string,
  env: NodeJS.ProcessEnv = process.env,
): SiteBuildCommand {
  if (!SLUG.test(slug)) throw new SiteBuildError(`nom de site invalide : « ${slug} »`)
  const own = path.join(repoRoot, 'sites', slug)
  if (existsSync(path.join(own, 'package.json'))) {
    const name = (JSON.parse(readFileSync(path.join(own, 'package.json'), 'utf8')) as { name: string }).name
    return {
      kind: 'own',
      command: 'pnpm',
      args: ['--filter', name, 'run', 'build'],
      cwd: repoRoot,
      env: { CLES_SNAPSHOT_DIR: snapshotDir },
      dist: path.join(own, 'dist'),
    }
  }
  const generic = path.join(repoRoot, GENERIC_PROJECT)
  const astro = path.join(generic, '..', 'node_modules', '.bin', 'astro')
  if (!existsSync(path.join(generic, 'astro.config.mjs')) || !existsSync(astro)) {
    throw new SiteBuildError(
      `le projet sites/${slug} n’existe pas et le projet générique des sites (${GENERIC_PROJECT}) est introuvable ou sans ses ` +
        'dépendances : réinstallez le dépôt (npm start le fait)',
    )
  }
  const work = path.join(siteWorkDir(repoRoot, env), slug)
  return {
    kind: 'generic',
    command: astro,
    args: ['build', '--root', generic],
    cwd: path.dirname(generic),
    env: {
      CLES_SITE: slug,
      CLES_SNAPSHOT_DIR: snapshotDir,
      CLES_SITE_OUT_DIR: path.join(work, 'dist'),
      CLES_SITE_CACHE_DIR: path.join(work, 'astro'),
      ASTRO_TELEMETRY_DISABLED: '1',
    },
    dist: path.join(work, 'dist'),
  }
}

const DEFAULT_TIMEOUT_MS = 10 * 60_000
const PID_FILE = /^\.build-.+\.pid$/

const pidFile = (snapshotDir: string, slug: string) => path.join(snapshotDir, `.build-${slug}.pid`)

/** Stops the builds a killed publisher left running (their process groups), so two builds never write one dist/. */
export function stopOrphanBuilds(snapshotDir: string): number {
  if (!existsSync(snapshotDir)) return 0
  let stopped = 0
  for (const name of readdirSync(snapshotDir).filter((n) => PID_FILE.test(n))) {
    const group = Number(readFileSync(path.join(snapshotDir, name), 'utf8'))
    try {
      if (group > 0) process.kill(-group, 'SIGKILL')
      stopped++
    } catch {
      // Already gone.
    }
    rmSync(path.join(snapshotDir, name), { force: true })
  }
  return stopped
}

/** CLES_SITE_BUILD_TIMEOUT_MS: how long a site build may run (10 min by default); the health check reads it too. */
export function buildTimeoutMs(env: Record<string, string | undefined> = process.env): number {
  const value = Number(env.CLES_SITE_BUILD_TIMEOUT_MS)
  return Number.isFinite(value) && value > 0 ? value : DEFAULT_TIMEOUT_MS
}

export async function buildSite(repoRoot: string, slug: string, snapshotDir: string): Promise<string> {
  const build = siteBuildCommand(repoRoot, slug, snapshotDir)
  const timeoutMs = buildTimeoutMs()
  let timedOut = false
  const output: string[] = []
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(build.command, build.args, {
      cwd: build.cwd,
      env: { ...process.env, ...build.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Own process group, so a timeout stops pnpm and the Astro process it started.
      detached: true,
    })
    if (child.pid) writeFileSync(pidFile(snapshotDir, slug), String(child.pid))
    const timer = setTimeout(() => {
      timedOut = true
      if (child.pid) process.kill(-child.pid, 'SIGKILL')
    }, timeoutMs)
    const keep = (chunk: Buffer) => output.push(...chunk.toString().split('\n').filter(Boolean).slice(-40))
    child.stdout.on('data', keep)
    child.stderr.on('data', keep)
    child.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    child.on('exit', (exitCode) => {
      clearTimeout(timer)
      rmSync(pidFile(snapshotDir, slug), { force: true })
      resolve(exitCode)
    })
  })
  if (timedOut) throw new SiteBuildError(`la construction du site a dépassé ${Math.round(timeoutMs / 1000)} s et a été arrêtée`)
  if (code !== 0) throw new SiteBuildError(`la construction du site a échoué (code ${code}) :\n${output.slice(-15).join('\n')}`)
  return build.dist
}
