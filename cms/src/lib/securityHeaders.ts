// The headers every CMS answer carries (admin, API, files), set by Next
// (next.config.ts) and repeated by the production reverse proxy samples
// (deploy/nginx/cms.conf, deploy/caddy/Caddyfile.cms.sample; a test keeps them equal).
// The admin and the API are never framed (clickjacking) and never sniffed into
// another content type (uploaded files are served from /api/media/file).
export const CMS_SECURITY_HEADERS: readonly { key: string; value: string }[] = [
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Content-Security-Policy', value: "frame-ancestors 'none'" },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'same-origin' },
]

/**
 * The draft preview (« Aperçu », publish/previewEndpoints.ts) is the one page
 * the admin itself may frame: Payload's side-by-side live preview shows it in
 * an iframe of the same origin. Its Content-Security-Policy is the site's own,
 * which the page sets itself with `frame-ancestors 'self'` (a policy here
 * would replace it); the other headers are the CMS's, framing by the same
 * origin only.
 */
export const PREVIEW_PAGE_PATH = '/api/apercu/'
export const FRAME_SAME_ORIGIN = { xFrameOptions: 'SAMEORIGIN', frameAncestors: "frame-ancestors 'self'" } as const
export const PREVIEW_PAGE_HEADERS: readonly { key: string; value: string }[] = CMS_SECURITY_HEADERS.filter(
  ({ key }) => key !== 'Content-Security-Policy',
).map(({ key, value }) => (key === 'X-Frame-Options' ? { key, value: FRAME_SAME_ORIGIN.xFrameOptions } : { key, value }))
