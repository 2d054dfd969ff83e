// French is the admin's default language. Payload otherwise follows the
// browser's Accept-Language, so an English browser would get English. Unless
// the person chose a language (the `payload-lng` cookie set in Account
// settings), the header is dropped and Payload falls back to French.
// The proxy applies this to admin pages (src/proxy.ts); the API routes apply it
// themselves (apiRoutes.ts), so most API requests skip Next's proxy, whose cost
// is about a sixth of a signed-in list under load.

const CHOSEN_LANGUAGE = /(?:^|;\s*)payload-lng=([^;]*)/

/** The language the person chose in Account settings (`payload-lng`), or null when none. */
export function chosenLanguage(headers: Headers): string | null {
  return CHOSEN_LANGUAGE.exec(headers.get('cookie') ?? '')?.[1] ?? null
}

/** The request's headers without the browser's language, or null when they stay as they are. */
export function withoutBrowserLanguage(headers: Headers): Headers | null {
  if (!headers.has('accept-language') || chosenLanguage(headers) !== null) return null
  const kept = new Headers(headers)
  kept.delete('accept-language')
  return kept
}

/** A route handler that sees the request without the browser's language. */
export function inAdminLanguage<Context>(
  handler: (request: Request, context: Context) => Promise<Response>,
): (request: Request, context: Context) => Promise<Response> {
  return (request, context) => {
    const headers = withoutBrowserLanguage(request.headers)
    if (!headers) return handler(request, context)
    // Built from its parts: Next's request is not one `new Request(request)` accepts.
    const body = request.method === 'GET' || request.method === 'HEAD' ? null : request.body
    return handler(new Request(request.url, { method: request.method, headers, body, duplex: 'half' } as RequestInit), context)
  }
}
