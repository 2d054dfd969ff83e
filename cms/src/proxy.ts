import { type NextRequest, NextResponse } from 'next/server'
import { log } from './lib/log'
import { loggablePath } from './lib/requestLog'
import { MAX_UPLOAD_REQUEST_BYTES, TOO_LARGE } from './lib/uploadLimit'

/**
 * French is the admin's default language. Payload otherwise follows the
 * browser's Accept-Language, so an English browser would get English. We drop
 * that header for admin and API requests: the language then comes from the
 * user's own choice (the `payload-lng` cookie set in Account settings) or
 * falls back to French.
 *
 * An upload larger than the limit is refused here, with the reason, before
 * Next cuts its body short (which Payload would report as a server error).
 *
 * Admin requests (pages, server functions) get their log line here: Next gives
 * the proxy no view of the status, so it has method and path only. API requests
 * are logged by their route, with status, duration and staff id (lib/requestLog.ts).
 */
export function proxy(request: NextRequest) {
  if (!request.nextUrl.pathname.startsWith('/api/')) {
    log('info', 'request', { method: request.method, path: loggablePath(request.url), kind: 'admin' })
  }
  const english = request.cookies.get('payload-lng')?.value === 'en'
  if (request.method !== 'GET' && Number(request.headers.get('content-length') ?? 0) > MAX_UPLOAD_REQUEST_BYTES) {
    // Answered here, so the API route never logs it.
    if (request.nextUrl.pathname.startsWith('/api/'))
      log('info', 'request', { method: request.method, path: loggablePath(request.url), status: 413 })
    return NextResponse.json({ errors: [{ message: english ? TOO_LARGE.en : TOO_LARGE.fr }] }, { status: 413 })
  }
  if (request.cookies.has('payload-lng')) return NextResponse.next()
  const headers = new Headers(request.headers)
  headers.delete('accept-language')
  return NextResponse.next({ request: { headers } })
}

export const config = { matcher: ['/admin/:path*', '/api/:path*'] }
