// Headers every reader page gets, locally and in production (packages/deploy writes them into the nginx and Caddy configs).
// Only 'self': no third-party script, style, font, image or connection is possible.
import { SEARCH_PATHS } from '@cles/content/routes'

/** @param {string} scriptSrc */
const policy = (scriptSrc) =>
  [
    "default-src 'self'",
    `script-src ${scriptSrc}`,
    "style-src 'self'",
    "img-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')

export const CONTENT_SECURITY_POLICY = policy("'self'")

// The search pages (and Pagefind's own files, whose worker gets its policy from
// its response) also need 'wasm-unsafe-eval' to compile Pagefind's WebAssembly,
// served from /pagefind/. It allows no JavaScript eval; every other page keeps 'self' only.
export const SEARCH_CONTENT_SECURITY_POLICY = policy("'self' 'wasm-unsafe-eval'")

const COMMON_HEADERS = {
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
}

export const SECURITY_HEADERS = { 'Content-Security-Policy': CONTENT_SECURITY_POLICY, ...COMMON_HEADERS }

/**
 * The headers for one path: search pages and Pagefind files get the WebAssembly allowance.
 * @param {string} pathname
 * @returns {Record<string, string>}
 */
export function securityHeadersFor(pathname) {
  const search = SEARCH_PATHS.some((p) => pathname === p.slice(0, -1) || pathname.startsWith(p))
  return { 'Content-Security-Policy': search ? SEARCH_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY, ...COMMON_HEADERS }
}
