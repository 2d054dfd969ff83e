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
