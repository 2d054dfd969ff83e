// The publisher process as `npm start` runs it, for tests: started on the e2e
// CMS's database with snapshot and release folders of the test's own.
import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { freePort, repoRoot } from './processes.ts'

export interface PublisherProcess {
  child: ChildProcess
  /** Everything it printed so far. */
  output: () => string
  /** Ends it and its process group (SIGTERM: a clean stop; SIGKILL: a crash). */
  stop: (signal?: 'SIGTERM' | 'SIGKILL') => Promise<void>
}

/** Waits until `check` holds; the error says what was awaited and shows `context()` (e.g. the publisher's log). */
export async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 120_000, context = () => '') {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what} : toujours pas après ${timeoutMs / 1000} s\n${context().slice(-3000)}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

/** Path of a site's live release folder under `releasesRoot`. */
export const currentRelease = (releasesRoot: string, site: string) => join(releasesRoot, '.releases', site, 'current')

export async function startPublisher(
  cmsEnv: Record<string, string>,
  dir: string,
  env: Record<string, string> = {},
): Promise<PublisherProcess> {
  // The address the CMS was given (cmsSetup.ts), so that its kicks and previews reach this publisher.
  const url = cmsEnv.CLES_PUBLISHER_URL ?? `http://127.0.0.1:${await freePort()}`
  const child = spawn('pnpm', ['--filter', '@cles/cms', 'run', 'publisher'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      ...cmsEnv,
      CLES_SNAPSHOT_DIR: join(dir, 'snapshots'),
      CLES_RELEASES_ROOT: join(dir, 'releases'),
      CLES_PUBLISHER_URL: url,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  let output = ''
  child.stdout?.on('data', (d) => (output += d))
  child.stderr?.on('data', (d) => (output += d))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const stop = async (signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM') => {
    if (child.exitCode !== null || child.signalCode !== null) return
    try {
      process.kill(-child.pid!, signal)
    } catch {
      // already gone
    }
    await exited
  }
  await until(
    'le processus de publication démarre',
    () => output.includes('prêt') || child.exitCode !== null,
    90_000,
    () => output,
  )
  if (child.exitCode !== null) throw new Error(`le processus de publication s’est arrêté (code ${child.exitCode}) :\n${output}`)
  return { child, output: () => output, stop }
}
