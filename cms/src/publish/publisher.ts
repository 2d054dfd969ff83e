// The publisher: takes the pending publications from the database (the queue
// the CMS fills, see plugin.ts), exports each affected site's snapshot with the
// Local API of its own warm Payload, makes the next release and switches it
// live atomically. The next release is the live one with only the touched pages
// rendered again by the site's warm renderer when it can be (incrementalRelease.ts,
// about a second), else a full `astro build`; the search index of a quick
// release follows in a release of its own. One site at a time, one release per
// site in flight; every pending change of a site goes live in the same release.
import { snapshotFile } from '@cles/content'
import { createReleaseStore } from '@cles/releases'
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import path from 'node:path'
import type { Payload } from 'payload'
import { exportSnapshots } from '../export'
import { log as structuredLog, type LogFn } from '../lib/log'
import { mediaDir } from '../lib/paths'
import { relationId } from '../lib/relationId'
import type { Publication as PublicationDoc } from '../payload-types'
import { forgetOldSlugs, readLiveRecord, recordedSlugs, writeLiveRecord } from './liveRecords'
import { MAX_REASONS, summaryOf } from './requestPublication'
import { incrementalRelease, searchIndexRelease } from './incrementalRelease'
import { buildSite, stopOrphanBuilds } from './siteBuild'
import { servePreview } from './previewHttp'
import { PreviewRenderer } from './previewRenderer'

export interface PublisherOptions {
  repoRoot: string
  snapshotDir: string
  /** Where `.releases/<slug>/` live; the repository root by default. */
  releasesRoot?: string
  /** Polling interval when nobody kicks (changes made by another CMS instance, missed kicks). */
  pollMs?: number
  /** Structured log (lib/log.ts) by default: one JSON line per release, the French message in `msg`. */
  log?: LogFn
}

/** The last release the publisher made or tried, as its /health reports it (site slugs are public). */
export interface LastRelease {
  site: string
  state: 'live' | 'unchanged' | 'failed'
  release: string | null
  durationMs: number
  finishedAt: string
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex')

type Publication = Pick<PublicationDoc, 'id' | 'site' | 'state' | 'requestedAt' | 'reasons'>

export class Publisher {
  private readonly releases
  private running: Promise<void> | null = null
  private again = false
  private timer: NodeJS.Timeout | undefined
  private server: Server | undefined
  private readonly log: LogFn
  private lastRelease: LastRelease | null = null
  private readonly preview: PreviewRenderer
  /** Releases whose search index failed: not tried again until the next publication. */
  private readonly searchFailed = new Set<string>()
  /** Sites released since the last pass: old releases to prune, the next one's folders to prepare. */
  private readonly released = new Set<string>()

  constructor(
    private readonly payload: Payload,
    private readonly options: PublisherOptions,
  ) {
    this.releases = createReleaseStore({ root: options.releasesRoot ?? options.repoRoot })
    this.log = options.log ?? structuredLog
    this.preview = new PreviewRenderer(options.repoRoot, options.snapshotDir, options.releasesRoot ?? options.repoRoot)
  }

  /** Puts back in the queue what a killed publisher left half-done, then starts polling. */
  async start(): Promise<void> {
    const stale = await this.payload.update({
      collection: 'publications',
      where: { state: { equals: 'running' } },
      data: { state: 'pending', startedAt: null },
      overrideAccess: true,
      depth: 0,
    })
    if (stale.docs.length) {
      this.log('warn', 'publisher', {
        msg: `${stale.docs.length} publication(s) interrompue(s) remise(s) en attente`,
        requeued: stale.docs.length,
      })
    }
    const orphans = stopOrphanBuilds(this.options.snapshotDir)
    if (orphans)
      this.log('warn', 'publisher', { msg: `${orphans} construction(s) laissée(s) par un arrêt brutal arrêtée(s)`, stoppedBuilds: orphans })
    this.timer = setInterval(() => this.kick(), this.options.pollMs ?? 2000)
    this.kick()
  }

  /** HTTP on loopback: POST /kick wakes the publisher at once (the CMS calls it after a change). */
  listen(port: number, host = '127.0.0.1'): Promise<Server> {
    this.server = createServer((req, res) => {
      if (req.method === 'POST' && req.url === '/kick') {
        // The change may still be committing: look now and again shortly after.
        this.kick()
        setTimeout(() => this.kick(), 150)
        setTimeout(() => this.kick(), 600)
        res.writeHead(202).end()
      } else if (req.url === '/health') {
        res
          .writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' })
          .end(JSON.stringify({ busy: this.running !== null, lastRelease: this.lastRelease }))
      } else if (req.url?.startsWith('/apercu')) {
        // The draft preview (previewHttp.ts): signed requests from the CMS only.
        servePreview(req, res, this.preview, (site) => this.exportForPreview(site), this.payload.secret).catch((error: Error) => {
          this.log('error', 'publisher', { msg: `aperçu : ${error.message.split('\n')[0]}` })
          if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: error.message }))
        })
      } else res.writeHead(404).end()
    })
    return new Promise((resolve, reject) => {
      this.server!.once('error', reject)
      this.server!.listen(port, host, () => resolve(this.server!))
    })
  }

  /** A site never exported by this publisher gets its snapshot before its first preview. */
  private async exportForPreview(site: string): Promise<void> {
    await exportSnapshots(this.payload, { outDir: this.options.snapshotDir, mediaDir: mediaDir(), only: [site] })
  }

  async stop(): Promise<void> {
    clearInterval(this.timer)
    this.preview.stop()
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()))
    await this.running
  }

  /** No pass running (nor asked for). */
  get idle(): boolean {
    return this.running === null && !this.again
  }

  /** Runs a pass now, or right after the current one. */
  kick(): void {
    if (this.running) {
      this.again = true
      return
    }
    this.running = this.drain()
      .catch((error: Error) => this.log('error', 'publisher', { msg: `erreur inattendue : ${error.message}` }))
      .finally(() => {
        this.running = null
        if (this.again) {
          this.again = false
          this.kick()
        }
      })
  }

  /** Publishes every site that has pending changes, oldest request first. */
  async drain(): Promise<void> {
    const pending = await this.payload.find({
      collection: 'publications',
      where: { state: { equals: 'pending' } },
      sort: 'requestedAt',
      depth: 0,
      limit: 500,
      overrideAccess: true,
    })
    const bySite = new Map<string, Publication[]>()
    for (const doc of pending.docs as Publication[]) {
      const site = String(relationId(doc.site))
      bySite.set(site, [...(bySite.get(site) ?? []), doc])
    }
    for (const [site, publications] of bySite) await this.publishSite(site, publications)
    await this.followWithSearchIndex()
  }

  /**
   * The search index of each quick release, in a release of its own once no
   * publication is waiting (a publication goes first; the next pass indexes);
   * then, for every site released, the folders of its next release are made
   * in advance and old releases pruned, off the way of the next publication.
   */
  private async followWithSearchIndex(): Promise<void> {
    for (const slug of await recordedSlugs(this.options.snapshotDir)) {
      const record = await readLiveRecord(this.options.snapshotDir, slug)
      if (!record || record.searchIndexed !== false || this.searchFailed.has(record.release)) continue
      const waiting = await this.payload.count({
        collection: 'publications',
        where: { state: { equals: 'pending' } },
        overrideAccess: true,
      })
      if (waiting.totalDocs) return
      const started = Date.now()
      // Rolled back meanwhile: the next publication indexes.
      if ((await this.releases.currentRelease(slug)) !== record.release) continue
      try {
        const { release, pages } = await searchIndexRelease({ ...this.quickContext(slug), live: record.release })
        await writeLiveRecord(this.options.snapshotDir, slug, { ...record, release: release.id, searchIndexed: true })
        // The publication that went live now lives on in this release.
        await this.payload.update({
          collection: 'publications',
          where: { release: { equals: record.release } },
          data: { release: release.id },
          overrideAccess: true,
          depth: 0,
        })
        this.released.add(slug)
        this.log('info', 'release', {
          msg: `${slug} : index de recherche à jour (${pages} pages), version ${release.id} en ligne (${Date.now() - started} ms)`,
          site: slug,
          release: release.id,
          state: 'live',
          durationMs: Date.now() - started,
          searchIndex: pages,
        })
      } catch (error) {
        this.searchFailed.add(record.release)
        this.log('error', 'release', {
          msg: `${slug} : ÉCHEC de l’index de recherche — ${(error as Error).message.split('\n')[0]}`,
          site: slug,
        })
      }
    }
    for (const slug of this.released) {
      this.released.delete(slug)
      await this.releases.pruneOld(slug).catch(() => {})
      void this.releases.prepareNext(slug)
    }
  }

  private quickContext(slug: string) {
    return { renderer: this.preview, releases: this.releases, repoRoot: this.options.repoRoot, snapshotDir: this.options.snapshotDir, slug }
  }

  private async publishSite(siteId: string, publications: Publication[]): Promise<void> {
    const started = Date.now()
    const [first, ...rest] = publications
    const site = await this.payload.findByID({ collection: 'sites', id: siteId, depth: 0, overrideAccess: true }).catch(() => null)
    // Later pending records of the same site fold into the first one: one release, one record
    // listing every change it carries (so each document's status follows the release that carries it).
    const reasons = publications.flatMap((p) => p.reasons ?? []).slice(-MAX_REASONS)
    await this.payload.update({
      collection: 'publications',
      id: first!.id,
      data: { state: 'running', startedAt: new Date().toISOString(), reasons, ...(rest.length ? { summary: summaryOf(reasons) } : {}) },
      overrideAccess: true,
      depth: 0,
    })
    for (const other of rest) await this.payload.delete({ collection: 'publications', id: other.id, overrideAccess: true, depth: 0 })
    const finish = (data: Record<string, unknown>) =>
      this.payload.update({
        collection: 'publications',
        id: first!.id,
        data: { ...data, finishedAt: new Date().toISOString(), durationMs: Date.now() - started },
        overrideAccess: true,
        depth: 0,
      })
    const logRelease = (state: LastRelease['state'], release: string | null, extra: Record<string, unknown> = {}) => {
      const durationMs = Date.now() - started
      this.lastRelease = { site: site?.slug ?? siteId, state, release, durationMs, finishedAt: new Date().toISOString() }
      const msg =
        state === 'live'
          ? `${site?.slug} : version ${release} en ligne (${durationMs} ms)`
          : state === 'unchanged'
            ? `${site?.slug} : rien de visible n’a changé, version ${release} conservée (${durationMs} ms)`
            : `${site?.slug ?? siteId} : ÉCHEC — ${String(extra.error ?? '').split('\n')[0]}`
      this.log(state === 'failed' ? 'error' : 'info', 'release', {
        msg,
        site: site?.slug ?? siteId,
        release,
        state,
        durationMs,
        publication: first!.id,
        changes: reasons.length,
        ...extra,
      })
    }
    if (!site) {
      await finish({ state: 'failed', error: 'Ce site n’existe plus.' })
      logRelease('failed', null, { error: 'Ce site n’existe plus.' })
      return
    }
    try {
      const live = await this.releases.currentRelease(site.slug)
      // Compared with what the live release was built from, not with the last export:
      // a publisher killed after exporting must still build what it exported.
      const built = await readLiveRecord(this.options.snapshotDir, site.slug)
      const snapshotPath = snapshotFile(this.options.snapshotDir, site.slug)
      const previous = live && built?.release === live ? await readFile(snapshotPath).catch(() => null) : null
      const liveSnapshot = previous && sha256(previous) === built!.hash ? previous : null
      const exported = await exportSnapshots(this.payload, { outDir: this.options.snapshotDir, mediaDir: mediaDir(), only: [site.slug] })
      const snapshotFileOut = exported.sites[0]?.file
      const hash = snapshotFileOut ? sha256(await readFile(snapshotFileOut)) : null
      if (live && hash && built?.release === live && built.hash === hash) {
        await finish({ state: 'live', release: live, error: null })
        logRelease('unchanged', live)
        return
      }
      const exportedAt = Date.now()
      // The live release with only the touched pages rendered again, else the full build.
      const incremental = liveSnapshot
        ? await incrementalRelease({ ...this.quickContext(site.slug), liveSnapshot })
        : { fullBuild: 'pas de version en ligne construite depuis l’instantané actuel' }
      if ('fullBuild' in incremental)
        this.log('info', 'publisher', { msg: `${site.slug} : construction complète (${incremental.fullBuild})`, site: site.slug })
      const release =
        'release' in incremental
          ? incremental.release
          : await this.releases.createReleaseFrom(site.slug, await buildSite(this.options.repoRoot, site.slug, this.options.snapshotDir))
      const releasedAt = Date.now()
      this.released.add(site.slug)
      // The search index's release follows a quick one: its folders are made while Pagefind indexes.
      if ('release' in incremental) void this.releases.prepareNext(site.slug)
      if (hash) {
        await writeLiveRecord(this.options.snapshotDir, site.slug, {
          release: release.id,
          hash,
          siteId: String(site.id),
          searchIndexed: !('release' in incremental),
        })
      }
      await finish({ state: 'live', release: release.id, error: null })
      logRelease('live', release.id, {
        exportMs: exportedAt - started,
        releaseMs: releasedAt - exportedAt,
        ...('release' in incremental ? { incremental: incremental.stats } : {}),
      })
      const forgotten = await forgetOldSlugs(this.options.snapshotDir, String(site.id), site.slug)
      if (forgotten.length) this.log('info', 'publisher', { msg: `${site.slug} : ancien nom retiré (${forgotten.join(', ')})`, forgotten })
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      await finish({ state: 'failed', error: `La publication a échoué ; la version en ligne n’a pas changé.\n${message}`.slice(0, 4000) })
      logRelease('failed', null, { error: message.split('\n')[0] })
    }
  }
}

export const defaultSnapshotDir = (repoRoot: string) => path.resolve(process.env.CLES_SNAPSHOT_DIR ?? path.join(repoRoot, '.snapshots'))
