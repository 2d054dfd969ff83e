// Builds one site from its snapshot with Astro (the reference renderer) and
// returns the output folder; the last lines of the build log explain a failure.
// A build that hangs is stopped after CLES_SITE_BUILD_TIMEOUT_MS (10 min by
// default) so one stuck site never holds the whole queue. Each build runs in
// its own process group, recorded in a pid file, so a publisher that was killed
// can stop the build it left running before starting a new one.
import { spawn } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'

export class SiteBuildError extends Error {}

export function siteProjectDir(repoRoot: string, slug: string): string {
  const dir = path.join(repoRoot, 'sites', slug)
  if (!existsSync(path.join(dir, 'package.json'))) {
    throw new SiteBuildError(`le projet sites/${slug} n’existe pas : créez-le (npm run site:add -- ${slug}) avant de publier ce site`)
  }
  return dir
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

function buildTimeoutMs(): number {
  const value = Number(process.env.CLES_SITE_BUILD_TIMEOUT_MS)
  return Number.isFinite(value) && value > 0 ? value : DEFAULT_TIMEOUT_MS
}

export async function buildSite(repoRoot: string, slug: string, snapshotDir: string): Promise<string> {
  const dir = siteProjectDir(repoRoot, slug)
  const timeoutMs = buildTimeoutMs()
  let timedOut = false
  const name = (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name: string }).name
  const output: string[] = []
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn('pnpm', ['--filter', name, 'run', 'build'], {
      cwd: repoRoot,
      env: { ...process.env, CLES_SNAPSHOT_DIR: snapshotDir },
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
  return path.join(dir, 'dist')
}
