// Requests through Payload's own REST handlers (the routes a browser or curl
// reaches at /api/…), signed in with a real session token or anonymous: the
// same code path as a started CMS, without a port.
import { handleEndpoints, type Payload } from 'payload'

export interface Answer {
  status: number
  body: Record<string, unknown> & { errors?: { message: string }[]; docs?: Record<string, unknown>[]; doc?: Record<string, unknown> }
  text: string
}

/** `where` (or any nested object) in Payload's bracket query syntax: where[and][0][id][equals]=1. */
export function toQuery(params: Record<string, unknown>): string {
  const parts: string[] = []
  const walk = (prefix: string, value: unknown) => {
    if (value === undefined) return
    if (Array.isArray(value)) value.forEach((item, i) => walk(`${prefix}[${i}]`, item))
    else if (value !== null && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) walk(prefix ? `${prefix}[${k}]` : k, v)
    else parts.push(`${prefix}=${encodeURIComponent(String(value))}`)
  }
  walk('', params)
  return parts.join('&')
}

export interface RestOptions {
  token?: string
  body?: unknown
  /** Multipart upload: the JSON fields go in `_payload`, as the admin sends them. */
  file?: { data: Buffer; name: string; mimetype: string }
  headers?: Record<string, string>
}

export function restClient(payload: Payload) {
  const config = payload.config
  return async function rest(method: string, path: string, { token, body, file, headers: extra = {} }: RestOptions = {}): Promise<Answer> {
    const headers: Record<string, string> = { ...extra }
    if (token) headers.authorization = `JWT ${token}`
    let requestBody: BodyInit | undefined
    if (file) {
      const form = new FormData()
      form.append('_payload', JSON.stringify(body ?? {}))
      form.append('file', new Blob([new Uint8Array(file.data)], { type: file.mimetype }), file.name)
      requestBody = form
    } else if (body !== undefined) {
      headers['content-type'] = 'application/json'
      requestBody = JSON.stringify(body)
    }
    const request = new Request(`http://localhost:3000/api${path}`, { method, headers, body: requestBody })
    const response = await handleEndpoints({ config, request })
    const text = await response.text()
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      json = { raw: text }
    }
    return { status: response.status, body: (json && typeof json === 'object' ? json : { value: json }) as Answer['body'], text }
  }
}

export type Rest = ReturnType<typeof restClient>
