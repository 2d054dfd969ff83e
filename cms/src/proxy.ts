import { type NextRequest, NextResponse } from 'next/server'

/**
 * French is the admin's default language. Payload otherwise follows the
 * browser's Accept-Language, so an English browser would get English. We drop
 * that header for admin and API requests: the language then comes from the
 * user's own choice (the `payload-lng` cookie set in Account settings) or
 * falls back to French.
 */
export function proxy(request: NextRequest) {
  if (request.cookies.has('payload-lng')) return NextResponse.next()
  const headers = new Headers(request.headers)
  headers.delete('accept-language')
  return NextResponse.next({ request: { headers } })
}

export const config = { matcher: ['/admin/:path*', '/api/:path*'] }
