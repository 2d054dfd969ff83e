// The one owner of the URL rules: what a slug looks like, which links a reader
// may follow, which old addresses may redirect where. The CMS (field
// validation), the exporter, the snapshot schema, the site kit (sanitiser,
// `_redirects`) and the static server all call these, so a rule is tightened
// in one place. Plain TypeScript (type imports only), so Node's type
// stripping can load it.
import type { SnapshotRedirect } from './types.ts'

const SEGMENT = '[a-z0-9]+(?:-[a-z0-9]+)*'

/** A URL segment: lower case letters and digits, single dashes between them (`financement-recurrent`). */
export const SLUG = new RegExp(`^${SEGMENT}$`)

/** A CMS page path: slugs between slashes, final slash included (`/services/accompagnement/`). */
export const PAGE_PATH = new RegExp(`^/(?:${SEGMENT}/)+$`)

// One `/`, never `//` or `/\`: browsers read both as another host.
const SITE_PATH = String.raw`/(?![/\\])`
// No space anywhere (browsers drop tabs and newlines, so `/\t/host` would become
// `//host`) and no backslash (browsers read it as `/` in http(s) URLs).
const SAFE_HREF = new RegExp(String.raw`^(?:https?://[^\s\\]+|mailto:[^\s]+|tel:[+\d\s().-]+|${SITE_PATH}[^\s\\]*)$`, 'i')

/**
 * Links readers may get: a site path, http(s), mailto: or tel:. Never
 * javascript: or data:, and never a path browsers read as another host
 * (`//host`, `/\host`). Surrounding spaces are ignored: store the trimmed value.
 */
export function isSafeHref(value: unknown): value is string {
  return typeof value === 'string' && SAFE_HREF.test(value.trim())
}

// Characters a redirect may hold: letters and digits of any script, and the URL
// punctuation that needs no quoting in `_redirects`, an nginx map or an HTTP
// header. Never space, quote, backslash, `$`, `;`, braces or angle brackets.
const CHARS = String.raw`\p{L}\p{N}\-._~!&()*+,=:@%/`
const PATH = String.raw`${SITE_PATH}[${CHARS}]*`
// `*` and `:` are left out of old addresses: `_redirects` reads them as a splat and a placeholder.
const FROM_PATH = String.raw`${SITE_PATH}[${CHARS.replace('*', '').replace(':', '')}]*`
const QUERY_FRAGMENT = String.raw`(?:\?[${CHARS}?]*)?(?:#[${CHARS}?#]*)?`
const HOST = String.raw`[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+(?::\d{1,5})?`
const REDIRECT_FROM = new RegExp(`^${FROM_PATH}$`, 'u')
const REDIRECT_TO_PATH = new RegExp(`^${PATH}${QUERY_FRAGMENT}$`, 'u')
const REDIRECT_TO_HTTPS = new RegExp(`^https://${HOST}(?:${PATH})?${QUERY_FRAGMENT}$`, 'u')
const DOT_SEGMENT = /(^|\/)\.{1,2}(\/|$)/
const pathOf = (url: string) => url.split(/[?#]/)[0]!

/** `from`: a site path starting with one `/` (never `//` or `/\`), no `.`/`..` segment, no query, no `*` or `:`. */
export const isSafeRedirectFrom = (from: unknown): from is string =>
  typeof from === 'string' && from.length <= 2000 && REDIRECT_FROM.test(from) && !DOT_SEGMENT.test(from)

/** `to`: a site path (same rules, query and fragment allowed) or an https:// address. */
export const isSafeRedirectTo = (to: unknown): to is string =>
  typeof to === 'string' &&
  to.length <= 2000 &&
  ((REDIRECT_TO_PATH.test(to) && !DOT_SEGMENT.test(pathOf(to))) || REDIRECT_TO_HTTPS.test(to))

/** The form two requests share when they differ only by the final slash: `/a/` and `/a` → `/a`. */
export const redirectKey = (path: string): string => path.replace(/\/+$/, '') || '/'

/** True when `to` leads back to `from` (`/a/` → `/a?x=1`): the site would answer with a loop. */
export const isRedirectLoop = (from: string, to: string): boolean => redirectKey(from) === redirectKey(pathOf(to))

/** Safe, and not a redirect to itself. */
export function isSafeRedirect(redirect: { from: unknown; to: unknown }): redirect is SnapshotRedirect {
  const { from, to } = redirect
  return isSafeRedirectFrom(from) && isSafeRedirectTo(to) && !isRedirectLoop(from, to)
}
