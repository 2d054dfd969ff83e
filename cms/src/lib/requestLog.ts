// One log line per API request: method, path (never the query string), status,
// duration and, when Payload authenticated someone, the staff account's id only.
//
// The id comes from Payload itself: its authentication strategies are wrapped
// (recordAuthenticatedIds, at init) to note who they authenticated in the
// request's async context, so the line names exactly the account Payload
// served — never one read from a token Payload refused.
import { AsyncLocalStorage } from 'node:async_hooks'
import type { AuthStrategy, Payload } from 'payload'
import { log, type LogLevel } from './log'

interface RequestScope {
  user?: string | number
}

const scope = new AsyncLocalStorage<RequestScope>()
const WRAPPED = Symbol.for('cles.requestLog.wrapped')

/** Wraps Payload's authentication strategies so the request log knows which account was served (its id). */
export function recordAuthenticatedIds(payload: Payload): void {
  payload.authStrategies = payload.authStrategies.map((strategy) => {
    if ((strategy as AuthStrategy & { [WRAPPED]?: true })[WRAPPED]) return strategy
    const authenticate: AuthStrategy['authenticate'] = async (args) => {
      const result = await strategy.authenticate(args)
      const store = scope.getStore()
      if (store && result.user) store.user = result.user.id
      return result
    }
    return Object.assign({ ...strategy, authenticate }, { [WRAPPED]: true as const })
  })
}

const SECRET_AFTER = new Set(['reset', 'verify', 'reset-password'])
/** Paths that may hold an e-mail or a token: only those are taken apart. */
const SUSPECT = /@|%40|\/(?:reset|verify|reset-password)\//i
const MAX_PATH = 200

/**
 * The path as it may be logged: no query string (where clauses can hold e-mails),
 * segments that look like an e-mail address replaced, tokens in reset and
 * verification links replaced, and at most 200 characters.
 */
export function loggablePath(url: string): string {
  // The path of an absolute URL (or a path), without query string or fragment; no URL parsing (hot path).
  const scheme = url.indexOf('://')
  const start = scheme === -1 ? 0 : url.indexOf('/', scheme + 3)
  if (start === -1) return '/'
  let end = url.length
  const query = url.indexOf('?', start)
  if (query !== -1) end = query
  const hash = url.indexOf('#', start)
  if (hash !== -1 && hash < end) end = hash
  const pathname = url.slice(start, end)
  if (pathname.length <= MAX_PATH && !SUSPECT.test(pathname)) return pathname
  const parts = pathname.split('/')
  for (let i = 1; i < parts.length; i++) {
    if (/@|%40/i.test(parts[i]!)) parts[i] = ':courriel'
    else if (parts[i] && SECRET_AFTER.has(parts[i - 1]!)) parts[i] = ':jeton'
  }
  const path = parts.join('/')
  return path.length > MAX_PATH ? `${path.slice(0, MAX_PATH)}…` : path
}

function levelFor(path: string, status: number): LogLevel {
  // The reverse proxy and monitors ask every few seconds: only an unhealthy answer is worth a line by default.
  if (path === '/api/health') return status === 200 ? 'debug' : 'warn'
  return status >= 500 ? 'error' : 'info'
}

export function logRequest(request: Request, status: number, startedAt: number, user?: string | number, cache?: string | null): void {
  const path = loggablePath(request.url)
  log(levelFor(path, status), 'request', {
    method: request.method,
    path,
    status,
    durationMs: Math.round((performance.now() - startedAt) * 10) / 10,
    user,
    ...(cache ? { cache } : {}),
  })
}

/** A route handler that logs one line per request (time to the response headers; a streamed file body is not waited for). */
export function withRequestLog<Rest extends unknown[]>(
  handler: (request: Request, ...rest: Rest) => Promise<Response>,
): (request: Request, ...rest: Rest) => Promise<Response> {
  return async (request, ...rest) => {
    const startedAt = performance.now()
    const store: RequestScope = {}
    try {
      const response = await scope.run(store, () => handler(request, ...rest))
      logRequest(request, response.status, startedAt, store.user, response.headers.get('x-cles-cache'))
      return response
    } catch (error) {
      logRequest(request, 500, startedAt, store.user)
      throw error
    }
  }
}
