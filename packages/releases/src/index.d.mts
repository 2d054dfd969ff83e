// Declarations for TypeScript callers; the code is plain JavaScript.

/** Releases kept per site by default (older ones are deleted, never the current one). */
export const DEFAULT_KEEP: number
/** Files every release must hold, non-empty, at its root. */
export const REQUIRED_FILES: readonly string[]

export class ReleaseError extends Error {
  /** EBADSLUG, EBADID, EBADCURRENT, ENOSOURCE, EINVALID, EUNSUPPORTED, ECOPY, ESWITCH, ELOCK, EBUSY, ENORELEASE, ENOPREVIOUS, ENOTFOUND */
  code: string
  constructor(code: string, message: string, cause?: unknown)
}

/** `20261130T131500Z-<10 hex of the content hash>`. */
export function isReleaseId(value: unknown): value is string
/** The UTC second a release was created, read from its id. */
export function releaseDate(id: string): Date

export interface ReleaseStoreOptions {
  /** Folder that holds `.releases/` (the repository root). */
  root: string
  /** Releases kept per site, at least 2 (default 5). */
  keep?: number
  /** Files that must exist, non-empty, at the root of a release (default index.html, 404.html). */
  requiredFiles?: readonly string[]
  /** Hard-link files from the build (default true); falls back to copying when the filesystem refuses. */
  hardLinks?: boolean
  /** Extra check of a fully assembled release before it goes online; throw to refuse it. */
  validate?: (releaseDir: string, slug: string) => void | Promise<void>
  /** How long to wait for another writer of the same site (default 30 s). */
  lockTimeoutMs?: number
}

export interface ReleaseInfo {
  id: string
  dir: string
  createdAt: Date
  current: boolean
}

export interface CreateResult {
  /** false when the build equals the release already online (nothing was switched). */
  created: boolean
  /** The release now online. */
  id: string
  dir: string
  /** The release online before the call (null for the first one). */
  previous: string | null
  files: number
  linked: number
  copied: number
  /** Releases deleted to keep `keep`. */
  pruned: string[]
  /** Problems that did not stop the release (an old release that could not be deleted). */
  warnings: string[]
  durationMs: number
}

export interface RollbackResult {
  from: string | null
  to: string
  changed: boolean
}

/** What an `assemble` changed in its staging folder (paths relative to it, with `/`): only these files are hashed again. */
export interface ReleaseChanges {
  written: string[]
  removed: string[]
  removedDirs: string[]
}

export interface ReleaseStore {
  /** `<root>/.releases` */
  dir: string
  /** `<root>/.releases/<slug>` */
  siteDir(slug: string): string
  /** `<root>/.releases/<slug>/current`: the path to serve (resolve it per request). */
  currentPath(slug: string): string
  /** The id `current` points to, or null before the first release. */
  currentRelease(slug: string): Promise<string | null>
  /** Releases of a site, newest first. */
  listReleases(slug: string): Promise<ReleaseInfo[]>
  /** Copies `builtDir` into a new release, checks it, makes it current, prunes old releases. */
  createReleaseFrom(slug: string, builtDir: string, options?: { now?: Date }): Promise<CreateResult>
  /**
   * A release made from the live one: `assemble` gets a staging folder holding the live release's files as hard
   * links and changes it (unlinking a file before writing it, never writing into one), and may say what it
   * changed so that only those files are hashed. `prune: false` leaves old releases for `pruneOld`.
   */
  createReleaseFromCurrent(
    slug: string,
    assemble: (staging: string, live: string) => Promise<void | ReleaseChanges>,
    options?: { now?: Date; prune?: boolean },
  ): Promise<CreateResult>
  /** Creates in advance (outside the lock) the folder tree of the live release for the next createReleaseFromCurrent. */
  prepareNext(slug: string): Promise<string | null>
  /** Prunes old releases (after releases made with `prune: false`). */
  pruneOld(slug: string): Promise<{ pruned: string[]; warnings: string[] }>
  /** Makes the release before the current one (or `releaseId`) current again. */
  rollback(slug: string, releaseId?: string): Promise<RollbackResult>
}

export function createReleaseStore(options: ReleaseStoreOptions): ReleaseStore

/**
 * Runs `fn` on every item, at most `limit` at a time. After a failure no new item
 * starts; the first error is thrown once the running ones have settled.
 */
export function eachLimit<T>(items: T[], limit: number, fn: (item: T, index: number) => Promise<void>): Promise<void>
