// Structured logs: one JSON line per event on stdout (journald, Docker and log
// shippers read them as they are), or one readable line when
// CLES_LOG_FORMAT=pretty (set by `npm start`) or in development.
//
//   {"time":"2026-11-30T15:00:00.000Z","level":"info","event":"release","msg":"cles : version … en ligne","site":"cles",…}
//
// No personal data: callers pass staff ids, never e-mails, addresses, IPs or
// request bodies; as a last guard, fields whose name says they hold such data
// are dropped here.

export type LogLevel = 'debug' | 'info' | 'warn' | 'error'
export type LogFields = { msg?: string } & Record<string, unknown>
export type LogFn = (level: LogLevel, event: string, fields?: LogFields) => void
type Env = Record<string, string | undefined>

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 }
/** Never written, whatever a caller passes. */
const PERSONAL = new Set(['email', 'password', 'ip', 'body', 'token', 'cookie', 'authorization'])

/** CLES_LOG_LEVEL: debug, info (default), warn or error. */
export function logLevel(env: Env = process.env): LogLevel {
  const wanted = env.CLES_LOG_LEVEL?.toLowerCase()
  return wanted && wanted in RANK ? (wanted as LogLevel) : 'info'
}

/**
 * CLES_LOG_FORMAT=json or pretty; when unset, readable lines in development or
 * on a terminal, JSON lines everywhere else (systemd, containers, pipes).
 */
export function logFormat(env: Env = process.env, tty = Boolean(process.stdout.isTTY)): 'json' | 'pretty' {
  const format = env.CLES_LOG_FORMAT?.toLowerCase()
  if (format === 'pretty' || format === 'json') return format
  return env.NODE_ENV === 'development' || tty ? 'pretty' : 'json'
}

function serialisable(value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message }
  if (value instanceof Date) return value.toISOString()
  return value
}

function clean(fields: LogFields, into: Record<string, unknown>): Record<string, unknown> {
  for (const key in fields) {
    const value = fields[key]
    if (value === undefined || PERSONAL.has(key.toLowerCase())) continue
    into[key] = typeof value === 'object' && value !== null ? serialisable(value) : value
  }
  return into
}

function pretty(entry: Record<string, unknown>): string {
  const { time, level, event, msg, ...rest } = entry
  const clock = String(time).slice(11, 19)
  const tag = level === 'info' ? '' : ` ${String(level).toUpperCase()}`
  // A message says it all in French; a request reads as one; anything else lists its fields.
  let text: string
  if (typeof msg === 'string' && msg) text = ` ${msg}`
  else if (event === 'request') {
    const { method, path, status, durationMs, user } = rest
    const outcome = `${status !== undefined ? ` → ${status}` : ''}${durationMs !== undefined ? ` (${durationMs} ms)` : ''}`
    text = ` ${method} ${path}${outcome}${user !== undefined ? ` compte ${user}` : ''}`
  } else {
    text = ` ${Object.entries(rest)
      .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
      .join(' ')}`
  }
  return `${clock}${tag} [${event}]${text}`
}

/** Where lines go: stdout (synchronous on Linux pipes and files, so nothing is lost at exit). */
let write: (line: string) => void = (line) => {
  process.stdout.write(`${line}\n`)
}

/** Replaces the destination (tests); returns the previous one. */
export function setLogWriter(next: (line: string) => void): (line: string) => void {
  const previous = write
  write = next
  return previous
}

/** Formats one entry: a JSON line, or a readable line in pretty mode. */
export function formatEntry(level: LogLevel, event: string, fields: LogFields = {}, format: 'json' | 'pretty' = logFormat()): string {
  const entry = clean(fields, { time: new Date().toISOString(), level, event })
  if (format === 'pretty') return pretty(entry)
  try {
    return JSON.stringify(entry)
  } catch {
    // A circular value: keep the line, lose the fields.
    return JSON.stringify({ time: entry.time, level, event, msg: typeof fields.msg === 'string' ? fields.msg : undefined })
  }
}

/** Level and format, read from the environment once (reading it on every line costs more than the line). */
let settings: { rank: number; format: 'json' | 'pretty' } | null = null

/** Reads CLES_LOG_LEVEL and CLES_LOG_FORMAT again (tests that change them). */
export function resetLogSettings(): void {
  settings = null
}

export const log: LogFn = (level, event, fields = {}) => {
  settings ??= { rank: RANK[logLevel()], format: logFormat() }
  if (RANK[level] < settings.rank) return
  write(formatEntry(level, event, fields, settings.format))
}

/**
 * Payload's own logger (pino) in the same shape: JSON lines with `time` (ISO),
 * `level` as a word and `event: "payload"`; Payload's readable default in pretty mode.
 */
export function payloadLoggerConfig(env: Env = process.env) {
  if (logFormat(env) === 'pretty') return undefined
  return {
    options: {
      level: logLevel(env),
      base: { event: 'payload' },
      messageKey: 'msg',
      timestamp: () => `,"time":"${new Date().toISOString()}"`,
      formatters: { level: (label: string) => ({ level: label }) },
    },
  }
}
