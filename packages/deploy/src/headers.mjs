// The safety headers of packages/static-server/src/headers.mjs, in the shape a
// production server needs: the headers every answer gets, and those that
// differ on the search paths. Read from the static server at generation time,
// so the deploy configs can never drift from what the tests check locally.
import { SEARCH_PATHS } from '@cles/content/routes'
import { securityHeadersFor } from '@cles/static-server'

/**
 * @returns {{ common: Record<string, string>, byPath: { name: string, default: string, search: string }[], searchPaths: string[] }}
 * `common`: same value everywhere; `byPath`: headers whose value on the search
 * paths (`/recherche/…`, `/en/search/…`, `/pagefind/…`, with or without the
 * final slash) differs from every other page.
 */
export function headerPlan() {
  const everywhere = securityHeadersFor('/')
  const searchPaths = [...SEARCH_PATHS]
  const onSearch = searchPaths.map((path) => securityHeadersFor(path))
  // Every search path must agree, or one map could not describe them.
  for (const [i, headers] of onSearch.entries()) {
    if (JSON.stringify(headers) !== JSON.stringify(onSearch[0]))
      throw new Error(`en-têtes différents entre ${searchPaths[0]} et ${searchPaths[i]}`)
  }
  /** @type {Record<string, string>} */
  const common = {}
  const byPath = []
  for (const [name, value] of Object.entries(everywhere)) {
    const search = onSearch[0]?.[name] ?? value
    if (search === value) common[name] = value
    else byPath.push({ name, default: value, search })
  }
  return { common, byPath, searchPaths }
}

/**
 * The value as an nginx / Caddy double-quoted string; header values never need escaping, and must not.
 * @param {string} value
 */
export function quoted(value) {
  if (/["\\$\r\n{}]/.test(value)) throw new Error(`valeur d’en-tête impossible à écrire telle quelle : ${value}`)
  return `"${value}"`
}

/** @param {string} text */
const escapeRegex = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * `/recherche/` → a regex on `$request_uri` for `/recherche`, `/recherche/…` and `/recherche?…`.
 * @param {string} path
 */
export const searchPathRegex = (path) => `^${escapeRegex(path.replace(/\/$/, ''))}(?:[/?]|$)`
