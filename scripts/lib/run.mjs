// Running child commands with labelled output, and waiting for servers.
import { spawn } from 'node:child_process'
import { root } from './workspace.mjs'

/** Run a command to completion; rejects with a French message on failure. */
export function run(command, args, { cwd = root, env = process.env, label = command } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: 'inherit' })
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      if (code === 0) resolve()
      else reject(new Error(`« ${label} » a échoué (${signal ?? `code ${code}`})`))
    })
  })
}

/** Start a long-running command; its output is prefixed with `[label]`. */
export function startService(command, args, { cwd = root, env = process.env, label }) {
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
  const prefix = (stream, out) =>
    stream.on('data', (chunk) => {
      for (const line of chunk.toString().split('\n')) if (line.trim()) out.write(`[${label}] ${line}\n`)
    })
  prefix(child.stdout, process.stdout)
  prefix(child.stderr, process.stderr)
  return child
}

/** Stop a service started with startService (its whole process group). */
export function stopService(child, signal = 'SIGTERM') {
  if (child.exitCode !== null || child.signalCode !== null) return
  try {
    process.kill(-child.pid, signal)
  } catch {
    child.kill(signal)
  }
}

/** Poll `url` until it answers (any status below 500) or `timeoutMs` passes. */
export async function waitForHttp(url, { timeoutMs = 120_000, child } = {}) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`le service s’est arrêté (code ${child.exitCode}) avant de répondre sur ${url}`)
    try {
      const response = await fetch(url, { redirect: 'manual' })
      if (response.status < 500) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300))
  }
  throw new Error(`pas de réponse de ${url} après ${Math.round(timeoutMs / 1000)} s`)
}
