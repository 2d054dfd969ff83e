// Micro-cache for anonymous REST reads. Anonymous responses only ever hold
// published content, so they can be shared between readers for a few seconds;
// any write in this process clears the cache at once (see cachePlugin), and
// the short lifetime bounds staleness for writes made by other processes.
// Signed-in requests (cookie or Authorization header) never touch it.

const TTL_MS = 5_000
const MAX_ENTRIES = 500

interface Entry {
  body: ArrayBuffer
  status: number
  headers: [string, string][]
  expires: number
}

const entries = new Map<string, Entry>()

export function isAnonymous(request: Request): boolean {
  if (request.headers.has('authorization')) return false
  const cookie = request.headers.get('cookie') ?? ''
  return !/(^|;\s*)payload-token=/.test(cookie)
}

/** Key: the full URL plus what changes the language of messages. */
export function cacheKey(request: Request): string {
  const lang = /(?:^|;\s*)payload-lng=([^;]+)/.exec(request.headers.get('cookie') ?? '')?.[1] ?? ''
  return `${request.url}|${lang}|${request.headers.get('accept-language') ?? ''}`
}

export function readCache(key: string): Response | null {
  const entry = entries.get(key)
  if (!entry) return null
  if (entry.expires < Date.now()) {
    entries.delete(key)
    return null
  }
  return new Response(entry.body.slice(0), { status: entry.status, headers: [...entry.headers, ['x-cles-cache', 'hit']] })
}

export async function storeCache(key: string, response: Response): Promise<Response> {
  if (response.status !== 200 || response.headers.has('set-cookie')) return response
  const body = await response.arrayBuffer()
  const headers = [...response.headers.entries()]
  if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!)
  entries.set(key, { body, status: response.status, headers, expires: Date.now() + TTL_MS })
  return new Response(body.slice(0), { status: response.status, headers: [...headers, ['x-cles-cache', 'miss']] })
}

export function clearAnonymousCache(): void {
  entries.clear()
}
