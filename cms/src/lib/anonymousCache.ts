// Micro-cache for anonymous REST reads. Anonymous responses only ever hold
// published content, so they can be shared between readers for a few seconds;
// any write in this process, or in another CMS process of the same cluster
// (lib/clusterLink.ts), clears the cache at once (see cachePlugin), and the
// short lifetime bounds staleness for writes made by other processes
// (the publisher, another machine).
// Signed-in requests (cookie or Authorization header) never touch it.
// Only small JSON answers are kept (never files), and a write clears the cache
// again once it has committed, so a read racing the write cannot refill it.

import { chosenLanguage } from './adminLanguage'
import { onOtherProcesses, tellOtherProcesses } from './clusterLink'

const TTL_MS = 5_000
const MAX_ENTRIES = 500
const MAX_BODY_BYTES = 256 * 1024

interface Entry {
  body: ArrayBuffer
  status: number
  headers: [string, string][]
  expires: number
}

const entries = new Map<string, Entry>()
// A write in another CMS process of this machine (CLES_CMS_PROCESSES) clears this one too.
onOtherProcesses('anonymous-cache-clear', clearHere)

/**
 * Anonymous means no credential in any form Payload might accept: no
 * Authorization header, and no cookie header that mentions the session cookie
 * at all (`payload-token =…`, odd separators and case variants included).
 */
export function isAnonymous(request: Request): boolean {
  if (request.headers.has('authorization')) return false
  return !/payload-token/i.test(request.headers.get('cookie') ?? '')
}

/** Key: the full URL plus what changes the language of messages. */
export function cacheKey(request: Request): string {
  return `${request.url}|${chosenLanguage(request.headers) ?? ''}|${request.headers.get('accept-language') ?? ''}`
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
  // An answer that must never be reused (the health check) is never kept.
  if (/no-store|private/i.test(response.headers.get('cache-control') ?? '')) return response
  if (!(response.headers.get('content-type') ?? '').includes('application/json')) return response
  const length = Number(response.headers.get('content-length') ?? 0)
  if (length > MAX_BODY_BYTES) return response
  const body = await response.arrayBuffer()
  if (body.byteLength > MAX_BODY_BYTES) return new Response(body, { status: response.status, headers: response.headers })
  const headers = [...response.headers.entries()]
  if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!)
  entries.set(key, { body, status: response.status, headers, expires: Date.now() + TTL_MS })
  return new Response(body.slice(0), { status: response.status, headers: [...headers, ['x-cles-cache', 'miss']] })
}

/** After a write in this process: clears this cache and, in a cluster, the other processes'. */
export function clearAnonymousCache(): void {
  clearHere()
  tellOtherProcesses('anonymous-cache-clear')
}

function clearHere(): void {
  entries.clear()
  // The write may commit after this hook: clear again once it has.
  setTimeout(() => entries.clear(), 0)
  setTimeout(() => entries.clear(), 250)
}
