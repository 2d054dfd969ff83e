// The publisher's preview routes, on loopback, for the CMS (previewEndpoints.ts):
//   POST /apercu                         a signed PreviewRequest → { status, html }
//   GET  /apercu-fichiers/<site>/<path>  a file the preview page uses (styles, scripts, images)
import { snapshotFile } from '@cles/content'
import { createReadStream, existsSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'
import type { PreviewRequest } from '../export/preview'
import type { PreviewRenderer } from './previewRenderer'
import { PREVIEW_SIGNATURE_HEADER, previewSignatureValid } from './previewSignature'

const MAX_BODY_BYTES = 20 * 1024 * 1024
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(body))
}

async function bodyOf(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY_BYTES) return null
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

export async function servePreview(
  req: IncomingMessage,
  res: ServerResponse,
  renderer: PreviewRenderer,
  exportSite: (site: string) => Promise<void>,
  secret: string,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1')
  if (req.method === 'POST' && url.pathname === '/apercu') {
    const body = await bodyOf(req)
    if (body === null) return json(res, 413, { error: 'demande d’aperçu trop grande' })
    const signature = req.headers[PREVIEW_SIGNATURE_HEADER]
    if (!previewSignatureValid(secret, body, typeof signature === 'string' ? signature : undefined))
      return json(res, 403, { error: 'signature invalide' })
    const request = JSON.parse(body) as PreviewRequest
    if (!SLUG.test(request.site)) return json(res, 400, { error: 'site invalide' })
    if (!existsSync(snapshotFile(renderer.snapshotDir, request.site))) await exportSite(request.site)
    return json(res, 200, await renderer.render(request))
  }
  const file = /^\/apercu-fichiers\/([a-z0-9-]+)\/(.+)$/.exec(url.pathname)
  if (req.method === 'GET' && file && SLUG.test(file[1]!)) {
    const found = renderer.file(file[1]!, decodeURIComponent(file[2]!))
    if (!found) return json(res, 404, { error: 'fichier introuvable' })
    res.writeHead(200, { 'content-type': TYPES[path.extname(found).toLowerCase()] ?? 'application/octet-stream' })
    createReadStream(found).pipe(res)
    return
  }
  json(res, 404, { error: 'route inconnue' })
}
