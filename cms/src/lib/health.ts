// GET /api/health — for the reverse proxy, a load balancer or a monitor. No
// sign-in, no personal data, never cached. 200 {status: 'ok'} when the database
// answers and the publication queue moves; 503 {status: 'error', reasons: [French]}
// otherwise. The publisher's own state (on its loopback port) is reported as
// information: it may run on another machine, and a publisher that is down
// shows up anyway as a queue that no longer moves.
import type { Endpoint, Payload, PayloadRequest } from 'payload'
import { log } from './log'
import { publisherUrl } from '../publish/requestPublication'
import { buildTimeoutMs } from '../publish/siteBuild'

type Env = Record<string, string | undefined>

const MINUTE = 60_000
/** How long the database may take to answer the health queries. */
const DATABASE_TIMEOUT_MS = 3_000
/** How long the publisher's /health may take (loopback). */
const PUBLISHER_TIMEOUT_MS = 500
/** Export and release around the build: a running publication may last this much longer than the build limit. */
const RUNNING_MARGIN_MS = 2 * MINUTE

/** CLES_HEALTH_PENDING_MAX_MS: oldest pending publication before the queue counts as stuck (15 min by default). */
export function pendingLimitMs(env: Env = process.env): number {
  const value = Number(env.CLES_HEALTH_PENDING_MAX_MS)
  return Number.isFinite(value) && value > 0 ? value : 15 * MINUTE
}

/** A running publication older than the site build limit plus a margin (export, release) is stuck. */
export const runningLimitMs = (env: Env = process.env) => buildTimeoutMs(env) + RUNNING_MARGIN_MS

export interface HealthReport {
  status: 'ok' | 'error'
  time: string
  reasons: string[]
  database: { ok: boolean; ms?: number }
  queue: { ok: boolean; pending?: number; oldestPendingSeconds?: number | null; running?: number; oldestRunningSeconds?: number | null }
  publisher: { reachable: boolean; busy?: boolean; lastRelease?: unknown }
}

const seconds = (ms: number) => Math.round(ms / 1000)
const minutes = (ms: number) => Math.round(ms / MINUTE)

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`pas de réponse en ${ms} ms`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

async function oldest(payload: Payload, state: 'pending' | 'running', field: 'requestedAt' | 'startedAt', req?: PayloadRequest) {
  const found = await payload.find({
    collection: 'publications',
    where: { state: { equals: state } },
    sort: field,
    limit: 1,
    depth: 0,
    overrideAccess: true,
    select: { [field]: true },
    req,
  })
  const value = found.docs[0]?.[field]
  return { count: found.totalDocs, since: value ? Date.parse(value) : null }
}

async function publisherState(): Promise<HealthReport['publisher']> {
  try {
    const response = await fetch(`${publisherUrl()}/health`, { signal: AbortSignal.timeout(PUBLISHER_TIMEOUT_MS) })
    if (!response.ok) return { reachable: false }
    const body = (await response.json()) as { busy?: boolean; lastRelease?: unknown }
    return { reachable: true, busy: Boolean(body.busy), ...(body.lastRelease ? { lastRelease: body.lastRelease } : {}) }
  } catch {
    return { reachable: false }
  }
}

export async function checkHealth(payload: Payload, now = Date.now()): Promise<HealthReport> {
  const reasons: string[] = []
  const report: HealthReport = {
    status: 'ok',
    time: new Date(now).toISOString(),
    reasons,
    database: { ok: false },
    queue: { ok: false },
    publisher: { reachable: false },
  }
  const publisher = publisherState()
  const started = performance.now()
  try {
    // Two indexed queries (state, date): they prove the database answers and say whether the queue moves.
    const [pending, running] = await withTimeout(
      Promise.all([oldest(payload, 'pending', 'requestedAt'), oldest(payload, 'running', 'startedAt')]),
      DATABASE_TIMEOUT_MS,
    )
    report.database = { ok: true, ms: Math.round(performance.now() - started) }
    const pendingAge = pending.since === null ? null : now - pending.since
    const runningAge = running.since === null ? null : now - running.since
    report.queue = {
      ok: true,
      pending: pending.count,
      oldestPendingSeconds: pendingAge === null ? null : seconds(pendingAge),
      running: running.count,
      oldestRunningSeconds: runningAge === null ? null : seconds(runningAge),
    }
    if (pendingAge !== null && pendingAge > pendingLimitMs()) {
      report.queue.ok = false
      reasons.push(
        `File de publication bloquée : une publication attend depuis ${minutes(pendingAge)} min (limite ${minutes(pendingLimitMs())} min). ` +
          'Vérifiez que le processus de publication tourne (service cles-publisher).',
      )
    }
    if (runningAge !== null && runningAge > runningLimitMs()) {
      report.queue.ok = false
      reasons.push(
        `Publication bloquée : une publication est en cours depuis ${minutes(runningAge)} min (limite ${minutes(runningLimitMs())} min). ` +
          'Redémarrez le processus de publication : il remettra le travail en attente.',
      )
    }
  } catch (error) {
    // The detail (paths, driver messages) goes to the server log only.
    log('error', 'health', { msg: 'la base de données ne répond pas', error: error instanceof Error ? error.message : String(error) })
    reasons.push('La base de données ne répond pas : le CMS ne peut ni lire ni enregistrer.')
  }
  report.publisher = await publisher
  report.status = reasons.length ? 'error' : 'ok'
  return report
}

export const healthEndpoint: Endpoint = {
  path: '/health',
  method: 'get',
  handler: async (req) => {
    const report = await checkHealth(req.payload)
    return Response.json(report, {
      status: report.status === 'ok' ? 200 : 503,
      headers: { 'Cache-Control': 'no-store' },
    })
  },
}
