import { type NextRequest, NextResponse } from 'next/server'
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
 */
export function proxy(request: NextRequest) {
  const english = request.cookies.get('payload-lng')?.value === 'en'
  if (request.method !== 'GET' && Number(request.headers.get('content-length') ?? 0) > MAX_UPLOAD_REQUEST_BYTES) {
    return NextResponse.json({ errors: [{ message: english ? TOO_LARGE.en : TOO_LARGE.fr }] }, { status: 413 })
  }
  if (request.cookies.has('payload-lng')) return NextResponse.next()
  const headers = new Headers(request.headers)
  headers.delete('accept-language')
  return NextResponse.next({ request: { headers } })
}

export const config = { matcher: ['/admin/:path*', '/api/:path*'] }
