// What the CMS benchmarks share: a free loopback port, the built CMS (`next
// start`) on a database of their own, and latency summaries. Benchmarks print
// figures; they assert nothing.
import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
    server.once('error', reject)
  })
}

export interface RunningProcess {
  child: ChildProcess
  base: string
  stop: () => void
}

/** Stops a process started with `detached: true` and everything it started. */
export function stopGroup(child: ChildProcess): void {
  try {
    process.kill(-child.pid!, 'SIGTERM')
  } catch {
    child.kill('SIGTERM')
  }
}

/**
 * The built CMS (`next build` first) on a free port, started as `pnpm start` does (CLES_CMS_PROCESSES
 * in `env` or this process's environment sets how many processes), with the environment of this process (its DATABASE_URL…).
 */
export async function startBuiltCms(env: Record<string, string> = {}): Promise<RunningProcess> {
  const port = await freePort()
  const child = spawn('pnpm', ['run', 'start'], {
    env: { ...process.env, CLES_DISABLE_JOBS: '1', ...env, PORT: String(port) },
    stdio: 'ignore',
    detached: true,
  })
  const base = `http://127.0.0.1:${port}`
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/api/sites?limit=1`)).ok) break
    } catch {
      // Starting.
    }
    if (i > 300) {
      stopGroup(child)
      throw new Error('le CMS ne démarre pas (next build manquant ? lancez « turbo run build --filter=@cles/cms »)')
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  return { child, base, stop: () => stopGroup(child) }
}

export const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!

/** « label n=… p50 … p99 … » for a list of latencies in milliseconds. */
export function latencySummary(label: string, samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b)
  const total = samples.reduce((a, b) => a + b, 0)
  return (
    `${label.padEnd(34)} n=${samples.length}  p50 ${percentile(sorted, 50).toFixed(1)} ms  p99 ` +
    `${percentile(sorted, 99).toFixed(1)} ms  moyenne ${(total / samples.length).toFixed(1)} ms  ` +
    `(${((samples.length / total) * 1000).toFixed(0)} op/s en série)`
  )
}

/**
 * Requests at random moments averaging `rate` a second (Poisson arrivals: people who click
 * independently of each other), each one sent when its moment comes whether or not the earlier
 * ones are answered. Unlike autocannon's rate option, which sends each second's share in a burst,
 * this measures what a person waits when the server is busy but not saturated.
 */
export async function pacedLatencies(
  url: string,
  headers: Record<string, string>,
  rate: number,
  seconds: number,
): Promise<{ latencies: number[]; failed: number }> {
  const latencies: number[] = []
  let failed = 0
  const pending: Promise<void>[] = []
  const end = performance.now() + seconds * 1000
  let next = performance.now()
  while (next < end) {
    const wait = next - performance.now()
    if (wait > 0) await new Promise((r) => setTimeout(r, wait))
    const sent = performance.now()
    pending.push(
      fetch(url, { headers })
        .then(async (response) => {
          await response.arrayBuffer()
          if (response.ok) latencies.push(performance.now() - sent)
          else failed++
        })
        .catch(() => void failed++),
    )
    next += (-Math.log(1 - Math.random()) / rate) * 1000
  }
  await Promise.all(pending)
  return { latencies, failed }
}
