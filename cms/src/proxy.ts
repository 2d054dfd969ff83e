import { type NextRequest, NextResponse } from 'next/server'
import { chosenLanguage, withoutBrowserLanguage } from './lib/adminLanguage'
import { log } from './lib/log'
import { loggablePath } from './lib/requestLog'
import { MAX_UPLOAD_REQUEST_BYTES, TOO_LARGE } from './lib/uploadLimit'

/**
 * Admin pages in French unless the person chose English (lib/adminLanguage.ts;
 * the API routes apply that rule themselves).
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
  const english = chosenLanguage(request.headers) === 'en'
  if (request.method !== 'GET' && Number(request.headers.get('content-length') ?? 0) > MAX_UPLOAD_REQUEST_BYTES) {
    // Answered here, so the API route never logs it.
    if (request.nextUrl.pathname.startsWith('/api/'))
      log('info', 'request', { method: request.method, path: loggablePath(request.url), status: 413 })
    return NextResponse.json({ errors: [{ message: english ? TOO_LARGE.en : TOO_LARGE.fr }] }, { status: 413 })
  }
  const headers = withoutBrowserLanguage(request.headers)
  return headers ? NextResponse.next({ request: { headers } }) : NextResponse.next()
}

// API requests pass through the proxy only when they carry a body (its size is checked here), sized
// or chunked: the proxy costs about a sixth of a signed-in list under load (docs/production.md §15).
export const config = {
  matcher: [
    '/admin/:path*',
    { source: '/api/:path*', has: [{ type: 'header', key: 'content-length' }] },
    { source: '/api/:path*', has: [{ type: 'header', key: 'transfer-encoding' }] },
  ],
}
