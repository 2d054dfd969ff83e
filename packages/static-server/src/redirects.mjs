// The release's `_redirects` file (written by @cles/site-kit, `from to 301` per
// line, Netlify / Cloudflare Pages format): read by the static server, and
// converted to an nginx `map` include for production (packages/deploy).
// Lines are checked again with the snapshot's rules (@cles/content), so a
// hand-edited file can never inject anything into a header or an nginx config.
import { stat, readFile } from 'node:fs/promises'
import { join, posix } from 'node:path'
import { isSafeRedirect, redirectKey } from '@cles/content/types'

export const REDIRECTS_FILE = '_redirects'

/** @typedef {{ from: string, to: string }} Redirect */
/** @typedef {{ line: number, text: string, reason: string }} SkippedLine */

/** @param {string} path */
const safeDecode = (path) => {
  try {
    return decodeURIComponent(path)
  } catch {
    return path
  }
}

/**
 * The lookup key of a path: `/a` for `/a` and `/a/`, ASCII letters in lower
 * case — nginx's `map` compares strings that way, so the static server does too.
 * @param {string} path
 */
const lookupKey = (path) => redirectKey(path).replace(/[A-Z]+/g, (letters) => letters.toLowerCase())

/**
 * Non-ASCII runs percent-encoded, so the target is a valid `Location` header and nginx string.
 * @param {string} url
 */
export const asciiUrl = (url) => url.replace(/[^\x21-\x7e]+/gu, (run) => encodeURIComponent(run))

/**
 * The path a request asks for, as nginx's `$uri` sees it: without the query,
 * percent-decoded, `.`/`..` resolved and repeated slashes merged.
 * @param {string | undefined} url `req.url`
 */
export function requestPath(url) {
  const raw = (url || '/').split(/[?#]/)[0] || '/'
  return posix.normalize(safeDecode(raw.startsWith('/') ? raw : `/${raw}`))
}

/**
 * The `_redirects` file itself, in any spelling (`/_redirects/`, `//_redirects`, `/%5Fredirects`…).
 * @param {string} path
 */
export const isRedirectsFile = (path) => redirectKey(path) === `/${REDIRECTS_FILE}`

/**
 * `_redirects` text → redirects. Only `from to` and `from to 301` lines are
 * taken; comments and blank lines are ignored; anything else (another status,
 * a splat, an unsafe address) is listed in `skipped` with the reason, in French.
 * @param {string} text
 * @returns {{ redirects: Redirect[], skipped: SkippedLine[] }}
 */
export function parseRedirects(text) {
  /** @type {Redirect[]} */
  const redirects = []
  /** @type {SkippedLine[]} */
  const skipped = []
  const seen = new Set()
  text.split(/\r?\n/).forEach((line, index) => {
    const trimmed = line.trim()
    if (!trimmed || trimmed.startsWith('#')) return
    const [from, to, status = '301', ...rest] = trimmed.split(/\s+/)
    /** @param {string} reason */
    const skip = (reason) => skipped.push({ line: index + 1, text: trimmed, reason })
    if (rest.length || status !== '301') return skip('seules les lignes « ancienne nouvelle 301 » sont prises en charge')
    const redirect = { from, to }
    if (!isSafeRedirect(redirect)) return skip('adresse refusée (chemin commençant par un seul /, ou https://)')
    const key = lookupKey(safeDecode(redirect.from))
    if (seen.has(key)) return skip('ancienne adresse déjà redirigée plus haut')
    seen.add(key)
    redirects.push({ from: redirect.from, to: redirect.to })
  })
  return { redirects, skipped }
}

/**
 * Redirects by the path they answer (`/a` for `/a`, `/a/` and `/A/`) → the `Location` value.
 * @param {Redirect[]} redirects
 * @returns {Map<string, string>}
 */
export function redirectTable(redirects) {
  return new Map(redirects.map(({ from, to }) => [lookupKey(safeDecode(from)), asciiUrl(to)]))
}

/**
 * nginx string literal: the rules above leave no quote, backslash, `$` or space to escape; refuse them anyway.
 * @param {string} value
 */
function nginxString(value) {
  if (!/^[\x21-\x7e]+$/.test(value) || /["'\\$;{}]/.test(value))
    throw new Error(`nouvelle adresse refusée dans une configuration nginx : ${value}`)
  return `"${value}"`
}

/**
 * `_redirects` text → the body of an nginx `map $uri $var { … }` block: both
 * `/x` and `/x/` of every old address (decoded, as `$uri` is) → its target.
 * Used with `include` inside the map of deploy/nginx (see packages/deploy).
 * @param {string} text
 * @returns {{ text: string, count: number, skipped: SkippedLine[] }}
 */
export function redirectsToNginxMap(text) {
  const { redirects, skipped } = parseRedirects(text)
  const lines = ['# Généré depuis _redirects (release en ligne) : ne pas modifier à la main.']
  let count = 0
  for (const { from, to } of redirects) {
    // `$uri` is decoded (UTF-8 bytes), so the key is the decoded path; the target stays ASCII.
    const path = redirectKey(safeDecode(from))
    const target = asciiUrl(to)
    try {
      const entry = [`${nginxKey(path)} ${nginxString(target)};`]
      if (path !== '/') entry.push(`${nginxKey(`${path}/`)} ${nginxString(target)};`)
      lines.push(...entry)
      count++
    } catch (error) {
      skipped.push({ line: 0, text: `${from} ${to}`, reason: error instanceof Error ? error.message : String(error) })
    }
  }
  return { text: `${lines.join('\n')}\n`, count, skipped }
}

/**
 * A map key: a plain string (never `~…`, a regex, since every key starts with `/`). UTF-8 is kept as is.
 * @param {string} path
 */
function nginxKey(path) {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what an nginx key must not hold
  if (!path.startsWith('/') || /[\s"'\\$;{}\x00-\x1f\x7f]/.test(path))
    throw new Error(`ancienne adresse refusée dans une configuration nginx (caractère spécial une fois décodée) : ${path}`)
  return `"${path}"`
}

/**
 * Redirect lookup for release folders: `_redirects` is read once per release
 * folder (real path) and again only when its inode, size or mtime changes, so
 * a release switch is seen at the next request.
 * @param {{ maxEntries?: number }} [options] `maxEntries`: release folders whose list is kept
 */
export function createRedirectLookup({ maxEntries = 16 } = {}) {
  /** @type {Map<string, { ino: number, size: number, mtimeMs: number, table: Map<string, string> }>} */
  const cache = new Map()
  /**
   * @param {string} dir real path of the release folder
   * @param {string} path `requestPath(req.url)`
   * @returns {Promise<string | undefined>} the `Location` value
   */
  return async function lookup(dir, path) {
    const file = join(dir, REDIRECTS_FILE)
    const info = await stat(file).catch(() => null)
    if (!info?.isFile()) {
      cache.delete(dir)
      return undefined
    }
    let entry = cache.get(dir)
    if (!entry || entry.ino !== info.ino || entry.size !== info.size || entry.mtimeMs !== info.mtimeMs) {
      const text = await readFile(file, 'utf8').catch(() => '')
      entry = { ino: info.ino, size: info.size, mtimeMs: info.mtimeMs, table: redirectTable(parseRedirects(text).redirects) }
      cache.delete(dir)
      cache.set(dir, entry)
      // Oldest first: a Map keeps insertion order, and the entry in use was just moved to the end.
      for (const oldest of cache.keys()) {
        if (cache.size <= maxEntries) break
        cache.delete(oldest)
      }
    }
    return entry.table.get(lookupKey(path))
  }
}
