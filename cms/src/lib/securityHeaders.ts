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
