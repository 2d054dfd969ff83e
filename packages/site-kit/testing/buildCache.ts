// Site builds shared by the tests (site-kit and e2e), addressed by the content
// of what they are built from. A build is made once per distinct input and
// kept in <repo>/node_modules/.cache/cles-test-builds/<key>/; any test that
// asks again for the same sites from the same snapshot gets that folder back.
//
// The key hashes every input that can change the output: the files of each
// site folder (not its node_modules, dist, .astro, .turbo), the src/,
// package.json and tsconfig chain of each workspace package the site depends
// on (site kit, content contract), what the site's node_modules point to (the
// installed Astro, MDX and sharp versions), pnpm-lock.yaml,
// pnpm-workspace.yaml and patches/, the snapshot folder's files (by content,
// never by path), the environment the build reads (CLES_*, PUBLIC_*, VITE_*,
// ASTRO_*, NODE_ENV), Node's version and platform, and this file itself. A
// changed byte in any of them is another key, so a stale build can never be
// served; a build whose inputs changed while it ran is used once, not kept.
//
// One entry holds the listed sites built one after another with one fresh
// image cache (kept in the entry as image-cache/), so the entry also shows
// what those builds encoded and shared between them (images.test.ts).
// An entry is built in a temporary folder and renamed into place only once
// every site built: a killed or failed build never leaves a half entry, and an
// entry whose files no longer match its record is rebuilt, not served.
import { createHash, randomBytes } from 'node:crypto'
import {
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
  closeSync,
} from 'node:fs'
import type { AstroIntegration, AstroInlineConfig } from 'astro'
import { createRequire } from 'node:module'
import { basename, join, relative, sep } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'

/** Bump to drop every cached build (e.g. after changing what an entry holds). */
const FORMAT = 2
/** Entries kept, most recently used first; an entry used in the last hour is never removed. */
const KEEP_ENTRIES = 8
const KEEP_RECENT_MS = 60 * 60 * 1000
/** A lock or temporary folder older than this is abandoned even if its pid is alive (a reused pid); a build takes minutes. */
const ABANDONED_MS = 30 * 60 * 1000

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))
/** Where the entries live; CLES_TEST_BUILD_CACHE_DIR moves it (it is not part of the key). */
export const testBuildCacheDir = () => process.env.CLES_TEST_BUILD_CACHE_DIR ?? join(repoRoot, 'node_modules/.cache/cles-test-builds')

/** Environment variables the build reads. The ones the cache sets itself, or that change no output, are left out. */
const ENV_IN_KEY = /^(CLES_|PUBLIC_|VITE_|ASTRO_)|^NODE_ENV$/
const ENV_NOT_IN_KEY = new Set(['CLES_SNAPSHOT_DIR', 'CLES_IMAGE_CACHE_DIR', 'CLES_TEST_BUILD_CACHE_DIR', 'ASTRO_TELEMETRY_DISABLED'])
/** Generated or installed folders at the top of a site folder: outputs and caches, not inputs. */
const SITE_GENERATED = new Set(['node_modules', 'dist', '.astro', '.turbo'])

export interface TestBuildRequest {
  /** Site slugs (folders of sites/); order does not matter. */
  sites: string[]
  /** Snapshot folder the sites are built from (hashed by content: a copy elsewhere is the same input). */
  snapshotDir: string
  /** Repository root; only the cache's own tests change it. */
  root?: string
}

export interface TestBuildOptions {
  /** Astro's log level for a build that has to run (default 'warn'). */
  logLevel?: AstroInlineConfig['logLevel']
  /** Build every site even if one fails, and report failures per site instead of throwing (nothing is cached then). */
  keepGoing?: boolean
}

/** Encodings one build made itself vs. took from the image cache the entry's builds shared (the kit's own counters). */
export interface ImageUse {
  encoded: number
  shared: number
}

export interface TestBuild {
  key: string
  /** Folder holding one built site per slug: `<dir>/<slug>/`. */
  dir: string
  /** The encoded-image cache these builds shared, empty before the first of them. */
  imageCacheDir: string
  /** Per site, what its build encoded and what it took from that cache. */
  imageUse: Record<string, ImageUse>
  /** True when an earlier run (or another test) built this entry. */
  reused: boolean
  /** Sites that failed to build (only with `keepGoing`; the entry is then not cached). */
  failures: Record<string, Error>
  /** The built site's folder; throws that site's build error if it failed. */
  siteDir(slug: string): string
}

interface EntryRecord {
  format: number
  key: string
  sites: string[]
  snapshot: string
  builtAt: string
  seconds: Record<string, number>
  imageUse: Record<string, ImageUse>
  /** The hashed inputs, to say what changed when the next build of these sites misses. */
  inputs: TestBuildInputs['parts']
  /** Per site, the files and bytes of its output: an entry that no longer has them is rebuilt, never served. */
  outputs: Record<string, { files: number; bytes: number }>
}

// ——— key ———

/** Relative paths (with /) of every file under `dir`, sorted; `skip` names are left out at the top level only. */
function filesUnder(dir: string, skip: Set<string> = new Set()): string[] {
  const found: string[] = []
  const walk = (at: string, prefix: string) => {
    for (const name of readdirSync(at)) {
      if (!prefix && skip.has(name)) continue
      const path = join(at, name)
      const rel = prefix ? `${prefix}/${name}` : name
      if (statSync(path).isDirectory()) walk(path, rel)
      else found.push(rel)
    }
  }
  walk(dir, '')
  return found.sort()
}

/** sha256 of a folder's file names and bytes, or of a single file; "absent" when missing. */
function hashPath(path: string, skip?: Set<string>): { hash: string; files: number } {
  const hash = createHash('sha256')
  if (!existsSync(path)) return { hash: 'absent', files: 0 }
  const files = statSync(path).isDirectory() ? filesUnder(path, skip) : ['']
  for (const rel of files) {
    const data = readFileSync(rel ? join(path, rel) : path)
    hash.update(`${rel}\0${data.length}\0`).update(data)
  }
  return { hash: hash.digest('hex'), files: files.length }
}

const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>
const toPosix = (path: string) => path.split(sep).join('/')

/** The installed packages a package folder's node_modules points to, by their real store path (workspace packages are hashed by content instead). */
function installed(packageDir: string, root: string): string[] {
  const external: string[] = []
  const modules = join(packageDir, 'node_modules')
  if (!existsSync(modules)) return external
  const names = readdirSync(modules)
    .filter((name) => !name.startsWith('.'))
    .flatMap((name) => (name.startsWith('@') ? readdirSync(join(modules, name)).map((inner) => `${name}/${inner}`) : [name]))
  const realRoot = realpathSync(root)
  for (const name of names.sort()) {
    let target: string
    try {
      target = realpathSync(join(modules, name))
    } catch {
      continue // dangling link: not something the build can load
    }
    const rel = toPosix(relative(realRoot, target))
    // A store path names the version and its peers (node_modules/.pnpm/astro@7.3.5_…/node_modules/astro).
    if (rel.includes('node_modules/')) external.push(`${name} -> ${rel.slice(Math.max(0, rel.lastIndexOf('.pnpm/')))}`)
  }
  return external
}

/** Workspace packages a package folder depends on at run time (dependencies and peers), transitively. */
function workspaceDependencies(packageDir: string, seen = new Map<string, string>()): Map<string, string> {
  const manifest = readJson(join(packageDir, 'package.json'))
  const wanted = { ...(manifest.dependencies as object), ...(manifest.peerDependencies as object) } as Record<string, string>
  for (const [name, version] of Object.entries(wanted)) {
    if (!String(version).startsWith('workspace:') || seen.has(name)) continue
    const dir = realpathSync(join(packageDir, 'node_modules', name))
    seen.set(name, dir)
    workspaceDependencies(dir, seen)
  }
  return seen
}

/** A folder's tsconfig.json and the files it extends: Vite reads them to transpile that folder's TypeScript. */
function tsconfigChain(dir: string): string[] {
  const chain: string[] = []
  let file: string | undefined = join(dir, 'tsconfig.json')
  while (file && existsSync(file) && !chain.includes(file)) {
    chain.push(file)
    let extended: unknown
    try {
      extended = (JSON.parse(readFileSync(file, 'utf8')) as { extends?: unknown }).extends
    } catch {
      break // JSON with comments: its own bytes are hashed, what it extends is not followed
    }
    if (typeof extended !== 'string') break
    try {
      file = createRequire(file).resolve(extended)
    } catch {
      file = undefined
    }
  }
  return chain
}

export interface TestBuildInputs {
  key: string
  /** Each input with its own hash, for a report of what changed. */
  parts: { label: string; hash: string; files?: number }[]
}

/** The key of a request and the inputs it is made of. */
export function testBuildInputs(request: TestBuildRequest): TestBuildInputs {
  const root = request.root ?? repoRoot
  if (!existsSync(request.snapshotDir)) throw new Error(`instantané introuvable pour le build de test : ${request.snapshotDir}`)
  const sites = [...new Set(request.sites)].sort()
  const parts: TestBuildInputs['parts'] = []
  const text = (label: string, value: string) => parts.push({ label, hash: createHash('sha256').update(value).digest('hex') })
  const tree = (label: string, path: string, skip?: Set<string>) => parts.push({ label, ...hashPath(path, skip) })

  text('format', String(FORMAT))
  tree('builder', fileURLToPath(import.meta.url))
  text('node', `${process.version} ${process.platform} ${process.arch}`)
  text('sites', sites.join(','))
  const packages = new Map<string, string>()
  for (const slug of sites) {
    const dir = join(root, 'sites', slug)
    if (!existsSync(join(dir, 'package.json'))) throw new Error(`site inconnu pour le build de test : ${slug} (${dir})`)
    tree(`site ${slug}`, dir, SITE_GENERATED)
    for (const file of tsconfigChain(dir).slice(1)) tree(`site ${slug} tsconfig ${toPosix(relative(root, file))}`, file)
    text(`site ${slug} installed`, installed(dir, root).join('\n'))
    for (const [name, pkg] of workspaceDependencies(dir)) packages.set(name, pkg)
  }
  for (const [name, dir] of [...packages].sort(([a], [b]) => (a < b ? -1 : 1))) {
    tree(`package ${name} package.json`, join(dir, 'package.json'))
    tree(`package ${name} src`, join(dir, 'src'))
    for (const file of tsconfigChain(dir)) tree(`package ${name} tsconfig ${toPosix(relative(root, file))}`, file)
    text(`package ${name} installed`, installed(dir, root).join('\n'))
  }
  tree('pnpm-lock.yaml', join(root, 'pnpm-lock.yaml'))
  tree('pnpm-workspace.yaml', join(root, 'pnpm-workspace.yaml'))
  tree('patches', join(root, 'patches'))
  tree('snapshot', request.snapshotDir)
  // One part per variable (its value hashed, never stored), so a report can name the one that changed.
  const env = Object.keys(process.env)
    .filter((name) => ENV_IN_KEY.test(name) && !ENV_NOT_IN_KEY.has(name))
    .sort()
  text('env', env.join(','))
  for (const name of env) text(`env ${name}`, process.env[name]!)

  const key = createHash('sha256')
  for (const part of parts) key.update(`${part.label}\0${part.hash}\0`)
  return { key: key.digest('hex').slice(0, 40), parts }
}

export const testBuildKey = (request: TestBuildRequest) => testBuildInputs(request).key

// ——— building ———

/** How the log lines name a snapshot: its path in the repository, else its folder name. */
function snapshotLabel(snapshotDir: string, root: string): string {
  const rel = toPosix(relative(root, snapshotDir))
  return rel.startsWith('..') || rel.startsWith('/') ? basename(snapshotDir) : rel.replace(/^packages\/content\//, '')
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function readEntry(entry: string): EntryRecord | null {
  try {
    const record = JSON.parse(readFileSync(join(entry, 'build.json'), 'utf8')) as EntryRecord
    return record.format === FORMAT ? record : null
  } catch {
    return null
  }
}

/** Files and bytes of one built site. */
function outputSize(dir: string): { files: number; bytes: number } {
  const files = filesUnder(dir)
  return { files: files.length, bytes: files.reduce((sum, file) => sum + statSync(join(dir, file)).size, 0) }
}

/** The entry still holds every site's output as it was written (a folder deleted or cut short by hand is caught). */
function intact(entry: string, record: EntryRecord): boolean {
  try {
    return record.sites.every((slug) => {
      const size = outputSize(join(entry, 'sites', slug))
      return size.files === record.outputs[slug]?.files && size.bytes === record.outputs[slug]?.bytes
    })
  } catch {
    return false
  }
}

/** Removes a folder so that it disappears at once (renamed away first), then deletes it. */
function discard(cache: string, path: string) {
  const trash = join(cache, `.tmp-${process.pid}-${randomBytes(4).toString('hex')}`)
  try {
    renameSync(path, trash)
  } catch {
    return
  }
  rmSync(trash, { recursive: true, force: true })
}

/** Take the key's lock, waiting while a live process holds it; a dead holder's lock is taken over. */
async function lock(file: string, onWait: (pid: number) => void): Promise<() => void> {
  let told = false
  for (;;) {
    try {
      const fd = openSync(file, 'wx')
      writeFileSync(fd, String(process.pid))
      closeSync(fd)
      return () => rmSync(file, { force: true })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    let pid: number
    let age: number
    try {
      pid = Number(readFileSync(file, 'utf8') || 0)
      age = Date.now() - statSync(file).mtimeMs
    } catch {
      continue // released between our attempt and our read
    }
    if (pid && pid !== process.pid && alive(pid) && age < ABANDONED_MS) {
      if (!told) onWait(pid)
      told = true
      await sleep(1000)
    } else if (!pid && age < 10_000) {
      await sleep(200) // just created, pid not written yet
    } else {
      rmSync(file, { force: true })
    }
  }
}

/** Leftover temporary folders of dead processes, entries of another format, then the least recently used entries beyond KEEP_ENTRIES. */
function prune(cache: string) {
  const entries: { path: string; used: number }[] = []
  for (const name of readdirSync(cache)) {
    const path = join(cache, name)
    const temporary = /^\.tmp-(\d+)-/.exec(name)
    if (temporary) {
      const abandoned = Date.now() - statSync(path).mtimeMs > ABANDONED_MS
      if (!alive(Number(temporary[1])) || abandoned) rmSync(path, { recursive: true, force: true })
      continue
    }
    if (!/^[0-9a-f]{40}$/.test(name)) continue
    const used = existsSync(join(path, 'build.json')) ? statSync(join(path, 'build.json')).mtimeMs : 0
    // Another format (an older version of this file) is never read again.
    if (!readEntry(path) && Date.now() - used > KEEP_RECENT_MS) discard(cache, path)
    else entries.push({ path, used })
  }
  entries.sort((a, b) => b.used - a.used)
  for (const { path, used } of entries.slice(KEEP_ENTRIES)) {
    if (Date.now() - used > KEEP_RECENT_MS) discard(cache, path)
  }
}

/** « (changé : …) »: the inputs that differ from the last entry built for the same sites and snapshot, if any. */
function changedSinceLast(cache: string, record: EntryRecord): string {
  let last: EntryRecord | null = null
  let lastUsed = 0
  for (const name of readdirSync(cache)) {
    if (name === record.key || !/^[0-9a-f]{40}$/.test(name)) continue
    const other = readEntry(join(cache, name))
    if (!other?.inputs || other.snapshot !== record.snapshot || other.sites.join() !== record.sites.join()) continue
    const used = statSync(join(cache, name, 'build.json')).mtimeMs
    if (used > lastUsed) [last, lastUsed] = [other, used]
  }
  if (!last) return ''
  const before = new Map(last.inputs.map((part) => [part.label, part.hash]))
  const now = new Map(record.inputs.map((part) => [part.label, part.hash]))
  const labels = [...new Set([...before.keys(), ...now.keys()])].filter((label) => before.get(label) !== now.get(label))
  return labels.length ? ` (changé depuis le précédent : ${labels.join(' ; ')})` : ''
}

/** Reads the kit's image counters (images/service.ts keeps them on globalThis) right after the images are written. */
function imageCounter(onDone: (use: ImageUse) => void): AstroIntegration {
  const counters = () => ({
    ...((globalThis as Record<symbol, ImageUse | undefined>)[Symbol.for('cles.imageStats')] ?? { encoded: 0, shared: 0 }),
  })
  let start: ImageUse = { encoded: 0, shared: 0 }
  return {
    name: 'cles-test-build-image-counter',
    hooks: {
      'astro:config:done': () => {
        start = counters()
      },
      'astro:build:generated': () => {
        const end = counters()
        onDone({ encoded: end.encoded - start.encoded, shared: end.shared - start.shared })
      },
    },
  }
}

/** Astro builds share the process (global state, env): one at a time. */
let queue: Promise<unknown> = Promise.resolve()
const serial = <T>(task: () => Promise<T>): Promise<T> => {
  const run = queue.then(task, task)
  queue = run.catch(() => {})
  return run
}

function result(
  key: string,
  dir: string,
  record: Pick<EntryRecord, 'imageUse'>,
  reused: boolean,
  failures: Record<string, Error> = {},
): TestBuild {
  return {
    key,
    dir: join(dir, 'sites'),
    imageCacheDir: join(dir, 'image-cache'),
    imageUse: record.imageUse,
    reused,
    failures,
    siteDir(slug) {
      const failure = failures[slug]
      if (failure) throw failure
      const path = join(dir, 'sites', slug)
      if (!existsSync(path)) throw new Error(`site ${slug} absent du build de test ${key}`)
      return path
    },
  }
}

/**
 * The given sites built from `snapshotDir`, from the shared test build cache
 * when an earlier build had exactly the same inputs, else built now (one after
 * another, one fresh image cache for all of them) and kept for the next caller.
 */
export async function buildSitesForTests(request: TestBuildRequest, options: TestBuildOptions = {}): Promise<TestBuild> {
  const root = request.root ?? repoRoot
  const sites = [...new Set(request.sites)].sort()
  const label = `${sites.join(', ')} (${snapshotLabel(request.snapshotDir, root)})`
  const cache = testBuildCacheDir()
  mkdirSync(cache, { recursive: true })
  const { key, parts } = testBuildInputs(request)
  const entry = join(cache, key)

  const reuse = (record: EntryRecord) => {
    const now = new Date()
    utimesSync(join(entry, 'build.json'), now, now)
    console.log(`build partagé réutilisé : ${label} [${key.slice(0, 12)}]`)
    return result(key, entry, record, true)
  }
  const ready = readEntry(entry)
  if (ready && intact(entry, ready)) return reuse(ready)

  return serial(async () => {
    const unlock = await lock(`${entry}.lock`, (pid) => console.log(`build partagé en cours dans le processus ${pid}, attente : ${label}`))
    let temporary: string | undefined
    try {
      const built = readEntry(entry)
      if (built && intact(entry, built)) return reuse(built)
      if (existsSync(entry)) {
        // Another format, or damaged (files removed by hand): never served, rebuilt.
        console.log(`build partagé inutilisable, reconstruit : ${label} [${key.slice(0, 12)}]`)
        discard(cache, entry)
      }
      temporary = join(cache, `.tmp-${process.pid}-${randomBytes(4).toString('hex')}`)
      const { record, failures } = await buildInto(temporary, root, sites, request.snapshotDir, options)
      const failed = Object.keys(failures)
      // Inputs edited during the build: its output may mix both versions, so no key may serve it.
      const changedMeanwhile = testBuildInputs(request).key !== key
      if (failed.length || changedMeanwhile) {
        const why = failed.length ? `échec : ${failed.join(', ')}` : 'entrées modifiées pendant le build'
        console.log(`build de test non gardé (${why}) : ${label}`)
        const kept = temporary
        temporary = undefined
        process.once('exit', () => rmSync(kept, { recursive: true, force: true }))
        return result(key, kept, record, false, failures)
      }
      record.key = key
      record.snapshot = snapshotLabel(request.snapshotDir, root)
      record.inputs = parts
      for (const slug of sites) record.outputs[slug] = outputSize(join(temporary, 'sites', slug))
      writeFileSync(join(temporary, 'build.json'), `${JSON.stringify(record, null, 2)}\n`)
      try {
        renameSync(temporary, entry) // atomic: the entry exists complete or not at all
      } catch (error) {
        // Only if the lock was broken (its file deleted by hand) can another process have got there first.
        const theirs = readEntry(entry)
        if (theirs && intact(entry, theirs)) return reuse(theirs)
        throw error
      }
      temporary = undefined
      const total = Object.values(record.seconds).reduce((a, b) => a + b, 0)
      const changed = changedSinceLast(cache, record)
      console.log(`build partagé construit : ${label} en ${total.toFixed(0)} s [${key.slice(0, 12)}]${changed}`)
      prune(cache)
      return result(key, entry, record, false)
    } finally {
      if (temporary) rmSync(temporary, { recursive: true, force: true })
      unlock()
    }
  })
}

/** One site built from `snapshotDir`: its output folder (see buildSitesForTests). */
export async function buildSiteForTests(
  request: { site: string; snapshotDir: string; root?: string },
  options: TestBuildOptions = {},
): Promise<string> {
  const build = await buildSitesForTests({ sites: [request.site], snapshotDir: request.snapshotDir, root: request.root }, options)
  return build.siteDir(request.site)
}

async function buildInto(dir: string, root: string, sites: string[], snapshotDir: string, options: TestBuildOptions) {
  const { build } = await import('astro')
  const record: EntryRecord = {
    format: FORMAT,
    key: '',
    sites,
    snapshot: '',
    builtAt: new Date().toISOString(),
    seconds: {},
    imageUse: {},
    inputs: [],
    outputs: {},
  }
  const failures: Record<string, Error> = {}
  const imageCacheDir = join(dir, 'image-cache')
  mkdirSync(imageCacheDir, { recursive: true })
  const saved = {
    CLES_SNAPSHOT_DIR: undefined,
    CLES_IMAGE_CACHE_DIR: undefined,
    ASTRO_TELEMETRY_DISABLED: undefined,
    NODE_ENV: undefined,
  } as Record<string, string | undefined>
  for (const name of Object.keys(saved)) saved[name] = process.env[name]
  process.env.CLES_SNAPSHOT_DIR = snapshotDir
  process.env.CLES_IMAGE_CACHE_DIR = imageCacheDir
  process.env.ASTRO_TELEMETRY_DISABLED = '1'
  try {
    for (const slug of sites) {
      const started = performance.now()
      try {
        await build({
          root: join(root, 'sites', slug),
          outDir: join(dir, 'sites', slug),
          // Own Astro cache per build: a warm one would skip encoding and hide what the shared image cache does.
          cacheDir: join(dir, 'astro-cache', slug),
          logLevel: options.logLevel ?? 'warn',
          integrations: [imageCounter((use) => (record.imageUse[slug] = use))],
        })
      } catch (error) {
        failures[slug] = error instanceof Error ? error : new Error(String(error))
        if (!options.keepGoing) throw failures[slug]
      } finally {
        record.seconds[slug] = Math.round((performance.now() - started) / 100) / 10
        // Astro sets NODE_ENV when it is unset; put it back so the next key sees the same environment.
        if (saved.NODE_ENV === undefined) delete process.env.NODE_ENV
        else process.env.NODE_ENV = saved.NODE_ENV
      }
    }
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
    rmSync(join(dir, 'astro-cache'), { recursive: true, force: true })
  }
  return { record, failures }
}
