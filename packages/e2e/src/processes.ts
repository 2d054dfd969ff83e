// Child processes for the e2e test: pnpm scripts of the CMS, with a free port.
import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

/** Run `pnpm --filter @cles/cms run <script> …` to completion. */
export function runCms(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('pnpm', ['--filter', '@cles/cms', 'run', script, ...args], {
      cwd: repoRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (d) => (output += d))
    child.stderr.on('data', (d) => (output += d))
    child.on('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`cms ${script} a échoué (code ${code}) :\n${output}`))))
  })
}

/**
 * Start the built CMS (`next start`) and resolve once its REST API answers.
 * `CLES_E2E_CMS=dev` starts `next dev` instead: the admin as the sources are
 * now, without a `next build` (slower first visits, each screen compiles once).
 */
export async function startCms(env: NodeJS.ProcessEnv, port: number): Promise<ChildProcess> {
  const script = env.CLES_E2E_CMS === 'dev' ? 'dev' : 'start'
  const child = spawn('pnpm', ['--filter', '@cles/cms', 'run', script], {
    cwd: repoRoot,
    env: { ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  let output = ''
  child.stdout?.on('data', (d) => (output += d))
  child.stderr?.on('data', (d) => (output += d))
  const deadline = Date.now() + (script === 'dev' ? 300_000 : 90_000)
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`le CMS s’est arrêté (code ${child.exitCode}) :\n${output}`)
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/sites?limit=1`)
      if (response.ok) return child
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300))
  }
  stopProcess(child)
  throw new Error(`le CMS ne répond pas sur le port ${port} :\n${output}`)
}

export function stopProcess(child: ChildProcess | undefined) {
  if (!child || child.exitCode !== null) return
  try {
    process.kill(-child.pid!, 'SIGTERM')
  } catch {
    child.kill('SIGTERM')
  }
}
