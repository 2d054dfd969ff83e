// Counters of sign-in and password-reset attempts (a sliding window per key).
// No imports: the cluster's primary process (src/server/start.ts) holds them
// for every CMS process, and runs with Node's type stripping, outside Next.

const MINUTE = 60_000

/** At most `limit` hits per key within the last `windowMs`. */
export class SlidingWindow {
  readonly limit: number
  readonly windowMs: number
  private readonly hits = new Map<string, number[]>()

  constructor(limit: number, windowMs: number) {
    this.limit = limit
    this.windowMs = windowMs
  }

  /** Milliseconds until one more hit is allowed for `key`; 0 when allowed now. */
  retryAfter(key: string, now = Date.now()): number {
    const recent = this.recent(key, now)
    if (recent.length < this.limit) return 0
    return recent[recent.length - this.limit]! + this.windowMs - now
  }

  hit(key: string, now = Date.now()): void {
    const recent = this.recent(key, now)
    recent.push(now)
    // Only the last `limit` hits matter for the answer.
    this.hits.set(key, recent.slice(-this.limit))
    if (this.hits.size > 10_000) this.sweep(now)
  }

  forget(key: string): void {
    this.hits.delete(key)
  }

  clear(): void {
    this.hits.clear()
  }

  private recent(key: string, now: number): number[] {
    const recent = (this.hits.get(key) ?? []).filter((t) => t > now - this.windowMs)
    if (recent.length) this.hits.set(key, recent)
    else this.hits.delete(key)
    return recent
  }

  private sweep(now: number) {
    for (const key of [...this.hits.keys()]) this.recent(key, now)
  }
}

/** Failed sign-ins per e-mail and per client address; password-reset requests likewise. */
export function attemptWindows() {
  return {
    loginPerEmail: new SlidingWindow(10, 15 * MINUTE),
    loginPerAddress: new SlidingWindow(30, 15 * MINUTE),
    resetPerEmail: new SlidingWindow(5, 15 * MINUTE),
    resetPerAddress: new SlidingWindow(30, 15 * MINUTE),
    /** One reset e-mail per account every 15 s, however many requests (Payload's own interval, which we skip). */
    resetMailPerEmail: new SlidingWindow(1, 15_000),
  }
}

export type AttemptWindows = ReturnType<typeof attemptWindows>
export type WindowName = keyof AttemptWindows
/** `take`: a hit only if allowed now (one step, so two processes cannot both pass), answering the wait otherwise. */
export type WindowOperation = 'retryAfter' | 'hit' | 'take' | 'forget'

/** Runs one operation on a window (what a CMS process asks the primary); the wait in ms for `retryAfter` and `take`. */
export function applyToWindow(windows: AttemptWindows, name: WindowName, operation: WindowOperation, key: string): number {
  if (!Object.hasOwn(windows, name)) return 0
  const window = windows[name]
  if (operation === 'retryAfter') return window.retryAfter(key)
  if (operation === 'take') {
    const waitMs = window.retryAfter(key)
    if (waitMs === 0) window.hit(key)
    return waitMs
  }
  window[operation](key)
  return 0
}
