// Publish → live: `npm run bench:publish [-- --articles 2000 --pages 100 --publishes 30]`.
// Seeds a throw-away SQLite database, loads every site with N published
// articles and M pages (the `bench:sites` load), then runs the publisher the
// way `npm start` does and, as comms@cles through the Local API with access
// control on, publishes new articles one after the other. « Live » is the first
// moment the release served on loopback answers the article page and shows the
// article on the home page, the news index, the RSS feed and the sitemap.
// Also measures, in the same run, a full `astro build` of the CLES site and the
// memory of the publishing process and of its site builds. Prints figures;
// asserts nothing. The CLES site's `sites/cles/dist` is overwritten (as a
// publish in `npm start` would).
import { routePath } from '@cles/content'
import { serveStatic } from '@cles/static-server'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '2000' },
    pages: { type: 'string', default: '100' },
    publishes: { type: 'string', default: '30' },
    keep: { type: 'boolean', default: false },
  },
})
const ARTICLES = Number(values.articles)
const PAGES = Number(values.pages)
const PUBLISHES = Number(values.publishes)
/** Between two measured publications, once the publisher is idle. */
const PAUSE_MS = 2_000

const dir = mkdtempSync(path.join(tmpdir(), 'cles-bench-publish-'))
process.env.DATABASE_URL = `file:${path.join(dir, 'bench.db')}`
process.env.CLES_MEDIA_DIR = path.join(dir, 'media')
process.env.PAYLOAD_SECRET = 'bench-secret-0123456789abcdef0123456789abcdef'
process.env.CLES_DISABLE_JOBS = '1'
// The bench kicks its own publisher; no HTTP kick to a publisher `npm start` may be running.
process.env.CLES_PUBLISHER_URL = 'http://127.0.0.1:9/'

const say = (message: string) => console.log(`[bench-publish] ${message}`)
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} Mio`

/** Resident memory of the publisher's warm renderers (its children running the site kit's renderer.mjs). */
function rendererRss(): number {
  let total = 0
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      if (Number(fields[1]) === process.pid && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('renderer.mjs')) {
        total += Number(fields[21]) * 4096
      }
    } catch {
      // Ended between the listing and the read.
    }
  }
  return total
}

/** Resident memory of every process in a process group (the site build: pnpm, astro, workers). */
function groupRss(group: number): number {
  let total = 0
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      if (Number(fields[2]) === group) total += Number(fields[21]) * 4096
    } catch {
      // Ended between the listing and the read.
    }
  }
  return total
}

const { openPayload, closePayload } = await import('../lib/payload')
const { seed } = await import('../seed')
const { system } = await import('../seed/system')
const { Publisher } = await import('../publish/publisher')
const { buildSite } = await import('../publish/siteBuild')
const { readLiveRecord } = await import('../publish/liveRecords')
const { cmsRoot } = await import('../lib/paths')

const repoRoot = path.resolve(cmsRoot(), '..')
const snapshotDir = path.join(dir, 'snapshots')
const releasesRoot = path.join(dir, 'releases')
const payload = await openPayload()
const lines: string[] = []
let peakPublisher = 0
let peakBuild = 0
let peakRenderer = 0
const sampler = setInterval(() => {
  peakPublisher = Math.max(peakPublisher, process.memoryUsage().rss)
  peakRenderer = Math.max(peakRenderer, rendererRss())
  try {
    const group = Number(readFileSync(path.join(snapshotDir, '.build-cles.pid'), 'utf8'))
    if (group > 0) peakBuild = Math.max(peakBuild, groupRss(group))
  } catch {
    // No build running.
  }
}, 100)

try {
  say(`base temporaire ${dir}`)
  await seed(payload, { password: 'bench-password-1' })
  const sites = (await payload.find({ collection: 'sites', limit: 10, depth: 0, ...system })).docs
  const loadStarted = Date.now()
  for (const site of sites) {
    for (let i = 0; i < ARTICLES; i++) {
      await payload.create({
        collection: 'news',
        data: {
          title: `Actualité de charge ${i} (${site.name})`,
          slug: `charge-${i}`,
          excerpt: 'Texte de charge pour mesurer la publication.',
          originSite: site.id,
          publishedAt: new Date(Date.UTC(2020, 0, 1) + i * 3_600_000).toISOString(),
          _status: 'published',
        },
        depth: 0,
        ...system,
      })
    }
    for (let i = 0; i < PAGES; i++) {
      await payload.create({
        collection: 'pages',
        data: { title: `Page de charge ${i}`, slug: `page-de-charge-${i}`, site: site.id, _status: 'published' },
        depth: 0,
        ...system,
      })
    }
    say(`${site.slug} : ${ARTICLES} actualités et ${PAGES} pages (${((Date.now() - loadStarted) / 1000).toFixed(0)} s)`)
  }
  // Whatever the seed and load queued is the first release of every site.
  await payload.delete({ collection: 'publications', where: { id: { exists: true } }, ...system })

  const cles = sites.find((site) => site.slug === 'cles')!
  const comms = (await payload.find({ collection: 'users', where: { email: { equals: 'comms@cles.example' } }, depth: 0, ...system }))
    .docs[0]!
  // Which releases were quick (incremental) and which took the full build, from the publisher's own log.
  const releaseKinds = { incremental: 0, full: 0 }
  let lastRelease = ''
  /** How long each search index release took (Pagefind over the whole site, then the release). */
  const searchReleaseMs: number[] = []
  const publisher = new Publisher(payload, {
    repoRoot,
    snapshotDir,
    releasesRoot,
    pollMs: 60_000,
    log: (_level, _category, data) => {
      if (typeof data?.searchIndex === 'number') searchReleaseMs.push(Number(data.durationMs))
      if (typeof data?.releaseMs !== 'number') return
      const kind = data.incremental
        ? `version incrémentale ${JSON.stringify((data.incremental as { phases: unknown }).phases)}`
        : 'construction complète'
      lastRelease = `exportation ${data.exportMs} ms, ${kind}, ${data.releaseMs} ms`
      if (data.incremental) releaseKinds.incremental++
      else releaseKinds.full++
    },
  })
  const { exportSnapshots } = await import('../export')
  const { mediaDir } = await import('../lib/paths')

  // The reference: a full `astro build` of the loaded CLES site, outside the publisher.
  await exportSnapshots(payload, { outDir: snapshotDir, mediaDir: mediaDir(), only: ['cles'] })
  let t0 = performance.now()
  await buildSite(repoRoot, 'cles', snapshotDir)
  const fullBuildMs = performance.now() - t0
  say(`construction complète astro build du site CLES : ${(fullBuildMs / 1000).toFixed(1)} s`)

  // First release, so that every measured publish replaces a live one.
  await payload.create({
    collection: 'publications',
    data: { site: cles.id, state: 'pending', requestedAt: new Date().toISOString(), summary: 'Banc d’essai' },
    ...system,
  })
  await publisher.drain()
  const server = await serveStatic({ dir: path.join(releasesRoot, '.releases', 'cles', 'current'), port: 0 })
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`
  const text = async (pathname: string) => {
    const response = await fetch(base + pathname)
    return response.ok ? response.text() : ''
  }

  const samples: number[] = []
  const searchSamples: number[] = []
  for (let i = 0; i < PUBLISHES; i++) {
    const slug = `publication-mesuree-${i}`
    t0 = performance.now()
    await payload.create({
      collection: 'news',
      data: {
        title: `Publication mesurée ${i}`,
        slug,
        excerpt: 'Un article publié pendant le banc d’essai.',
        originSite: cles.id,
        publishedAt: new Date().toISOString(),
        _status: 'published',
      },
      user: comms,
      overrideAccess: false,
      depth: 0,
    })
    publisher.kick()
    const article = routePath('article', 'fr', { slug })
    for (;;) {
      const [page, home, index, feed, sitemap] = await Promise.all([
        fetch(base + article).then((r) => r.status),
        text(routePath('home')),
        text(routePath('news')),
        text(routePath('newsFeed')),
        text('/sitemap-0.xml'),
      ])
      if (page === 200 && [home, index, feed, sitemap].every((body) => body.includes(slug))) break
      if (performance.now() - t0 > 300_000) throw new Error(`publication ${i} toujours pas en ligne après 300 s`)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    samples.push(performance.now() - t0)
    // The search index follows in a release of its own (incremental releases).
    while ((await readLiveRecord(snapshotDir, 'cles'))?.searchIndexed === false) {
      if (performance.now() - t0 > 300_000) throw new Error(`index de recherche de la publication ${i} toujours pas à jour après 300 s`)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    searchSamples.push(performance.now() - t0)
    // One article at a time, as an editor publishes: the next one once the publisher is idle, a moment later (bursts: publishQueue tests).
    while (!publisher.idle) await new Promise((resolve) => setTimeout(resolve, 50))
    await new Promise((resolve) => setTimeout(resolve, PAUSE_MS))
    say(
      `publication ${i + 1}/${PUBLISHES} en ligne en ${(samples.at(-1)! / 1000).toFixed(2)} s, ` +
        `recherche à jour en ${(searchSamples.at(-1)! / 1000).toFixed(2)} s (${lastRelease})`,
    )
  }
  server.close()
  await publisher.stop()

  const sorted = [...samples].sort((a, b) => a - b)
  const p50 = percentile(sorted, 50)
  const search = [...searchSamples].sort((a, b) => a - b)
  lines.push(
    `publication → en ligne (${PUBLISHES} publications, site CLES de ${ARTICLES} actualités + ${PAGES} pages, 5 sites chargés)`,
    `  p50 ${(p50 / 1000).toFixed(2)} s   p95 ${(percentile(sorted, 95) / 1000).toFixed(2)} s   max ${(sorted.at(-1)! / 1000).toFixed(2)} s`,
    `  versions incrémentales ${releaseKinds.incremental}, constructions complètes ${releaseKinds.full} (la première version comprise) ; ` +
      `chaque publication ${PAUSE_MS / 1000} s après que le processus de publication a fini la précédente`,
    `publication → index de recherche à jour : p50 ${(percentile(search, 50) / 1000).toFixed(2)} s   p95 ${(percentile(search, 95) / 1000).toFixed(2)} s` +
      (searchReleaseMs.length
        ? ` (version de l’index seule : p50 ${(
            percentile(
              [...searchReleaseMs].sort((a, b) => a - b),
              50,
            ) / 1000
          ).toFixed(2)} s, ` + `max ${(Math.max(...searchReleaseMs) / 1000).toFixed(2)} s)`
        : ''),
    `construction complète (astro build) du même site : ${(fullBuildMs / 1000).toFixed(1)} s`,
    `rapport p50 / construction complète : ${(p50 / fullBuildMs).toFixed(2)}`,
    `mémoire au maximum : processus de publication (Payload + exportation) ${mib(peakPublisher)} ; ` +
      `rendu incrémental (processus enfant) ${mib(peakRenderer)} ; construction du site ${mib(peakBuild)}`,
  )
} finally {
  clearInterval(sampler)
  await closePayload(payload)
  if (values.keep) say(`dossier conservé : ${dir}`)
  else rmSync(dir, { recursive: true, force: true })
}
console.log(`\n[bench-publish]\n${lines.map((line) => `  ${line}`).join('\n')}\n`)
