// E-mail that reaches people: Payload's nodemailer adapter configured from the
// environment (SMTP_HOST, SMTP_PORT, SMTP_USER, SMTP_PASS, SMTP_SECURE,
// EMAIL_FROM; see cms/README.md), the CMS's public address (CLES_SERVER_URL)
// that links in e-mails point to, and the French password-reset e-mail.
// Without SMTP_HOST, the e-mail is only noted in the log (its subject, never
// its recipient): fine on a developer's machine, announced at start in
// production.
import { nodemailerAdapter, type NodemailerAdapterArgs } from '@payloadcms/email-nodemailer'
import type { EmailAdapter, Payload, PayloadRequest } from 'payload'
import { formatAdminURL } from 'payload/shared'

type Env = Record<string, string | undefined>

export class EmailConfigError extends Error {
  override name = 'EmailConfigError'
}

const building = (env: Env) => env.NEXT_PHASE === 'phase-production-build'

/**
 * The CMS's public address (scheme, host, port: `https://cms.cles.example`),
 * from CLES_SERVER_URL; undefined when not set. Links in e-mails use it, and
 * Payload's admin uses it as `serverURL`.
 */
export function publicServerURL(env: Env = process.env): string | undefined {
  const given = env.CLES_SERVER_URL?.trim()
  if (!given) return undefined
  let url: URL
  try {
    url = new URL(given)
  } catch {
    url = new URL('invalid:')
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !url.host) {
    throw new EmailConfigError(
      `CLES_SERVER_URL « ${given} » n’est pas une adresse web : indiquez l’adresse publique du CMS, par exemple https://cms.cles.example. ` +
        `— CLES_SERVER_URL must be the CMS's public address, e.g. https://cms.cles.example.`,
    )
  }
  return url.origin
}

/** `Nom <adresse@exemple>` or a bare address; the name defaults to the CMS's. */
export function parseFrom(value: string | undefined, fallbackHost = 'localhost'): { name: string; address: string } {
  const text = value?.trim() ?? ''
  const named = /^\s*"?([^"<]*?)"?\s*<([^<>\s]+@[^<>\s]+)>\s*$/.exec(text)
  if (named) return { name: named[1]!.trim() || 'CMS du réseau CLES', address: named[2]! }
  if (/^[^\s@<>]+@[^\s@<>]+$/.test(text)) return { name: 'CMS du réseau CLES', address: text }
  return { name: 'CMS du réseau CLES', address: `ne-pas-repondre@${fallbackHost}` }
}

/** The SMTP settings read from the environment, or null without SMTP_HOST. */
export function smtpSettings(env: Env = process.env) {
  const host = env.SMTP_HOST?.trim()
  if (!host) return null
  const secureText = env.SMTP_SECURE?.trim().toLowerCase()
  const port = Number(env.SMTP_PORT?.trim() || (secureText === 'true' || secureText === '1' ? 465 : 587))
  if (!Number.isInteger(port) || port <= 0 || port > 65535) {
    throw new EmailConfigError(
      `SMTP_PORT « ${env.SMTP_PORT} » n’est pas un numéro de port (par exemple 587 ou 465). — SMTP_PORT is not a port number.`,
    )
  }
  // Implicit TLS on 465 by default; elsewhere STARTTLS when the server offers it.
  const secure = secureText ? secureText === 'true' || secureText === '1' : port === 465
  const user = env.SMTP_USER?.trim()
  const serverHost = (() => {
    const url = publicServerURL(env)
    return url ? new URL(url).hostname : 'localhost'
  })()
  return {
    host,
    port,
    secure,
    auth: user ? { user, pass: env.SMTP_PASS ?? '' } : undefined,
    from: parseFrom(env.EMAIL_FROM, serverHost),
  }
}

const fallbackFrom = parseFrom(undefined)

/**
 * Without SMTP: each e-mail becomes one French log line with its subject. Payload's
 * own fallback writes the recipient's address into the log (personal data the logs
 * must not hold, docs/production.md §12) and warns in English at every start.
 */
export const logOnlyEmailAdapter: EmailAdapter = ({ payload }) => ({
  name: 'journal',
  defaultFromAddress: fallbackFrom.address,
  defaultFromName: fallbackFrom.name,
  sendEmail: async (message) => {
    payload.logger.info({ msg: `courriel non envoyé, aucun serveur SMTP configuré (SMTP_HOST) : « ${message.subject ?? ''} »` })
  },
})

/**
 * Payload's `email` setting: nodemailer over SMTP when SMTP_HOST is set,
 * otherwise the log-only adapter above.
 */
export function emailAdapter(env: Env = process.env): EmailAdapter | Promise<EmailAdapter> {
  // `next build` loads the config without sending anything: no connection then.
  const smtp = building(env) ? null : smtpSettings(env)
  if (!smtp) return logOnlyEmailAdapter
  return nodemailerAdapter({
    defaultFromAddress: smtp.from.address,
    defaultFromName: smtp.from.name,
    // nodemailer's SMTP options (its types do not resolve from here: checked by the SMTP test).
    transportOptions: {
      host: smtp.host,
      port: smtp.port,
      secure: smtp.secure,
      auth: smtp.auth,
    } as unknown as NodemailerAdapterArgs['transportOptions'],
  })
}

/** What is missing for e-mail to reach people in production, in French (empty when nothing). */
export function emailWarnings(env: Env = process.env): string[] {
  if (env.NODE_ENV !== 'production' || building(env)) return []
  const missing: string[] = []
  if (!env.SMTP_HOST?.trim()) {
    missing.push(
      'aucun serveur d’envoi n’est configuré (SMTP_HOST) : les courriels de réinitialisation de mot de passe ne partent pas, ' +
        'ils sont seulement notés dans le journal',
    )
  }
  if (!env.CLES_SERVER_URL?.trim()) {
    missing.push('l’adresse publique du CMS n’est pas définie (CLES_SERVER_URL) : aucun lien de réinitialisation ne peut être envoyé')
  }
  return missing
}

/** Payload `onInit`: one clear French warning at start when e-mail cannot reach people in production. */
export function warnAboutEmail(payload: Pick<Payload, 'logger'>, env: Env = process.env): void {
  const missing = emailWarnings(env)
  if (!missing.length) return
  payload.logger.warn(
    `ATTENTION — courriels : ${missing.join(' ; ')}. ` +
      'Définissez SMTP_HOST, SMTP_PORT, SMTP_USER, SMTP_PASS, SMTP_SECURE, EMAIL_FROM et CLES_SERVER_URL (voir cms/README.md).',
  )
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

/**
 * The admin page where the person chooses a new password. The public address
 * (CLES_SERVER_URL) when set; outside production, the address the request came
 * to (`resetOrigin` in the request context). In production the Host header is
 * never used: whoever sends it would choose where the link (and its token) goes.
 */
export function resetPasswordURL(req: PayloadRequest, token: string): string {
  const config = req.payload.config
  const origin =
    config.serverURL || (process.env.NODE_ENV === 'production' ? undefined : (req.context?.resetOrigin as string | undefined) || undefined)
  if (!origin) {
    throw new EmailConfigError(
      'Lien de réinitialisation impossible : CLES_SERVER_URL (adresse publique du CMS) n’est pas défini. Aucun courriel n’a été envoyé.',
    )
  }
  return formatAdminURL({ adminRoute: config.routes.admin, path: `${config.admin.routes.reset}/${token}`, serverURL: origin })
}

export const RESET_EXPIRATION_MS = 60 * 60 * 1000

export const resetEmailSubject = () => 'Choisir un nouveau mot de passe — CMS du réseau CLES'

export function resetEmailHTML(args?: { req?: PayloadRequest; token?: string; user?: unknown }): string {
  const { req, token, user } = args ?? {}
  if (!req || !token) throw new EmailConfigError('Courriel de réinitialisation sans requête ni jeton.')
  const link = escapeHtml(resetPasswordURL(req, token))
  const name = typeof (user as { name?: unknown })?.name === 'string' ? escapeHtml((user as { name: string }).name) : ''
  return [
    '<!doctype html><html lang="fr"><body>',
    `<p>Bonjour${name ? ` ${name}` : ''},</p>`,
    '<p>Une demande de nouveau mot de passe a été faite pour votre compte sur le CMS du réseau CLES.</p>',
    `<p>Pour choisir un nouveau mot de passe, ouvrez ce lien (valable une heure) :<br><a href="${link}">${link}</a></p>`,
    '<p>Si vous n’avez rien demandé, ignorez ce message : votre mot de passe reste le même.</p>',
    '<hr>',
    '<p lang="en">Someone asked for a new password for your account on the CLES network CMS. ',
    `To choose one, open this link within an hour: <a href="${link}">${link}</a>. If you did not ask, ignore this message.</p>`,
    '</body></html>',
  ].join('\n')
}
