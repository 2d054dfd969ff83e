// A small static server for built sites: sirv for files, our headers on top,
// the release's `_redirects` (301) and the site's 404.html for unknown paths.
import { createReadStream } from 'node:fs'
import { realpath, stat } from 'node:fs/promises'
import { createServer } from 'node:http'
import { join, resolve as resolvePath } from 'node:path'
import sirv from 'sirv'
import { securityHeadersFor } from './headers.mjs'
import { createRedirectLookup, isRedirectsFile, requestPath } from './redirects.mjs'

export { CONTENT_SECURITY_POLICY, SEARCH_CONTENT_SECURITY_POLICY, SECURITY_HEADERS, securityHeadersFor } from './headers.mjs'
export { parseRedirects, redirectsToNginxMap, requestPath, REDIRECTS_FILE } from './redirects.mjs'

const SIRV_OPTIONS = { dev: true, etag: true, extensions: ['html'] }

/**
 * Start serving `dir` on `host:port`. `dir` may be a symlink (a release's
 * `current` link): it is resolved on every request, so a switch is seen at once
 * and each response comes wholly from one folder. Files are read from disk on
 * every request (sirv dev mode keeps no file list); a path with no file that is
 * listed in the folder's `_redirects` gets a 301 (the list is re-read when the
 * folder or the file changes), and `_redirects` itself is never served.
 * @param {{ dir: string, port: number, host?: string }} options
 * @returns {Promise<import('node:http').Server>}
 */
export function serveStatic({ dir, port, host = '127.0.0.1' }) {
  const root = resolvePath(dir)
  const redirectFor = createRedirectLookup()
  const server = createServer(async (req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname
    for (const [name, value] of Object.entries(securityHeadersFor(pathname))) res.setHeader(name, value)
    let real
    try {
      real = await realpath(root)
    } catch {
      res.statusCode = 503
      res.setHeader('Content-Type', 'text/plain; charset=utf-8')
      res.setHeader('Retry-After', '5')
      res.end('Site pas encore publié (503)')
      return
    }
    // The redirect list is for the server, never for readers.
    const path = requestPath(req.url)
    if (isRedirectsFile(path)) return notFound(real, res)
    // A sirv handler for this folder only: it holds no state beyond the folder path.
    // A file of the release wins; then its `_redirects`; then the 404 page.
    sirv(real, SIRV_OPTIONS)(req, res, async () => {
      const location = await redirectFor(real, path).catch(() => undefined)
      if (location === undefined) return notFound(real, res)
      res.statusCode = 301
      res.setHeader('Location', location)
      res.setHeader('Content-Type', 'text/plain; charset=utf-8')
      res.end(`Adresse déplacée : ${location}\n`)
    })
  })
  return new Promise((resolve, reject) => {
    server.once('error', (error) => {
      if (/** @type {NodeJS.ErrnoException} */ (error).code === 'EADDRINUSE') {
        reject(new Error(`Le port ${port} est déjà utilisé : arrêtez l’autre programme ou libérez le port.`))
      } else reject(error)
    })
    server.listen(port, host, () => resolve(server))
  })
}

/**
 * The site's own 404.html (from the same folder as the request), or a plain text line.
 * @param {string} dir
 * @param {import('node:http').ServerResponse} res
 */
async function notFound(dir, res) {
  const file = join(dir, '404.html')
  res.statusCode = 404
  const found = await stat(file).then(
    (s) => s.isFile(),
    () => false,
  )
  if (!found) {
    res.setHeader('Content-Type', 'text/plain; charset=utf-8')
    res.end('Page introuvable (404)')
    return
  }
  res.setHeader('Content-Type', 'text/html; charset=utf-8')
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res)
}
