// A small static server for built sites: sirv for files, our headers on top,
// the site's 404.html for unknown paths.
import { createReadStream, existsSync } from 'node:fs'
import { createServer } from 'node:http'
import { join } from 'node:path'
import sirv from 'sirv'
import { securityHeadersFor } from './headers.mjs'

export { CONTENT_SECURITY_POLICY, SEARCH_CONTENT_SECURITY_POLICY, SECURITY_HEADERS, securityHeadersFor } from './headers.mjs'

/**
 * Start serving `dir` on `host:port`. Files are read from disk on every request
 * (sirv dev mode), so a rebuild is visible without restarting.
 * @param {{ dir: string, port: number, host?: string }} options
 * @returns {Promise<import('node:http').Server>}
 */
export function serveStatic({ dir, port, host = '127.0.0.1' }) {
  const files = sirv(dir, { dev: true, etag: true, extensions: ['html'] })
  const server = createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname
    for (const [name, value] of Object.entries(securityHeadersFor(pathname))) res.setHeader(name, value)
    files(req, res, () => {
      const notFound = join(dir, '404.html')
      res.statusCode = 404
      if (existsSync(notFound)) {
        res.setHeader('Content-Type', 'text/html; charset=utf-8')
        createReadStream(notFound).pipe(res)
      } else {
        res.setHeader('Content-Type', 'text/plain; charset=utf-8')
        res.end('Page introuvable (404)')
      }
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
