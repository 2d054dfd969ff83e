// Types for @cles/static-server, which is plain JavaScript (JSDoc only) and
// ships no declarations: without them every e2e file importing it fails tsc (TS7016).
declare module '@cles/static-server' {
  import type { Server } from 'node:http'

  export function serveStatic(options: { dir: string; port: number; host?: string }): Promise<Server>
  export const CONTENT_SECURITY_POLICY: string
  export const SEARCH_CONTENT_SECURITY_POLICY: string
  export const SECURITY_HEADERS: Record<string, string>
  export function securityHeadersFor(pathname: string): Record<string, string>
}
