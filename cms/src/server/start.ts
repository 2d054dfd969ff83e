// `pnpm start`: the built CMS (`next start`) on PORT, in one process or, with
// CLES_CMS_PROCESSES=N (or « auto »: one per core), in N processes of one
// machine sharing the port and the SQLite file (Node's cluster: the primary
// hands each new connection to the next process). One Node process saturates one
// core; the primary holds what the processes must share (lib/clusterLink.ts).
// Only process 1 runs the scheduled jobs and the media-folder sweep; a process
// that dies is started again; SIGTERM stops them all.
// Run by Node itself (type stripping), outside Next: relative imports with `.ts`, type-only imports marked.
import cluster, { type Worker } from 'node:cluster'
import { createRequire } from 'node:module'
import { clusterMessage, wrap } from '../lib/clusterLink.ts'
import { log } from '../lib/log.ts'
import { applyToWindow, attemptWindows } from '../lib/slidingWindow.ts'
import { processesWanted } from './processesWanted.ts'

/** How long stopping processes get before they are killed. */
const STOP_GRACE_MS = 15_000
const RESTART_DELAY_MS = 1_000
/** A process that stops this soon after it started, three times in a row, cannot start (Next listens before it reads the build). */
const QUICK_EXIT_MS = 10_000
const QUICK_EXITS_TO_GIVE_UP = 3

/** Runs `next start` in this process (Next's own command line, as `pnpm exec next start` would). */
function runNext(): void {
  // The primary gone (killed), nobody can hand this process a connection: stop rather than hold the database.
  if (cluster.isWorker) process.on('disconnect', () => process.exit(0))
  process.argv = [process.argv[0]!, 'next', 'start', '-p', process.env.PORT ?? '3000']
  createRequire(import.meta.url)('next/dist/bin/next')
}

function runPrimary(count: number): void {
  const windows = attemptWindows()
  const numbers = new Map<Worker, number>()
  const listened = new Set<Worker>()
  const startedAt = new Map<Worker, number>()
  const quickExits = new Map<number, number>()
  let stopping = false

  const start = (number: number) => {
    // Jobs and the sweep in process 1 only: the same job run twice, or a sweep racing another process's upload, is not wanted.
    const onlyInFirst = number === 1 ? {} : { CLES_DISABLE_JOBS: '1', CLES_MEDIA_SWEEP: '0' }
    const worker = cluster.fork({ CLES_CMS_PROCESS: String(number), ...onlyInFirst })
    numbers.set(worker, number)
    startedAt.set(worker, Date.now())
    worker.on('message', (received: unknown) => {
      const message = clusterMessage(received)
      if (message?.type === 'window') {
        const value = applyToWindow(windows, message.name, message.operation, message.key)
        worker.send(wrap({ type: 'window-answer', id: message.id, value }))
      } else if (message?.type === 'anonymous-cache-clear') {
        for (const other of numbers.keys()) if (other !== worker && other.isConnected()) other.send(wrap(message))
      }
    })
  }

  const stopAll = (code: number) => {
    if (stopping) return
    stopping = true
    for (const worker of numbers.keys()) worker.process.kill('SIGTERM')
    setTimeout(() => {
      for (const worker of numbers.keys()) worker.process.kill('SIGKILL')
      process.exit(code)
    }, STOP_GRACE_MS).unref()
    if (numbers.size === 0) process.exit(code)
  }

  cluster.on('listening', (worker) => {
    listened.add(worker)
    if (listened.size === count)
      log('info', 'server', { msg: `CMS : ${count} processus sur le port ${process.env.PORT ?? '3000'}`, processes: count })
  })
  cluster.on('exit', (worker, code, signal) => {
    const number = numbers.get(worker) ?? 0
    const lived = Date.now() - (startedAt.get(worker) ?? 0)
    numbers.delete(worker)
    startedAt.delete(worker)
    if (stopping) {
      if (numbers.size === 0) process.exit(process.exitCode ?? 0)
      return
    }
    const quick = lived < QUICK_EXIT_MS ? (quickExits.get(number) ?? 0) + 1 : 0
    quickExits.set(number, quick)
    if (!listened.has(worker) || quick >= QUICK_EXITS_TO_GIVE_UP) {
      // It never served, or keeps stopping at once (no build, a wrong setting): starting it again would fail the same way.
      listened.delete(worker)
      log('error', 'server', {
        msg: `CMS : le processus ${number} s’arrête dès son démarrage (code ${code ?? signal}) ; arrêt de tous (voir l’erreur plus haut).`,
        process: number,
      })
      process.exitCode = 1
      stopAll(1)
      return
    }
    listened.delete(worker)
    log('warn', 'server', { msg: `CMS : le processus ${number} s’est arrêté (code ${code ?? signal}) ; il redémarre.`, process: number })
    // A second later: a crash loop does not spin, and `systemctl stop` (SIGTERM to every process
    // of the unit at once) reaches the primary before a replacement starts.
    setTimeout(() => {
      if (!stopping) start(number)
    }, RESTART_DELAY_MS)
  })
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => stopAll(0))
  for (let number = 1; number <= count; number++) start(number)
}

if (cluster.isWorker) runNext()
else {
  let count: number
  try {
    count = processesWanted(process.env.CLES_CMS_PROCESSES)
  } catch (error) {
    console.error((error as Error).message)
    process.exit(1)
  }
  if (count === 1) runNext()
  else runPrimary(count)
}
