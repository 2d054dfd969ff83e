// What production sends besides the safety headers: cache policy and content
// types. One place for nginx, Caddy and the S3 sync.

/** Build folders whose file names change when their content does (Astro's hashed assets, content-addressed media). */
export const IMMUTABLE_PREFIXES = ['/_astro/', '/media/']
export const IMMUTABLE = 'public, max-age=31536000, immutable'
/** Everything else (pages, feeds, the search index) may be cached but is revalidated (ETag) before use. */
export const REVALIDATE = 'no-cache'

/**
 * `Cache-Control` for a site path (`/_astro/x.js`, `/actualites/index.html`).
 * @param {string} path
 */
export const cacheControlFor = (path) => (IMMUTABLE_PREFIXES.some((prefix) => path.startsWith(prefix)) ? IMMUTABLE : REVALIDATE)

/** @type {Record<string, string>} */
const TYPES = {
  html: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  json: 'application/json',
  xml: 'application/xml',
  txt: 'text/plain; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  ico: 'image/x-icon',
  woff: 'font/woff',
  woff2: 'font/woff2',
  pdf: 'application/pdf',
  wasm: 'application/wasm',
  webmanifest: 'application/manifest+json',
}

/**
 * `Content-Type` for a file name; Pagefind's index files (`.pf_*`, `.pagefind`) and unknown ones are bytes.
 * @param {string} path
 * @returns {string}
 */
export function contentTypeFor(path) {
  const extension = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase()
  return (extension && Object.hasOwn(TYPES, extension) && TYPES[extension]) || 'application/octet-stream'
}
