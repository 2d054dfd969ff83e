// Declarations for TypeScript callers (the tests); the code is plain JavaScript.
import type { S3Client } from '@aws-sdk/client-s3'

export interface SkippedRedirect {
  line: number
  text: string
  reason: string
}

/** The static server's safety headers: the same everywhere, or different on the search paths. */
export function headerPlan(): {
  common: Record<string, string>
  byPath: { name: string; default: string; search: string }[]
  searchPaths: string[]
}

export const IMMUTABLE: string
export const REVALIDATE: string
export const IMMUTABLE_PREFIXES: string[]
export function cacheControlFor(path: string): string
export function contentTypeFor(path: string): string

export const NGINX_TEMPLATE: string
/** nginx `map`s and `server` block of one site, to include inside `http { }`. */
export function nginxSiteConfig(options: {
  slug: string
  serverName: string
  /** Folder holding `<slug>/current`. */
  releasesRoot: string
  /** The file writeNginxRedirects writes. */
  redirectsMap: string
  /** `listen` values; default `80` and `[::]:80` (or 443 with `tls`). */
  listen?: string[]
  tls?: { certificate: string; key: string }
}): string
/** Writes the redirects map include from `<releaseDir>/_redirects` (atomically); `changed`: nginx needs a reload. */
export function writeNginxRedirects(
  releaseDir: string,
  target: string,
): Promise<{ count: number; skipped: SkippedRedirect[]; changed: boolean }>

export function caddySiteConfig(options: { slug: string; serverName: string; releasesRoot: string; redirectsFile: string }): string
export function redirectsToCaddy(text: string): { text: string; count: number; skipped: SkippedRedirect[] }

export const HASH_METADATA: string
/** Uploads what changed in a release to `s3://bucket/prefix`, then deletes what is no longer in it. */
export function syncReleaseToS3(
  releaseDir: string,
  options: {
    bucket: string
    prefix?: string
    endpoint?: string
    region?: string
    credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }
    forcePathStyle?: boolean
    client?: S3Client
    concurrency?: number
    dryRun?: boolean
    force?: boolean
    log?: (message: string) => void
  },
): Promise<{ uploaded: string[]; deleted: string[]; unchanged: number; redirects: number; skipped: SkippedRedirect[] }>
