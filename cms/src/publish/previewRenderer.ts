// The draft preview's renderer, in the publisher: per site, a server bundle of
// the site (packages/site-kit/preview/build.mjs) kept loaded in a child process
// (renderer.mjs). A preview is the site's live snapshot with one document
// replaced by its draft, rendered in memory: never written to a snapshot or a
// release. The bundle is built from a copy of that snapshot in the preview's
// folder (lib/paths.ts previewDir), again when the site's settings or the set
// of images change (a draft's new image is known to the bundle only then).
// The page's files come from the bundle (styles, scripts), the live release
// (images already encoded) or the renderer (images it encoded for a preview).
import { readSnapshot, routePath, snapshotFile, type SiteSnapshot } from '@cles/content'
import type { ReleaseChanges } from '@cles/releases'
import { fork, spawn, type ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import { copyFileSync, existsSync, linkSync, mkdirSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { previewDir } from '../lib/paths'
import type { PreviewRequest } from '../export/preview'
import { byNewest } from '../export/index'
import { buildTimeoutMs, GENERIC_PROJECT, siteBuildCommand, siteWorkDir } from './siteBuild'

export interface RenderedPreview {
  status: number
  html: string
}

export interface IncrementalJob {
  /** The new snapshot, parsed (the renderer is built again when its settings or images changed). */
  snapshot: SiteSnapshot
  before: string
  after: string
  snapshotDir: string
  liveDir: string
  outDir: string
}

export interface IncrementalResult {
  rendered: number
  kept: number
  removed: number
  warnings: string[]
  /** Milliseconds per phase (plan, link, render, files, sitemap, redirects). */
  phases: Record<string, number>
}

interface LoadedSite {
  /** The site's settings it was built with. */
  settings: string
  /** The images it knows. */
  media: Set<string>
  dist: string
  child: ChildProcess
  ready: Promise<void>
}

const PREVIEW_KIT = path.join('packages', 'site-kit', 'preview')
const MEDIA_FILE = /media\/[0-9a-f]{64}\.[a-z0-9]+/g
const RENDER_TIMEOUT_MS = 30_000

/**
 * CLES_WARM_RENDERERS: how many sites keep a renderer loaded (3 by default;
 * each holds its site's bundle and snapshot, 150–420 MB at 2,000 articles).
 * The least recently used one is stopped; its next publication or preview
 * builds it again (5–9 s).
 */
export function warmRenderers(env: Record<string, string | undefined> = process.env): number {
  const value = Number(env.CLES_WARM_RENDERERS)
  return Number.isInteger(value) && value > 0 ? value : 3
}

/** The site's snapshot with the draft in place of its published version (or added). */
export function withDraft(snapshot: SiteSnapshot, request: PreviewRequest): { lists: Record<string, unknown[]>; path: string } {
  const lists = { news: snapshot.news, pages: snapshot.pages, resources: snapshot.resources, categories: snapshot.categories }
  const { overlay } = request
  if (overlay.kind === 'page') return { lists: { ...lists, pages: overlay.pages }, path: request.path }
  // A syndicated copy keeps the address it has on this site.
  const live = snapshot.news.find((article) => article.id === overlay.article.id)
  const article = live ? { ...overlay.article, slug: live.slug } : overlay.article
  const news = [...snapshot.news.filter((other) => other.id !== article.id), article].sort(byNewest)
  const known = new Set(snapshot.categories.map((category) => category.slug))
  const categories = [...snapshot.categories, ...overlay.categories.filter((category) => !known.has(category.slug))]
  return { lists: { ...lists, news, categories }, path: live ? routePath('article', 'fr', { slug: live.slug }) : request.path }
}

export class PreviewRenderer {
  private readonly sites = new Map<string, Promise<LoadedSite>>()
  private nextId = 0

  constructor(
    private readonly repoRoot: string,
    readonly snapshotDir: string,
    private readonly releasesRoot: string,
  ) {}

  async render(request: PreviewRequest): Promise<RenderedPreview> {
    const snapshot = readSnapshot(this.snapshotDir, request.site)
    const { lists, path: pagePath } = withDraft(snapshot, request)
    const site = await this.loaded(request.site, { ...snapshot, ...lists } as SiteSnapshot)
    return this.ask<RenderedPreview>(site, { lists, path: pagePath })
  }

  /**
   * The next release of `slug` assembled in `job.outDir` from the live one
   * (packages/site-kit/preview/release.mjs): only the pages the change touched
   * are rendered. `job.after` is the new snapshot's file, `job.before` the one
   * the live release was built from.
   */
  async release(slug: string, job: IncrementalJob): Promise<{ stats: IncrementalResult; changes: ReleaseChanges }> {
    const site = await this.loaded(slug, job.snapshot)
    const { snapshot: _, ...message } = job
    return (await this.ask<{ result: { stats: IncrementalResult; changes: ReleaseChanges } }>(site, { release: message })).result
  }

  /** The search index (Pagefind) of the release assembled in `outDir`, written into its `pagefind/` (only the files that changed). */
  async searchIndex(slug: string, snapshot: SiteSnapshot, outDir: string): Promise<{ pages: number; changes: ReleaseChanges }> {
    const site = await this.loaded(slug, snapshot)
    return (await this.ask<{ result: { pages: number; changes: ReleaseChanges } }>(site, { searchIndex: { outDir } })).result
  }

  /** The site's renderer answers one message (it handles them one at a time). */
  private ask<T>(site: LoadedSite, message: Record<string, unknown>): Promise<T> {
    const id = ++this.nextId
    return new Promise<T>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer)
        site.child.off('message', onMessage)
        site.child.off('exit', onExit)
      }
      const timer = setTimeout(() => {
        done()
        reject(new Error('le rendu n’a pas répondu à temps'))
      }, RENDER_TIMEOUT_MS)
      const onMessage = (answer: { id?: number; error?: string }) => {
        if (answer.id !== id) return
        done()
        if (answer.error) reject(new Error(answer.error))
        else resolve(answer as T)
      }
      // Stopped, or replaced by a renderer built for newer settings or images.
      const onExit = () => {
        done()
        reject(new Error('le rendu s’est arrêté avant de répondre'))
      }
      site.child.on('message', onMessage)
      site.child.once('exit', onExit)
      site.child.send({ id, ...message })
    })
  }

  /** A file the preview page asks for: from the bundle (styles, scripts), else from the live release (images). */
  file(site: string, urlPath: string): string | null {
    for (const root of this.fileRoots(site)) {
      if (!existsSync(root)) continue
      const base = realpathSync(root)
      const file = path.resolve(base, `.${path.posix.normalize(`/${urlPath}`)}`)
      if (!file.startsWith(`${base}${path.sep}`) || !existsSync(file) || !statSync(file).isFile()) continue
      return file
    }
    return null
  }

  /** Where a preview's files are looked for, in order: the bundle, the live release, the renderer's own images. */
  private fileRoots(site: string): string[] {
    const work = path.join(siteWorkDir(this.repoRoot), site, 'apercu')
    return [path.join(work, 'dist', 'client'), path.join(this.releasesRoot, '.releases', site, 'current'), path.join(work, 'images')]
  }

  stop(): void {
    for (const site of this.sites.values())
      void site.then(
        (loaded) => loaded.child.kill(),
        () => {},
      )
    this.sites.clear()
  }

  /** The site's renderer, built again when its settings or its images changed. */
  private async loaded(slug: string, snapshot: SiteSnapshot): Promise<LoadedSite> {
    const media = [...new Set(JSON.stringify(snapshot).match(MEDIA_FILE) ?? [])].sort()
    const settings = createHash('sha256').update(JSON.stringify(snapshot.site)).digest('hex')
    const current = this.sites.get(slug)
    // Most recently used last (the Map's order): the first ones are stopped when too many are loaded.
    if (current) {
      this.sites.delete(slug)
      this.sites.set(slug, current)
    }
    const existing = current ? await current.catch(() => null) : null
    if (existing?.settings === settings && media.every((file) => existing.media.has(file))) return existing
    existing?.child.kill()
    const loading = this.load(slug, settings, snapshot, media)
    this.sites.delete(slug)
    this.sites.set(slug, loading)
    loading.catch(() => this.sites.delete(slug))
    for (const [other, site] of [...this.sites].slice(0, Math.max(0, this.sites.size - warmRenderers()))) {
      this.sites.delete(other)
      void site.then(
        (loaded) => loaded.child.kill(),
        () => {},
      )
    }
    return loading
  }

  /** The snapshot the bundle is built from, with every image it names (live ones, and drafts' from the CMS). */
  private writeBuildSnapshot(dir: string, snapshot: SiteSnapshot, media: string[]): void {
    rmSync(dir, { recursive: true, force: true })
    mkdirSync(path.join(dir, 'media'), { recursive: true })
    writeFileSync(snapshotFile(dir, snapshot.site.slug), JSON.stringify(snapshot))
    for (const file of media) {
      const source = [this.snapshotDir, previewDir()].map((root) => path.join(root, file)).find((candidate) => existsSync(candidate))
      if (!source) continue
      try {
        linkSync(source, path.join(dir, file))
      } catch {
        copyFileSync(source, path.join(dir, file))
      }
    }
  }

  private async load(slug: string, settings: string, snapshot: SiteSnapshot, media: string[]): Promise<LoadedSite> {
    const work = path.join(siteWorkDir(this.repoRoot), slug, 'apercu')
    const buildSnapshotDir = path.join(work, 'snapshot')
    this.writeBuildSnapshot(buildSnapshotDir, snapshot, media)
    const command = siteBuildCommand(this.repoRoot, slug, buildSnapshotDir)
    const root = command.kind === 'own' ? path.join(this.repoRoot, 'sites', slug) : path.join(this.repoRoot, GENERIC_PROJECT)
    const dist = path.join(work, 'dist')
    const env = {
      ...process.env,
      ...command.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      CLES_IMAGE_CACHE_DIR: process.env.CLES_IMAGE_CACHE_DIR ?? path.join(this.repoRoot, 'node_modules', '.cache', 'cles-images'),
    }
    await new Promise<void>((resolve, reject) => {
      const output: string[] = []
      const child = spawn(process.execPath, [path.join(this.repoRoot, PREVIEW_KIT, 'build.mjs'), root, dist, path.join(work, 'astro')], {
        cwd: root,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      const keep = (chunk: Buffer) => output.push(...chunk.toString().split('\n').filter(Boolean).slice(-20))
      child.stdout.on('data', keep)
      child.stderr.on('data', keep)
      // The same time limit as a site build: a stuck build never holds the publisher's queue.
      const limit = buildTimeoutMs()
      const timer = setTimeout(() => {
        child.kill('SIGKILL')
        output.push(`arrêtée après ${Math.round(limit / 1000)} s`)
      }, limit)
      child.on('error', reject)
      child.on('exit', (code) => {
        clearTimeout(timer)
        if (code === 0) resolve()
        else reject(new Error(`construction du rendu de ${slug} échouée (code ${code}) :\n${output.slice(-20).join('\n')}`))
      })
    })
    const [, live, images] = this.fileRoots(slug)
    const child = fork(path.join(this.repoRoot, PREVIEW_KIT, 'renderer.mjs'), [dist, images!, live!], {
      cwd: root,
      env,
      // Not the publisher's own loader flags (tsx): the bundle is plain JavaScript.
      execArgv: [],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    })
    const ready = new Promise<void>((resolve, reject) => {
      child.once('message', () => resolve())
      child.once('exit', (code) => reject(new Error(`le rendu de l’aperçu de ${slug} s’est arrêté (code ${code})`)))
    })
    await ready
    const loaded = { settings, media: new Set(media), dist, child, ready }
    // A renderer that stopped is started again by the next preview.
    child.once('exit', () => {
      void this.sites.get(slug)?.then(
        (current) => current === loaded && this.sites.delete(slug),
        () => {},
      )
    })
    return loaded
  }
}
