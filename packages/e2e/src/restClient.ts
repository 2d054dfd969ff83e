// A small client for Payload's REST API: JSON or multipart, with a JWT.
export class RestClient {
  constructor(
    readonly baseUrl: string,
    readonly token?: string,
  ) {}

  static async login(baseUrl: string, email: string, password: string): Promise<RestClient> {
    const response = await fetch(`${baseUrl}/api/users/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, password }),
    })
    const body = (await response.json()) as { token?: string; errors?: unknown }
    if (!response.ok || !body.token) throw new Error(`connexion refusée pour ${email} : ${response.status} ${JSON.stringify(body)}`)
    return new RestClient(baseUrl, body.token)
  }

  async request(method: string, path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
    const headers: Record<string, string> = {}
    if (this.token) headers.Authorization = `JWT ${this.token}`
    let payload: BodyInit | undefined
    if (body instanceof FormData) payload = body
    else if (body !== undefined) {
      headers['Content-Type'] = 'application/json'
      payload = JSON.stringify(body)
    }
    const response = await fetch(`${this.baseUrl}/api${path}`, { method, headers, body: payload })
    const text = await response.text()
    let json: Record<string, unknown>
    try {
      json = text ? JSON.parse(text) : {}
    } catch {
      json = { raw: text }
    }
    return { status: response.status, json }
  }
}

/** 401, 403 and 404 mean "access denied"; any other failure is a bug the test must report. */
export function allowedFromStatus(status: number, json: unknown, what: string): boolean {
  if (status >= 200 && status < 300) return true
  if (status === 401 || status === 403 || status === 404) return false
  throw new Error(`${what} : réponse inattendue ${status} ${JSON.stringify(json).slice(0, 300)}`)
}
