// Signing in and asking for a new password, replacing Payload's routes
// (POST /api/users/login and /api/users/forgot-password) around Payload's own
// operations:
// - limits per account (e-mail) and per client address, answered 429 in French
//   with Retry-After;
// - the same answer whether the e-mail belongs to an account or not: a wrong
//   password, an unknown e-mail and a locked account get the same 401 (Payload
//   tells a locked account apart), in about the same time (Payload hashes only
//   for known, unlocked accounts); forgot-password always answers the same 200
//   at once and sends the e-mail afterwards (an SMTP round trip, or an SMTP
//   failure, would otherwise tell a known e-mail apart).
// Payload's own lockout (auth.maxLoginAttempts / lockTime) keeps working underneath.
//
// The counters live in memory (lib/slidingWindow.ts): the primary's when several
// CMS processes share the machine (lib/clusterLink.ts); a restart forgets them.
import { pbkdf2 } from 'node:crypto'
import {
  addDataAndFileToRequest,
  createLocalReq,
  headersWithCors,
  loginOperation,
  type Endpoint,
  type Payload,
  type PayloadRequest,
} from 'payload'
import { generatePayloadCookie } from 'payload/shared'
import { resetEmailHTML, resetEmailSubject } from './email'
import { onAttemptWindow } from './clusterLink'
import { message, type Bilingual } from './message'
import { attemptWindows, type WindowName } from './slidingWindow'

/** This process's counters: the only ones outside a cluster, a fallback inside one (lib/clusterLink.ts). */
export const limits = attemptWindows()
const wait = (name: WindowName, key: string) => onAttemptWindow(limits, name, 'retryAfter', key)
const count = (name: WindowName, key: string) => onAttemptWindow(limits, name, 'hit', key)
const take = (name: WindowName, key: string) => onAttemptWindow(limits, name, 'take', key)
const forget = (name: WindowName, key: string) => onAttemptWindow(limits, name, 'forget', key)

/** How many proxies in front of the CMS append to X-Forwarded-For (CLES_TRUSTED_PROXY: 1 or true, or a count). */
export function trustedProxyHops(env: Record<string, string | undefined> = process.env): number {
  const value = env.CLES_TRUSTED_PROXY?.trim().toLowerCase()
  if (!value || value === '0' || value === 'false') return 0
  if (value === 'true' || value === 'yes') return 1
  const hops = Number(value)
  return Number.isInteger(hops) && hops > 0 ? hops : 1
}

/**
 * The address the request came from. Payload's request carries no socket
 * address; Next.js's server writes it into X-Forwarded-For when the request
 * has none. Behind proxies (CLES_TRUSTED_PROXY = their number), the entry the
 * nearest trusted proxy appended is the client; entries to its left come from
 * the client and are never trusted. Without that setting the last entry is
 * taken: the socket address, unless a client talking straight to Next.js sends
 * its own header — the per-account limit and Payload's lockout hold anyway.
 */
export function clientAddress(req: Pick<PayloadRequest, 'headers'>, env: Record<string, string | undefined> = process.env): string {
  const entries = (req.headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)
  const hops = trustedProxyHops(env)
  const chosen = hops > 0 ? entries[Math.max(0, entries.length - hops)] : entries[entries.length - 1]
  return (chosen ?? 'inconnue').toLowerCase().replace(/^::ffff:/, '')
}

const normaliseEmail = (value: unknown) => (typeof value === 'string' ? value.toLowerCase().trim() : '')

const WRONG_CREDENTIALS: Bilingual = {
  fr:
    'Courriel ou mot de passe incorrect. Après plusieurs essais manqués, un compte est aussi verrouillé pour quelques minutes : ' +
    'réessayez plus tard, ou demandez à l’administration de le déverrouiller.',
  en:
    'Incorrect e-mail or password. After several failed attempts an account is also locked for a few minutes: ' +
    'try again later, or ask an administrator to unlock it.',
}

const RESET_REQUESTED: Bilingual = {
  fr:
    'Si ce courriel correspond à un compte, un message vient d’y être envoyé avec un lien pour choisir un nouveau mot de passe ' +
    '(valable une heure). Pensez à regarder dans les indésirables.',
  en:
    'If this e-mail belongs to an account, a message with a link to choose a new password (valid for one hour) ' +
    'has just been sent to it. Check your spam folder too.',
}

function answer(req: PayloadRequest, status: number, body: unknown, headers: Record<string, string> = {}) {
  return Response.json(body, { status, headers: headersWithCors({ headers: new Headers(headers), req }) })
}

function tooMany(req: PayloadRequest, waitMs: number, what: 'login' | 'reset') {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000))
  const minutes = Math.max(1, Math.ceil(seconds / 60))
  const text =
    what === 'login'
      ? {
          fr: `Trop de tentatives de connexion. Réessayez dans ${minutes} minute${minutes > 1 ? 's' : ''}.`,
          en: `Too many sign-in attempts. Try again in ${minutes} minute${minutes > 1 ? 's' : ''}.`,
        }
      : {
          fr: `Trop de demandes de nouveau mot de passe. Réessayez dans ${minutes} minute${minutes > 1 ? 's' : ''}.`,
          en: `Too many password-reset requests. Try again in ${minutes} minute${minutes > 1 ? 's' : ''}.`,
        }
  return answer(req, 429, { errors: [{ message: message(req, text) }] }, { 'Retry-After': String(seconds) })
}

/** The work Payload does to check a password (current hash parameters), for an account it would not check. */
const DUMMY_SALT = 'f'.repeat(64)
const hashLikePayload = (password: string) =>
  new Promise<void>((resolve) => pbkdf2(password, DUMMY_SALT, 600_000, 32, 'sha256', () => resolve()))

const isLocked = (lockUntil: unknown) =>
  (typeof lockUntil === 'string' || lockUntil instanceof Date) && new Date(lockUntil).getTime() > Date.now()

/** POST /api/users/login */
export const loginEndpoint: Endpoint = {
  path: '/login',
  method: 'post',
  handler: async (req) => {
    await addDataAndFileToRequest(req)
    const collection = req.payload.collections.users
    const email = typeof req.data?.email === 'string' ? req.data.email : ''
    const password = typeof req.data?.password === 'string' ? req.data.password : ''
    const account = normaliseEmail(email)
    const address = clientAddress(req)
    const waitMs = Math.max(await wait('loginPerEmail', account), await wait('loginPerAddress', address))
    if (waitMs > 0) return tooMany(req, waitMs, 'login')
    // Would Payload check this password? Not for an unknown or a locked account.
    const stored = account
      ? await req.payload.db.findOne<{ id: number | string; lockUntil?: string | Date | null }>({
          collection: 'users',
          where: { email: { equals: account } },
          req,
        })
      : null
    const checked = Boolean(stored) && !isLocked(stored?.lockUntil)
    const depth = req.searchParams.get('depth')
    let result
    try {
      result = await loginOperation({
        collection,
        data: { email, password },
        depth: depth && /^\d+$/.test(depth) ? Number(depth) : undefined,
        req,
      })
    } catch (error) {
      // 400 (e-mail or password missing) and the rest go to Payload's error handling.
      if ((error as { status?: number }).status !== 401) throw error
      if (!checked) await hashLikePayload(password)
      await count('loginPerEmail', account)
      await count('loginPerAddress', address)
      return answer(req, 401, { errors: [{ message: message(req, WRONG_CREDENTIALS) }] })
    }
    // Only the right password clears the account's count (never the address's).
    await forget('loginPerEmail', account)
    const cookie = generatePayloadCookie({
      collectionAuthConfig: collection.config.auth,
      cookiePrefix: req.payload.config.cookiePrefix,
      token: result.token!,
    })
    if (collection.config.auth.removeTokenFromResponses) delete result.token
    return answer(req, 200, { message: req.t('authentication:passed'), ...result }, { 'Set-Cookie': cookie })
  },
}

const pendingResets = new Set<Promise<unknown>>()

/** Resolves once every password reset requested so far is done (e-mail sent, or failure logged). */
export async function passwordResetsSettled(): Promise<void> {
  while (pendingResets.size) await Promise.allSettled([...pendingResets])
}

/** POST /api/users/forgot-password */
export const forgotPasswordEndpoint: Endpoint = {
  path: '/forgot-password',
  method: 'post',
  handler: async (req) => {
    await addDataAndFileToRequest(req)
    const email = normaliseEmail(req.data?.email)
    if (!email) {
      return answer(req, 400, {
        errors: [{ message: message(req, { fr: 'Indiquez le courriel de votre compte.', en: 'Enter the e-mail of your account.' }) }],
      })
    }
    const address = clientAddress(req)
    const waitMs = Math.max(await wait('resetPerEmail', email), await wait('resetPerAddress', address))
    if (waitMs > 0) return tooMany(req, waitMs, 'reset')
    await count('resetPerEmail', email)
    await count('resetPerAddress', address)
    // Outside production, the link may point where the request came (see lib/email.ts).
    let resetOrigin: string | undefined
    try {
      resetOrigin = new URL(req.url ?? '').origin
    } catch {
      resetOrigin = undefined
    }
    const payload = req.payload
    const work = sendResetEmail(payload, email, resetOrigin)
      .catch((error: unknown) =>
        payload.logger.error({ err: error, msg: 'Demande de nouveau mot de passe : le courriel n’a pas pu être envoyé.' }),
      )
      .finally(() => pendingResets.delete(work))
    pendingResets.add(work)
    return answer(req, 200, { message: message(req, RESET_REQUESTED) })
  },
}

/**
 * Stores a reset token (Payload's operation, one transaction) and then mails it. Payload would
 * send the e-mail inside its transaction, and on SQLite a transaction holds the process's write
 * turn (lib/sqliteWriteLock.ts): every editor's save would wait for the mail server.
 */
async function sendResetEmail(payload: Payload, email: string, resetOrigin: string | undefined): Promise<void> {
  if ((await take('resetMailPerEmail', email)) > 0) return
  const context = { resetOrigin }
  const token = await payload.forgotPassword({ collection: 'users', data: { email }, disableEmail: true, context })
  // Unknown e-mail: nothing to send, and the answer was the same.
  if (!token) return
  const req = await createLocalReq({ context }, payload)
  const { docs } = await payload.find({ collection: 'users', where: { email: { equals: email } }, limit: 1, depth: 0, req })
  // The stored address, as Payload would: never one the request spelled.
  const user = docs[0]
  if (!user?.email) return
  const { defaultFromAddress, defaultFromName } = payload.email as unknown as { defaultFromAddress: string; defaultFromName: string }
  await payload.sendEmail({
    from: `"${defaultFromName}" <${defaultFromAddress}>`,
    to: user.email,
    subject: resetEmailSubject(),
    html: resetEmailHTML({ req, token, user }),
  })
}
