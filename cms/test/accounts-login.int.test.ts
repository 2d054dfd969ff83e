// Signing in and asking for a new password, through Payload's REST handlers:
// limits per account and per address (429 in French, Retry-After), the same
// answer for known and unknown e-mails, Payload's lockout underneath, and the
// password-reset e-mail really sent, in French, to an SMTP sink started here on
// a free loopback port (the CMS is configured through SMTP_* like in production).
import type { AddressInfo } from 'node:net'
import { handleEndpoints, type Payload, type SanitizedConfig } from 'payload'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { clientAddress, limits, passwordResetsSettled, trustedProxyHops } from '../src/lib/loginLimits'
import { createStaff, createTestSite, startTempCms, type TempCms } from './helpers/tempCms'

let cms: TempCms
let payload: Payload
let config: SanitizedConfig
let sink: SMTPServer
let sinkOpen = false
const closeSink = () => new Promise<void>((resolve) => (sinkOpen ? ((sinkOpen = false), sink.close(() => resolve())) : resolve()))
type Mail = { from: string; to: string[]; raw: string }
const received: Mail[] = []
const PASSWORD = 'a-long-password-1'
type User = { id: number; email: string }
let site: { id: number }
let networkAdmin: User
const ENV_KEYS = ['SMTP_HOST', 'SMTP_PORT', 'SMTP_SECURE', 'EMAIL_FROM', 'CLES_TRUSTED_PROXY'] as const
const savedEnv = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]))

let addressCounter = 0
/** A fresh TEST-NET address, so per-address counts do not carry from one test to the next. */
const freshAddress = () => `198.51.100.${++addressCounter}`

async function rest(
  method: string,
  path: string,
  { body, forwardedFor, token }: { body?: unknown; forwardedFor?: string; token?: string } = {},
) {
  const headers: Record<string, string> = {}
  if (body !== undefined) headers['content-type'] = 'application/json'
  if (forwardedFor) headers['x-forwarded-for'] = forwardedFor
  if (token) headers.authorization = `JWT ${token}`
  const request = new Request(`http://localhost:3000/api${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const started = performance.now()
  const response = await handleEndpoints({ config, request })
  const text = await response.text()
  const ms = performance.now() - started
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    json = text
  }
  return {
    status: response.status,
    headers: response.headers,
    ms,
    body: json as Record<string, unknown> & { errors?: { message: string }[] },
  }
}
const login = (email: string, password: string, forwardedFor = freshAddress()) =>
  rest('POST', '/users/login', { body: { email, password }, forwardedFor })
const forgot = (email: string, forwardedFor = freshAddress()) => rest('POST', '/users/forgot-password', { body: { email }, forwardedFor })
const storedAuth = async (id: number) =>
  (await payload.db.findOne<{ id: number; loginAttempts?: number; lockUntil?: string | null; resetPasswordToken?: string | null }>({
    collection: 'users',
    where: { id: { equals: id } },
  }))!

// ---- reading what the sink received (no MIME library: headers, encoded words, quoted-printable / base64) ----
function decodeWords(value: string) {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_all, _charset: string, encoding: string, text: string) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
            'latin1',
          ).toString('utf8'),
    )
}
function readMail(raw: string) {
  const split = raw.indexOf('\r\n\r\n')
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ')
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(head)?.[1] ?? ''
  let body = raw.slice(split + 4)
  const encoding = header('Content-Transfer-Encoding').toLowerCase()
  if (encoding === 'quoted-printable') {
    body = Buffer.from(
      body.replace(/=\r?\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
      'latin1',
    ).toString('utf8')
  } else if (encoding === 'base64') {
    body = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
  }
  return { subject: decodeWords(header('Subject')), to: header('To'), contentType: header('Content-Type'), body }
}
async function until(check: () => boolean, what: string, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`délai dépassé : ${what}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

beforeAll(async () => {
  sink = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve))
  sinkOpen = true
  process.env.SMTP_HOST = '127.0.0.1'
  process.env.SMTP_PORT = String((sink.server.address() as AddressInfo).port)
  process.env.SMTP_SECURE = 'false'
  process.env.EMAIL_FROM = 'CMS du réseau CLES <ne-pas-repondre@cles.example>'
  process.env.CLES_TRUSTED_PROXY = '1'
  cms = await startTempCms()
  payload = cms.payload
  config = payload.config
  site = (await createTestSite(payload, 'maison-de-marthe')) as { id: number }
  networkAdmin = await payload.create({
    collection: 'users',
    data: { email: 'admin@reseau.example', password: PASSWORD, globalRole: 'network-admin' },
  })
})
afterAll(async () => {
  await passwordResetsSettled()
  await cms?.close()
  await closeSink()
  for (const key of ENV_KEYS) {
    if (savedEnv[key] === undefined) delete process.env[key]
    else process.env[key] = savedEnv[key]
  }
})
beforeEach(() => {
  process.env.CLES_TRUSTED_PROXY = '1'
})

describe('known and unknown e-mails get the same answer at sign-in', () => {
  it('a wrong password, an unknown e-mail and a locked account: same 401, same French body, about the same time', async () => {
    const known = await createStaff(payload, 'meme-reponse@marthe.example', site.id, 'site-editor')
    const locked = await createStaff(payload, 'verrouille@marthe.example', site.id, 'site-editor')
    await payload.db.updateOne({
      collection: 'users',
      id: locked.id,
      data: { loginAttempts: 10, lockUntil: new Date(Date.now() + 600_000).toISOString() },
    })
    const wrong = [await login(known.email, 'pas-le-bon-1'), await login(known.email, 'pas-le-bon-2')]
    const unknown = [await login('personne@nulle-part.example', 'pas-le-bon-1'), await login('personne@nulle-part.example', 'pas-le-bon-2')]
    const lockedRight = await login(locked.email, PASSWORD)
    for (const answer of [...wrong, ...unknown, lockedRight]) {
      expect(answer.status).toBe(401)
      expect(answer.body).toEqual(wrong[0]!.body)
      expect(answer.headers.get('set-cookie')).toBeNull()
    }
    expect(wrong[0]!.body.errors![0]!.message).toMatch(/^Courriel ou mot de passe incorrect\./)
    // Payload's bookkeeping still counts the wrong passwords of the known account.
    expect((await storedAuth(known.id)).loginAttempts).toBe(2)
    // An unknown e-mail costs the same password hashing as a known one (no timing tell).
    const mean = (xs: { ms: number }[]) => xs.reduce((s, x) => s + x.ms, 0) / xs.length
    expect(mean(unknown)).toBeGreaterThan(mean(wrong) * 0.3)
    expect(lockedRight.ms).toBeGreaterThan(mean(wrong) * 0.3)
  })

  it('Payload’s lockout still works underneath: 10 wrong passwords lock the account (stored); unlocking lets the right one in', async () => {
    const victim = await createStaff(payload, 'verrouillage@marthe.example', site.id, 'contributor')
    for (let i = 0; i < 10; i++) expect((await login(victim.email, `mauvais-${i}`)).status).toBe(401)
    const stored = await storedAuth(victim.id)
    expect(stored.loginAttempts).toBe(10)
    expect(new Date(stored.lockUntil!).getTime()).toBeGreaterThan(Date.now())
    // Past our own per-account limit (forgotten here), Payload's lock refuses the right password, with the same answer.
    limits.loginPerEmail.clear()
    const refused = await login(victim.email, PASSWORD)
    expect(refused.status).toBe(401)
    expect(refused.body.errors![0]!.message).toMatch(/^Courriel ou mot de passe incorrect\./)
    const { token } = await payload.login({ collection: 'users', data: { email: networkAdmin.email, password: PASSWORD } })
    expect((await rest('POST', '/users/unlock', { body: { email: victim.email }, token })).status).toBe(200)
    limits.loginPerEmail.clear()
    const welcome = await login(victim.email, PASSWORD)
    expect(welcome.status).toBe(200)
    expect(typeof welcome.body.token).toBe('string')
    expect(welcome.headers.get('set-cookie')).toMatch(/^payload-token=.+HttpOnly/)
    expect((await storedAuth(victim.id)).lockUntil ?? null).toBeNull()
  })
})

describe('rate limits (per process, sliding 15 minutes)', () => {
  it('10 failed sign-ins per e-mail, from any address: the 11th is 429 in French with Retry-After, even with the right password', async () => {
    // Unknown e-mails are counted alike.
    const known = await createStaff(payload, 'limite@marthe.example', site.id, 'site-editor')
    const answers: Record<string, Awaited<ReturnType<typeof login>>> = {}
    for (const email of [known.email, 'inconnue-limite@nulle-part.example']) {
      for (let i = 0; i < 10; i++) expect((await login(email, `essai-${i}`)).status).toBe(401)
      answers[email] = await login(email, PASSWORD)
    }
    const [k, u] = [answers[known.email]!, answers['inconnue-limite@nulle-part.example']!]
    for (const answer of [k, u]) {
      expect(answer.status).toBe(429)
      expect(answer.body.errors![0]!.message).toMatch(/^Trop de tentatives de connexion\. Réessayez dans \d+ minutes?\.$/)
      const retryAfter = Number(answer.headers.get('retry-after'))
      expect(retryAfter).toBeGreaterThan(0)
      expect(retryAfter).toBeLessThanOrEqual(15 * 60)
      expect(answer.headers.get('set-cookie')).toBeNull()
    }
    expect(k.body).toEqual(u.body)
  })

  it('the right password clears the account’s count: failures before it do not add up with later ones', async () => {
    const user = await createStaff(payload, 'efface@marthe.example', site.id, 'site-editor')
    for (let i = 0; i < 8; i++) await login(user.email, `faute-${i}`)
    expect((await login(user.email, PASSWORD)).status).toBe(200)
    for (let i = 0; i < 3; i++) expect((await login(user.email, `faute-bis-${i}`)).status).toBe(401)
    expect((await login(user.email, PASSWORD)).status).toBe(200)
  })

  it('30 failed sign-ins per address: the 31st is 429 even for another account; other addresses still sign in', async () => {
    const user = await createStaff(payload, 'adresse@marthe.example', site.id, 'site-editor')
    const attacker = '203.0.113.66'
    for (let i = 0; i < 30; i++) expect((await login(`balayage-${i}@nulle-part.example`, 'devine', attacker)).status).toBe(401)
    const blocked = await login(user.email, PASSWORD, attacker)
    expect(blocked.status).toBe(429)
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0)
    // The client cannot get out by writing another address before the proxy's entry.
    const spoofed = await login(user.email, PASSWORD, `192.0.2.1, ${attacker}`)
    expect(spoofed.status).toBe(429)
    expect((await login(user.email, PASSWORD, freshAddress())).status).toBe(200)
  })

  it('the client address: the entry the trusted proxies appended, never one the client wrote', () => {
    const req = (xff?: string) => ({ headers: new Headers(xff ? { 'x-forwarded-for': xff } : {}) })
    expect(trustedProxyHops({ CLES_TRUSTED_PROXY: '1' })).toBe(1)
    expect(trustedProxyHops({ CLES_TRUSTED_PROXY: '2' })).toBe(2)
    expect(trustedProxyHops({})).toBe(0)
    expect(clientAddress(req('192.0.2.1, 203.0.113.9'), { CLES_TRUSTED_PROXY: '1' })).toBe('203.0.113.9')
    expect(clientAddress(req('192.0.2.1, 203.0.113.9, 10.0.0.2'), { CLES_TRUSTED_PROXY: '2' })).toBe('203.0.113.9')
    // Without a proxy, Next.js writes the socket address (the only entry) when the client sent none.
    expect(clientAddress(req('::ffff:127.0.0.1'), {})).toBe('127.0.0.1')
    expect(clientAddress(req(), {})).toBe('inconnue')
  })
})

describe('password reset by e-mail (SMTP sink)', () => {
  it('a known account receives one French e-mail whose link resets the password; an unknown e-mail gets the same answer and nothing is sent', async () => {
    const user = await createStaff(payload, 'oubli@marthe.example', site.id, 'site-editor')
    const before = received.length
    const unknown = await forgot('personne-oubli@nulle-part.example')
    await passwordResetsSettled()
    expect(received.length).toBe(before)
    const known = await forgot(user.email)
    await passwordResetsSettled()
    expect([unknown.status, known.status]).toEqual([200, 200])
    expect(unknown.body).toEqual(known.body)
    expect(known.body.message).toMatch(/^Si ce courriel correspond à un compte/)
    // The answer does not wait for the SMTP round trip, for either.
    await until(() => received.length === before + 1, 'courriel de réinitialisation')
    const mail = received.at(-1)!
    expect(mail.to).toEqual([user.email])
    expect(mail.from).toBe('ne-pas-repondre@cles.example')
    const { subject, body, contentType } = readMail(mail.raw)
    expect(subject).toBe('Choisir un nouveau mot de passe — CMS du réseau CLES')
    expect(contentType).toMatch(/text\/html/)
    expect(body).toMatch(/lang="fr"/)
    expect(body).toContain('Une demande de nouveau mot de passe a été faite pour votre compte')
    const link = /href="(http:\/\/localhost:3000\/admin\/reset\/([0-9a-f]+))"/.exec(body)
    expect(link, body).not.toBeNull()
    const token = link![2]!
    expect((await storedAuth(user.id)).resetPasswordToken).toBe(token)
    // Using the token through the REST route changes the password.
    const reset = await rest('POST', '/users/reset-password', { body: { token, password: 'nouveau-mot-de-passe-42' } })
    expect(reset.status, JSON.stringify(reset.body)).toBe(200)
    expect((await login(user.email, 'nouveau-mot-de-passe-42')).status).toBe(200)
    expect((await login(user.email, PASSWORD)).status).toBe(401)
    // The token is spent.
    expect(
      (await rest('POST', '/users/reset-password', { body: { token, password: 'encore-un-autre-43' } })).status,
    ).toBeGreaterThanOrEqual(400)
    expect((await login(user.email, 'nouveau-mot-de-passe-42')).status).toBe(200)
  })

  it('reset requests are limited per e-mail (5 per 15 minutes) and per address, alike for known and unknown e-mails', async () => {
    const user = await createStaff(payload, 'oubli-repete@marthe.example', site.id, 'contributor')
    const last: Record<string, Awaited<ReturnType<typeof forgot>>> = {}
    for (const email of [user.email, 'oubli-inconnu@nulle-part.example']) {
      for (let i = 0; i < 5; i++) expect((await forgot(email)).status).toBe(200)
      last[email] = await forgot(email)
    }
    await passwordResetsSettled()
    const [k, u] = [last[user.email]!, last['oubli-inconnu@nulle-part.example']!]
    expect([k.status, u.status]).toEqual([429, 429])
    expect(k.body).toEqual(u.body)
    expect(k.body.errors![0]!.message).toMatch(/^Trop de demandes de nouveau mot de passe\./)
    expect(Number(k.headers.get('retry-after'))).toBeGreaterThan(0)
    // One e-mail per account every 15 s (limits.resetMailPerEmail) means one e-mail, not five.
    expect(received.filter((m) => m.to.includes(user.email))).toHaveLength(1)
    const address = '203.0.113.77'
    for (let i = 0; i < 30; i++) await forgot(`vague-${i}@nulle-part.example`, address)
    expect((await forgot('encore@nulle-part.example', address)).status).toBe(429)
    await passwordResetsSettled()
  })

  it('an empty request is told what to fix, in French', async () => {
    const empty = await rest('POST', '/users/forgot-password', { body: {}, forwardedFor: freshAddress() })
    expect(empty.status).toBe(400)
    expect(empty.body.errors![0]!.message).toBe('Indiquez le courriel de votre compte.')
  })

  it('when the mail server is down, a known e-mail still gets the same answer as an unknown one', async () => {
    const user = await createStaff(payload, 'panne@marthe.example', site.id, 'contributor')
    await closeSink()
    const unknown = await forgot('panne-inconnue@nulle-part.example')
    const known = await forgot(user.email)
    await passwordResetsSettled()
    expect([known.status, known.body]).toEqual([unknown.status, unknown.body])
    expect(received.some((m) => m.to.includes(user.email))).toBe(false)
  })
})
