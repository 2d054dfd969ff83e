// `npm run bench:sites [-- --articles 2000 --pages 100 --images 50] [--no-lighthouse]`
// Generates a large snapshot for the five sites from the committed fixture
// (N articles and M pages per site, K images shared by every site), puts it in
// .snapshots/ (the real one is kept aside and restored), then measures with
// turbo: cold full build, warm build (turbo cache), rebuild after one article
// changes, pages per second, peak memory, article weight and JS per page.
// After the cold build, Lighthouse mobile on each site's home page and first
// article, served on loopback by the production static server (CSP 'self').
// Prints figures; asserts nothing.
import { serveStatic } from '@cles/static-server'
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { gzipSync } from 'node:zlib'
import { CHROMIUM_PATH } from '../packages/e2e/src/chromium.mjs'
import { ownSites, root } from './lib/workspace.mjs'

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '2000' },
    pages: { type: 'string', default: '100' },
    images: { type: 'string', default: '50' },
    lighthouse: { type: 'boolean', default: true },
  },
  allowNegative: true,
})
const ARTICLES = Number(values.articles)
const PAGES = Number(values.pages)
const IMAGES = Number(values.images)
const fixtures = join(root, 'packages/content/fixtures/basic')
const snapshots = join(root, '.snapshots')
const backup = join(root, '.snapshots.avant-bench')
const sites = ownSites()
const say = (m) => console.log(`[bench-sites] ${m}`)

function stableStringify(value) {
  const sort = (v) =>
    Array.isArray(v)
      ? v.map(sort)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, sort(v[k])]),
          )
        : v
  return `${JSON.stringify(sort(value), null, 2)}\n`
}

/** K distinct JPEGs from the fixture ones (a trailing comment byte run changes the hash, not the picture). */
function makeImages(out) {
  // Snapshot format 2: logos (PNG) and page blocks point at fixture media, so those files come along as they are;
  // only the 1200×675 JPEGs are used as load images.
  mkdirSync(join(out, 'media'), { recursive: true })
  const fixtureMedia = readdirSync(join(fixtures, 'media'))
  for (const f of fixtureMedia) writeFileSync(join(out, 'media', f), readFileSync(join(fixtures, 'media', f)))
  const sources = fixtureMedia.filter((f) => f.endsWith('.jpg')).map((f) => readFileSync(join(fixtures, 'media', f)))
  return Array.from({ length: IMAGES }, (_, i) => {
    const bytes = Buffer.concat([sources[i % sources.length], Buffer.from(`bench-${i}`)])
    const hash = createHash('sha256').update(bytes).digest('hex')
    writeFileSync(join(out, 'media', `${hash}.jpg`), bytes)
    return {
      file: `media/${hash}.jpg`,
      mimeType: 'image/jpeg',
      width: 1200,
      height: 675,
      alt: { fr: `Illustration ${i + 1}`, en: `Illustration ${i + 1}` },
      focalX: 50,
      focalY: 50,
    }
  })
}

function generate(out) {
  rmSync(out, { recursive: true, force: true })
  mkdirSync(out, { recursive: true })
  const images = makeImages(out)
  for (const { slug } of sites) {
    const snap = JSON.parse(readFileSync(join(fixtures, `${slug}.json`), 'utf8'))
    const template = snap.news.find((a) => a.originSite === slug) ?? snap.news[0]
    const paragraph = `<p>${'Texte de démonstration pour mesurer la construction des sites. '.repeat(12)}</p>`
    snap.news = Array.from({ length: ARTICLES }, (_, i) => ({
      ...template,
      id: `${slug}-${i}`,
      slug: `article-de-charge-${i}`,
      originSite: slug,
      canonicalUrl: `${snap.site.url}/actualites/article-de-charge-${i}/`,
      publishedAt: new Date(Date.UTC(2020, 0, 1) + (ARTICLES - i) * 3_600_000).toISOString(),
      title: { fr: `Article de charge ${i}`, ...(i % 4 === 0 ? { en: `Load article ${i}` } : {}) },
      excerpt: { fr: `Résumé de l’article ${i}.`, ...(i % 4 === 0 ? { en: `Summary ${i}.` } : {}) },
      html: { fr: `<h2>Section</h2>${paragraph}${paragraph}`, ...(i % 4 === 0 ? { en: `<p>English body ${i}.</p>` } : {}) },
      locales: i % 4 === 0 ? ['fr', 'en'] : ['fr'],
      hero: i % 3 === 0 ? images[i % images.length] : null,
    }))
    const pageTemplate = snap.pages[0]
    snap.pages = Array.from({ length: PAGES }, (_, i) => ({
      ...pageTemplate,
      id: `${slug}-page-${i}`,
      slug: `page-de-charge-${i}`,
      path: `/page-de-charge-${i}/`,
      parentId: null,
      title: { fr: `Page de charge ${i}` },
      locales: ['fr'],
      blocks: { fr: pageTemplate.blocks.fr },
    }))
    writeFileSync(join(out, `${slug}.json`), stableStringify(snap))
  }
}

/** Runs a command under GNU time when present, returning wall seconds and peak RSS of the largest process. */
function measure(label, command, args, env = {}) {
  const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : null
  const started = Date.now()
  const result = timeBin
    ? spawnSync(timeBin, ['-v', command, ...args], { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8' })
    : spawnSync(command, args, { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8' })
  const seconds = (Date.now() - started) / 1000
  if (result.status !== 0) throw new Error(`${label} a échoué :\n${result.stdout}\n${result.stderr}`)
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr ?? '')?.[1]
  const cached = /Cached:\s+(\d+) cached, (\d+) total/.exec(result.stdout ?? '')
  return { seconds, peakMiB: rss ? Number(rss) / 1024 : null, cached: cached ? `${cached[1]}/${cached[2]} en cache` : '' }
}

const countHtml = (dir) => readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.html')).length

function pageWeight(site) {
  const dist = join(site.dir, 'dist')
  const article = join(dist, 'actualites/article-de-charge-1/index.html')
  const html = readFileSync(article, 'utf8')
  const assets = (re) => [...html.matchAll(re)].map((m) => readFileSync(join(dist, m[1])))
  const css = assets(/href="\/(_astro\/[^"]+\.css)"/g)
  const js = assets(/src="\/(_astro\/[^"]+\.js)"/g)
  const gz = (buffers) => buffers.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0)
  return { html: gzipSync(html, { level: 9 }).length, css: gz(css), js: gz(js) }
}

/** The first article folder under dist/actualites/ (not listing pages, categories or the feed). */
function firstArticle(dist) {
  const dir = join(dist, 'actualites')
  if (!existsSync(dir)) return null
  return (
    readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory() && !['page', 'categorie'].includes(d.name) && existsSync(join(dir, d.name, 'index.html')))
      .map((d) => d.name)
      .sort((a, b) => a.localeCompare(b, 'fr', { numeric: true }))[0] ?? null
  )
}

const closeServer = (server) => new Promise((resolve) => server.close(resolve))

/** Lighthouse on the home page and one article of every site; returns printable lines. */
async function lighthouseLines() {
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(`Chromium introuvable (${CHROMIUM_PATH}) : définissez CHROMIUM_PATH ou passez --no-lighthouse`)
  // Loaded only when used: lighthouse is heavy and --no-lighthouse should not need it.
  const { lighthouseScores } = await import('./lib/lighthouse.mjs')
  const servers = []
  try {
    const targets = []
    for (const site of sites) {
      const dist = join(site.dir, 'dist')
      const server = await serveStatic({ dir: dist, port: 0 })
      servers.push(server)
      const origin = `http://127.0.0.1:${server.address().port}`
      targets.push({ label: `${site.slug}, accueil`, path: '/', origin })
      const article = firstArticle(dist)
      if (article) targets.push({ label: `${site.slug}, article`, path: `/actualites/${article}/`, origin })
    }
    const started = Date.now()
    const results = await lighthouseScores(
      targets.map((t) => `${t.origin}${t.path}`),
      { chromePath: CHROMIUM_PATH },
    )
    const seconds = (Date.now() - started) / 1000
    const out = [
      `Lighthouse mobile (perf / a11y / bonnes pratiques / SEO), médiane de 3 passages, ${results.length} pages en ${seconds.toFixed(0)} s :`,
    ]
    const width = Math.max(...targets.map((t) => t.label.length)) + 1
    let below = 0
    const outside = []
    results.forEach((r, i) => {
      const { label, path } = targets[i]
      const scores = Object.values(r.scores)
      if (scores.some((v) => v !== 100)) below++
      out.push(
        `  ${label.padEnd(width)} ${scores.map((v) => String(v ?? '—').padStart(3)).join(' / ')}   ${path}` +
          `   (perf. des passages : ${r.performanceRuns.join(', ')})`,
      )
      if (r.error) out.push(`      erreur Lighthouse : ${r.error}`)
      for (const w of r.warnings) out.push(`      avertissement : ${w}`)
      for (const a of r.failing) {
        out.push(
          `      ${a.category} : ${a.id} (score ${a.score}, poids ${a.weight}) — ${a.title}${a.displayValue ? ` : ${a.displayValue}` : ''}`,
        )
        for (const item of a.items) out.push(`          ${item}`)
      }
      outside.push(...r.outside.map((url) => `${label} → ${url}`))
    })
    const bench = results.map((r) => r.benchmarkIndex).filter((v) => typeof v === 'number')
    if (bench.length)
      out.push(`  indice CPU de Lighthouse (benchmarkIndex) : ${Math.min(...bench).toFixed(0)} à ${Math.max(...bench).toFixed(0)}`)
    out.push(
      `objectif « Lighthouse 100 partout » : ${below === 0 ? 'atteint' : `non atteint (${below} page${below > 1 ? 's' : ''} sur ${results.length} sous 100)`}`,
    )
    // A page asking for anything off loopback is a privacy finding, reported as is.
    out.push(`requêtes hors boucle locale pendant Lighthouse : ${outside.length ? `${outside.length} (bloquées)` : 'aucune'}`)
    for (const o of outside) out.push(`  ${o}`)
    return out
  } finally {
    await Promise.all(servers.map(closeServer))
  }
}

const imageCache = join(root, 'node_modules/.cache/cles-images')
const buildArgs = ['run', 'build', '--filter=./sites/*', '--output-logs=errors-only']
const lines = []
if (existsSync(backup))
  throw new Error(`${backup} existe déjà : un bench précédent a été interrompu. Remettez-le à la place de .snapshots puis relancez.`)
if (existsSync(snapshots)) renameSync(snapshots, backup)
try {
  say(`génération : ${sites.length} sites × ${ARTICLES} articles + ${PAGES} pages, ${IMAGES} images partagées …`)
  generate(snapshots)
  for (const site of sites) rmSync(join(site.dir, 'node_modules/.astro'), { recursive: true, force: true })
  // Cold means every image is encoded again too.
  rmSync(imageCache, { recursive: true, force: true })

  say('construction à froid (turbo --force, caches Astro vidés) …')
  const cold = measure('froid', 'turbo', [...buildArgs, '--force'])
  const pages = sites.reduce((n, s) => n + countHtml(join(s.dir, 'dist')), 0)
  lines.push(
    `froid : ${cold.seconds.toFixed(1)} s, ${pages} pages HTML, ${(pages / cold.seconds).toFixed(0)} pages/s, ` +
      `mémoire max ${cold.peakMiB?.toFixed(0) ?? '?'} Mio`,
  )

  if (values.lighthouse) {
    say('Lighthouse mobile : accueil et un article de chaque site, servis sur 127.0.0.1 …')
    try {
      lines.push(...(await lighthouseLines()))
    } catch (error) {
      // The build figures are still worth printing; the run still ends in failure.
      lines.push(`Lighthouse : échec — ${error.message}`)
      process.exitCode = 1
    }
  }

  say('construction à chaud (cache turbo) …')
  const warm = measure('chaud', 'turbo', buildArgs)
  lines.push(`chaud (cache turbo) : ${warm.seconds.toFixed(2)} s (${warm.cached})`)

  say('reconstruction forcée, caches Astro gardés …')
  const astroWarm = measure('chaud Astro', 'turbo', [...buildArgs, '--force'])
  lines.push(
    `chaud sans cache turbo (caches Astro seulement) : ${astroWarm.seconds.toFixed(1)} s, mémoire max ${astroWarm.peakMiB?.toFixed(0) ?? '?'} Mio`,
  )

  say('un article modifié sur le site cles …')
  const file = join(snapshots, 'cles.json')
  const snap = JSON.parse(readFileSync(file, 'utf8'))
  // A new title each run, so no earlier run's turbo cache entry can match.
  snap.news[1].title.fr = `${snap.news[1].title.fr} (modifié ${Date.now()})`
  writeFileSync(file, stableStringify(snap))
  const one = measure('un article', 'turbo', buildArgs)
  lines.push(`après un article modifié : ${one.seconds.toFixed(1)} s (${one.cached}), mémoire max ${one.peakMiB?.toFixed(0) ?? '?'} Mio`)

  const w = pageWeight(sites[0])
  lines.push(
    `poids d’un article (gzip) : HTML ${w.html} o + CSS ${w.css} o + JS ${w.js} o = ${((w.html + w.css + w.js) / 1024).toFixed(1)} kio`,
  )
  // Encoded images: what the five sites ship, against what was encoded (the shared cache holds each encoding once).
  const shipped = sites.reduce(
    (n, s) => n + readdirSync(join(s.dir, 'dist/_astro')).filter((f) => /\.(avif|webp|jpe?g|png)$/.test(f)).length,
    0,
  )
  const encoded = existsSync(imageCache) ? readdirSync(imageCache).length : 0
  const mediaBytes = readdirSync(join(snapshots, 'media')).reduce((n, f) => n + statSync(join(snapshots, 'media', f)).size, 0)
  const snapshotFiles = readdirSync(join(snapshots, 'media')).length
  lines.push(
    `images : ${snapshotFiles} originaux dans l’instantané (${IMAGES} de charge + ${snapshotFiles - IMAGES} de la fixture, ` +
      `${(mediaBytes / 1024).toFixed(0)} kio) ; ${encoded} encodages AVIF/WebP/JPEG faits une fois, ${shipped} fichiers servis par les 5 sites`,
  )
} finally {
  rmSync(snapshots, { recursive: true, force: true })
  if (existsSync(backup)) renameSync(backup, snapshots)
  say('instantanés d’origine remis en place ; relancez « npm run rebuild » pour reconstruire les sites réels')
}
console.log(`\n[bench-sites] ${sites.length} sites × ${ARTICLES} articles, ${PAGES} pages\n${lines.map((l) => `  ${l}`).join('\n')}\n`)
