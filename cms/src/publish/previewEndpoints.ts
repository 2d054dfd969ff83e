// « Aperçu »: a news item or a page as last saved (draft included), in the real
// design of a site that shows it, for signed-in staff who may open it:
//   GET /api/apercu/<news|pages>/<id>[?site=<slug>]  the page (rendered by the publisher, previewRenderer.ts)
//   GET /api/apercu-fichiers?site=<slug>&f=<path>     its styles, scripts and images
//   GET /api/apercu-outils/<apercu.css|suivi.js>      the preview banner, and the script that reloads
//                                                     the page when the document is saved again (autosave included)
// Never cached, never indexed, never written to a snapshot or a release.
import { SECURITY_HEADERS } from '@cles/static-server'
import type { Endpoint, PayloadRequest } from 'payload'
import { previewTarget } from '../export/preview'
import { message } from '../lib/message'
import { FRAME_SAME_ORIGIN, PREVIEW_PAGE_PATH } from '../lib/securityHeaders'
import { publisherUrl } from './requestPublication'
import { PREVIEW_SIGNATURE_HEADER, signPreview } from './previewSignature'

const PRIVATE = { 'Cache-Control': 'no-store, private', 'X-Robots-Tag': 'noindex, nofollow, noarchive' }
/** The site's own headers (its CSP), framable by the admin's live preview only (lib/securityHeaders.ts). */
const PAGE_HEADERS = {
  ...SECURITY_HEADERS,
  'Content-Security-Policy': (SECURITY_HEADERS['Content-Security-Policy'] ?? '').replace(
    /frame-ancestors [^;]+/,
    FRAME_SAME_ORIGIN.frameAncestors,
  ),
  'X-Frame-Options': FRAME_SAME_ORIGIN.xFrameOptions,
  ...PRIVATE,
  'Content-Type': 'text/html; charset=utf-8',
}
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

function page(req: PayloadRequest, status: number, text: { fr: string; en: string }): Response {
  const body =
    '<!doctype html><html lang="fr-CA"><meta charset="utf-8"><meta name="robots" content="noindex, nofollow">' +
    `<title>Aperçu</title><p>${escapeHtml(message(req, text))}</p></html>`
  return new Response(body, { status, headers: PAGE_HEADERS })
}

/** The preview page of a document (the PREVIEW_PAGE_PATH of lib/securityHeaders.ts, answered by previewPage below). */
export const previewPageUrl = (collection: 'news' | 'pages', id: string | number) => `${PREVIEW_PAGE_PATH}${collection}/${String(id)}`

/**
 * The admin's two ways to the preview: the « Aperçu » button (a new tab) and
 * Payload's live preview (the same page beside the form, in an iframe of the
 * same origin, at a phone's and a computer's width). Both follow each save and
 * autosave (the page's suivi.js reloads it).
 */
export const previewAdmin = (collection: 'news' | 'pages') => ({
  preview: (doc: { id?: string | number }) => previewPageUrl(collection, doc.id ?? ''),
  livePreview: {
    url: ({ data }: { data: { id?: string | number } }) => (data?.id ? previewPageUrl(collection, data.id) : null),
    breakpoints: [
      { name: 'telephone', label: 'Téléphone', width: 390, height: 844 },
      { name: 'ordinateur', label: 'Ordinateur', width: 1280, height: 800 },
    ],
  },
})

/** The site's own file addresses (`/_astro/…`, the favicon), served through the CMS. */
export function previewFileUrls(text: string, site: string, separator: '&' | '&amp;'): string {
  return text.replace(
    /(["'(\s,=])\/(_astro\/[^"'()\s,]+|favicon\.[a-z]+)/g,
    (_, before: string, file: string) => `${before}/api/apercu-fichiers?site=${site}${separator}f=${encodeURIComponent(file)}`,
  )
}

const previewPage: Endpoint = {
  path: '/apercu/:collection/:id',
  method: 'get',
  handler: async (req) => {
    const collection = req.routeParams?.collection
    const id = String(req.routeParams?.id ?? '')
    if (!req.user) {
      return page(req, 401, {
        fr: 'Connectez-vous à l’administration pour voir cet aperçu.',
        en: 'Sign in to the admin to see this preview.',
      })
    }
    const target = (collection === 'news' || collection === 'pages') && /^\d+$/.test(id) ? await previewTarget(req, collection, id) : null
    if (!target || !target.sites.length) return page(req, 404, { fr: 'Document introuvable.', en: 'Document not found.' })
    const wanted = new URL(req.url ?? '/', 'http://cms').searchParams.get('site')
    const site = target.sites.find((s) => s.slug === wanted) ?? target.sites[0]!
    const body = JSON.stringify(await target.build(site.slug))
    let rendered: { status: number; html: string }
    try {
      const response = await fetch(new URL('/apercu', publisherUrl()), {
        method: 'POST',
        headers: { 'content-type': 'application/json', [PREVIEW_SIGNATURE_HEADER]: signPreview(req.payload.secret, body) },
        body,
        signal: AbortSignal.timeout(120_000),
      })
      if (!response.ok) throw new Error(((await response.json().catch(() => ({}))) as { error?: string }).error ?? String(response.status))
      rendered = (await response.json()) as typeof rendered
    } catch (error) {
      req.payload.logger.error({ err: error, msg: `Aperçu impossible (${collection} ${id}, ${site.slug})` })
      return page(req, 503, {
        fr: 'L’aperçu n’est pas disponible pour l’instant : le service de publication ne répond pas. Réessayez dans un moment.',
        en: 'The preview is not available right now: the publishing service does not answer. Try again in a moment.',
      })
    }
    const others = target.sites
      .map((s) =>
        s.slug === site.slug
          ? `<strong>${escapeHtml(s.name)}</strong>`
          : `<a href="${previewPageUrl(collection as 'news' | 'pages', id)}?site=${s.slug}">${escapeHtml(s.name)}</a>`,
      )
      .join(' · ')
    const notice = message(req, {
      fr: 'tel que la dernière version enregistrée s’afficherait ; pas en ligne.',
      en: 'as the last saved version would show; not online.',
    })
    const banner = `<div class="cles-apercu" role="note"><strong>Aperçu</strong> — ${notice}${target.sites.length > 1 ? ` ${others}` : ''}</div>`
    const html = previewFileUrls(rendered.html, site.slug, '&amp;')
      .replace(
        '<head>',
        `<head><meta name="robots" content="noindex, nofollow"><link rel="stylesheet" href="/api/apercu-outils/apercu.css">`,
      )
      .replace(/<body([^>]*)>/, `<body$1>${banner}`)
      .replace('</body>', `<script src="/api/apercu-outils/suivi.js" data-document="/api/${collection}/${id}" defer></script></body>`)
    return new Response(html, { status: rendered.status, headers: PAGE_HEADERS })
  },
}

const previewFile: Endpoint = {
  path: '/apercu-fichiers',
  method: 'get',
  handler: async (req) => {
    if (!req.user) return new Response(null, { status: 401, headers: PRIVATE })
    const query = new URL(req.url ?? '/', 'http://cms').searchParams
    const site = query.get('site') ?? ''
    const file = query.get('f') ?? ''
    if (!SLUG.test(site) || !file || file.includes('..')) return new Response(null, { status: 400, headers: PRIVATE })
    const response = await fetch(new URL(`/apercu-fichiers/${site}/${file}`, publisherUrl())).catch(() => null)
    if (!response?.ok) return new Response(null, { status: 404, headers: PRIVATE })
    const type = response.headers.get('content-type') ?? 'application/octet-stream'
    // Fonts and images named in a stylesheet come through the CMS too.
    const body = type.startsWith('text/css') ? previewFileUrls(await response.text(), site, '&') : await response.arrayBuffer()
    return new Response(body, { headers: { 'Content-Type': type, 'Cache-Control': 'private, max-age=300', 'X-Robots-Tag': 'noindex' } })
  },
}

const TOOLS: Record<string, { type: string; body: string }> = {
  'apercu.css': {
    type: 'text/css; charset=utf-8',
    body:
      '.cles-apercu{position:sticky;top:0;z-index:1000;background:#fff4c2;color:#1a1a1a;border-bottom:2px solid #8a6d00;' +
      'padding:.5rem 1rem;font:1rem/1.4 system-ui,sans-serif}.cles-apercu a{color:#1a1a1a}',
  },
  'suivi.js': {
    type: 'text/javascript; charset=utf-8',
    // Reloads when the document is saved again (autosave included); stops after an hour.
    body: `(() => {
  const api = document.currentScript?.dataset.document
  if (!api) return
  let seen = null
  const started = Date.now()
  const look = async () => {
    try {
      const response = await fetch(api + '?draft=true&depth=0&select[updatedAt]=true', { credentials: 'same-origin', cache: 'no-store' })
      const { updatedAt } = await response.json()
      if (seen && updatedAt && updatedAt !== seen) return location.reload()
      seen = updatedAt ?? seen
    } catch {}
    if (Date.now() - started < 3600000) setTimeout(look, 2000)
  }
  look()
})()`,
  },
}

const previewTool: Endpoint = {
  path: '/apercu-outils/:name',
  method: 'get',
  handler: async (req) => {
    const tool = TOOLS[String(req.routeParams?.name)]
    return tool
      ? new Response(tool.body, { headers: { 'Content-Type': tool.type, 'Cache-Control': 'no-cache' } })
      : new Response(null, { status: 404 })
  },
}

export const previewEndpoints: Endpoint[] = [previewPage, previewFile, previewTool]
