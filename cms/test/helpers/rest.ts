// Requests through Payload's real REST handlers (routes, auth strategies,
// access, hooks), without an HTTP server: signed in with a real session token
// (Authorization: JWT …) or a session cookie, or anonymous.
import { handleEndpoints, type Payload } from 'payload'

export interface RestAnswer {
  status: number
  headers: Headers
  body: Record<string, unknown> & { errors?: { message: string }[]; docs?: Record<string, unknown>[]; message?: string }
}

export interface RestOptions {
  /** Sign in as this account (its password: `password`, or the client's default). */
  user?: { email: string }
  password?: string
  /** Send the session as a `payload-token` cookie instead of an Authorization header. */
  asCookie?: boolean
  body?: unknown
  headers?: Record<string, string>
}

/** `cacheTokens: false` signs in again for every request (tests that change passwords or end sessions). */
export function restClient(payload: Payload, defaultPassword: string, { cacheTokens = true } = {}) {
  const tokens = new Map<string, string>()

  async function tokenOf(user: { email: string }, password = defaultPassword): Promise<string> {
    const key = `${user.email}\n${password}`
    const known = cacheTokens ? tokens.get(key) : undefined
    if (known) return known
    const { token } = await payload.login({ collection: 'users', data: { email: user.email, password } })
    tokens.set(key, token!)
    return token!
  }

  async function rest(
    method: string,
    path: string,
    { user, password, asCookie, body, headers: extra }: RestOptions = {},
  ): Promise<RestAnswer> {
    const headers: Record<string, string> = { ...extra }
    if (body !== undefined && !(body instanceof FormData)) headers['content-type'] = 'application/json'
    if (user) {
      const token = await tokenOf(user, password)
      if (asCookie) headers.cookie = `payload-token=${token}`
      else headers.authorization = `JWT ${token}`
    }
    const request = new Request(`http://localhost:3000/api${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
    })
    const response = await handleEndpoints({ config: payload.config, request })
    const text = await response.text()
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      json = text
    }
    return { status: response.status, headers: response.headers, body: json as RestAnswer['body'] }
  }

  return { rest, tokenOf, forget: () => tokens.clear() }
}
