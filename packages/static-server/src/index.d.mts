// Declarations for TypeScript callers (the e2e tests); the code is plain JavaScript.
import type { Server } from 'node:http'

/**
 * Serves `dir` on `host:port` (loopback by default; port 0 picks a free one) with the production headers.
 * `dir` may be a symlink (a release's `current`): it is resolved on every request.
 */
export function serveStatic(options: { dir: string; port: number; host?: string }): Promise<Server>
export const CONTENT_SECURITY_POLICY: string
export const SEARCH_CONTENT_SECURITY_POLICY: string
export const SECURITY_HEADERS: Record<string, string>
export function securityHeadersFor(pathname: string): Record<string, string>

/** `_redirects` text → the redirects it holds (`from to 301` lines) and the lines left out, with a French reason. */
export function parseRedirects(text: string): {
  redirects: { from: string; to: string }[]
  skipped: { line: number; text: string; reason: string }[]
}
/** `_redirects` text → lines for an nginx `map $uri …` block (both `/x` and `/x/` of each old address). */
export function redirectsToNginxMap(text: string): {
  text: string
  count: number
  skipped: { line: number; text: string; reason: string }[]
}
/** A request URL's path as nginx's `$uri` sees it: no query, decoded, dot segments and repeated slashes resolved. */
export function requestPath(url: string): string
export const REDIRECTS_FILE: '_redirects'
