// nginx configuration of one site, from deploy/nginx/site.conf.template, the
// static server's headers (headerPlan) and the cache policy (policy.mjs); and
// the redirects map include, from the release's `_redirects`.
import { existsSync, readFileSync } from 'node:fs'
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { SLUG } from '@cles/content/types'
import { redirectsToNginxMap, REDIRECTS_FILE } from '@cles/static-server'
import { headerPlan, quoted, searchPathRegex } from './headers.mjs'
import { IMMUTABLE, IMMUTABLE_PREFIXES, REVALIDATE } from './policy.mjs'

export const NGINX_TEMPLATE = fileURLToPath(new URL('../../../deploy/nginx/site.conf.template', import.meta.url))

/**
 * nginx variable names take letters, digits and `_`.
 * @param {string} slug
 */
const varId = (slug) => slug.replace(/-/g, '_')
/**
 * @param {string} label
 * @param {string} value
 */
const plainValue = (label, value) => {
  if (!value || /[\s;"'{}$\\]/.test(value)) throw new Error(`${label} invalide pour nginx : « ${value} »`)
  return value
}

/**
 * @param {{
 *   slug: string,
 *   serverName: string,
 *   releasesRoot: string,
 *   redirectsMap: string,
 *   listen?: string[],
 *   tls?: { certificate: string, key: string },
 * }} options
 *   `releasesRoot`: folder holding `<slug>/current` (the @cles/releases root's `.releases`);
 *   `redirectsMap`: the file `writeNginxRedirects` writes; `listen`: `listen` values (default `80`);
 *   `tls`: listen on 443 with these files (and send HSTS).
 * @returns {string}
 */
export function nginxSiteConfig({ slug, serverName, releasesRoot, redirectsMap, listen, tls }) {
  if (!SLUG.test(slug)) throw new Error(`slug de site invalide : « ${slug} »`)
  const id = varId(slug)
  const plan = headerPlan()

  const headerMaps = plan.byPath.map(({ name, default: fallback, search }, i) =>
    [
      `# ${name}`,
      `map $request_uri $cles_${id}_header_${i} {`,
      `    default ${quoted(fallback)};`,
      ...plan.searchPaths.map((path) => `    "~${searchPathRegex(path)}" ${quoted(search)};`),
      '}',
    ].join('\n'),
  )
  const addHeaders = [
    ...plan.byPath.map(({ name }, i) => `    add_header ${name} $cles_${id}_header_${i} always;`),
    ...Object.entries(plan.common).map(([name, value]) => `    add_header ${name} ${quoted(value)} always;`),
  ]
  const listenLines = tls
    ? [
        ...(listen ?? ['443 ssl http2', '[::]:443 ssl http2']).map((l) => `    listen ${plainListen(l)};`),
        `    ssl_certificate ${plainValue('certificat', tls.certificate)};`,
        `    ssl_certificate_key ${plainValue('clé', tls.key)};`,
      ]
    : (listen ?? ['80', '[::]:80']).map((l) => `    listen ${plainListen(l)};`)
  if (tls) addHeaders.push(`    add_header Strict-Transport-Security ${quoted('max-age=31536000')} always;`)

  /** @type {Record<string, string>} */
  const values = {
    site: slug,
    id,
    header_maps: headerMaps.join('\n\n'),
    cache_default: REVALIDATE,
    cache_map: IMMUTABLE_PREFIXES.map((prefix) => `    "~^${prefix}" ${quoted(IMMUTABLE)};`).join('\n'),
    redirects_map: plainValue('fichier de redirections', redirectsMap),
    listen: listenLines.join('\n'),
    server_name: serverName
      .split(/\s+/)
      .map((name) => plainValue('nom de serveur', name))
      .join(' '),
    root: plainValue('dossier des versions', join(releasesRoot, slug, 'current')),
    add_headers: addHeaders.join('\n'),
  }
  const text = readFileSync(NGINX_TEMPLATE, 'utf8').replace(/\{\{(\w+)\}\}/g, (whole, /** @type {string} */ key) => {
    const value = values[key]
    if (value === undefined) throw new Error(`paramètre inconnu dans ${NGINX_TEMPLATE} : ${whole}`)
    return value
  })
  if (/open_file_cache\s/.test(text.replace(/#.*$/gm, ''))) throw new Error('open_file_cache empêcherait de voir le changement de version')
  return text
}

/**
 * `listen` values: address/port words only (`80`, `[::]:80`, `127.0.0.1:8080`, `443 ssl http2`).
 * @param {string} value
 */
function plainListen(value) {
  if (!/^[\w.:[\]]+(?: [a-z0-9_=]+)*$/.test(value)) throw new Error(`directive listen invalide : « ${value} »`)
  return value
}

/**
 * Writes the redirects map include of a site from `<release>/_redirects` (an
 * empty map when the release has none). Written to a temporary file then
 * renamed, so nginx never reads half a file. Reload nginx afterwards.
 * @param {string} releaseDir usually `<releasesRoot>/<slug>/current`
 * @param {string} target the `redirectsMap` of nginxSiteConfig
 * @returns {Promise<{ count: number, skipped: import('./index.mjs').SkippedRedirect[], changed: boolean }>}
 */
export async function writeNginxRedirects(releaseDir, target) {
  const source = join(releaseDir, REDIRECTS_FILE)
  const { text, count, skipped } = redirectsToNginxMap(existsSync(source) ? await readFile(source, 'utf8') : '')
  const before = existsSync(target) ? await readFile(target, 'utf8') : null
  if (before === text) return { count, skipped, changed: false }
  await mkdir(dirname(target), { recursive: true })
  const temporary = `${target}.tmp-${process.pid}`
  await writeFile(temporary, text)
  await rename(temporary, target)
  return { count, skipped, changed: true }
}
