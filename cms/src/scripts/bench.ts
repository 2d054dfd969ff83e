// CMS at scale: `npm run bench:cms [-- --news 10000 --seconds 10 --rates 20,40]`.
// Seeds a throw-away SQLite database with N news through the Local API (as the
// origin site's editor, access control on; the hub's news are proposed to the
// partner sites, as CLES does), measures create and update latency, then starts
// the built CMS and measures the REST list of 20 items (autocannon): anonymous
// with 10 connections, and signed in as each kind of staff with 1 and 10
// connections, both whole documents and the admin list view's columns only, and the columns
// at a steady pace (`--rates`: requests a second, at random moments, each sent without waiting for the others).
// `--db <folder>` measures again a database kept with `--keep` (no seeding).
// `--processes N` (or auto) runs the CMS in N processes (CLES_CMS_PROCESSES, docs/production.md section 9).
// Prints figures; asserts nothing.
import autocannon from 'autocannon'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { latencySummary as summary, pacedLatencies, percentile, startBuiltCms } from './benchServers'

const { values } = parseArgs({
  options: {
    keep: { type: 'boolean', default: false },
    db: { type: 'string' },
    news: { type: 'string', default: '10000' },
    updates: { type: 'string', default: '1000' },
    seconds: { type: 'string', default: '10' },
    rates: { type: 'string', default: '20,40' },
    processes: { type: 'string', default: '1' },
  },
})
const NEWS = Number(values.news)
const UPDATES = Number(values.updates)
const SECONDS = Number(values.seconds)
const PACED_RATES = values.rates.split(',').map(Number)

const reused = values.db !== undefined
const dir = reused ? path.resolve(values.db!) : mkdtempSync(path.join(tmpdir(), 'cles-bench-'))
process.env.DATABASE_URL = `file:${path.join(dir, 'bench.db')}`
process.env.CLES_MEDIA_DIR = path.join(dir, 'media')
process.env.PAYLOAD_SECRET = 'bench-secret-0123456789abcdef0123456789abcdef'

const results: string[] = []
if (!reused) await seedNews()

async function seedNews() {
  const { openPayload, closePayload } = await import('../lib/payload')
  const { seed } = await import('../seed')
  const payload = await openPayload()
  try {
    console.log(`[bench] base temporaire ${dir}`)
    await seed(payload, { password: 'bench-password-1' })
    const sites = (await payload.find({ collection: 'sites', limit: 10, depth: 0 })).docs
    const editors = await Promise.all(
      sites.map(async (site) => {
        const email = site.slug === 'cles' ? 'comms@cles.example' : `editor@${site.slug}.example`
        return { site, user: (await payload.find({ collection: 'users', where: { email: { equals: email } }, depth: 0 })).docs[0]! }
      }),
    )

    const partners = sites.filter((s) => !s.isHub).map((s) => s.id)
    const createTimes: number[] = []
    const ids: number[] = []
    const started = Date.now()
    for (let i = 0; i < NEWS; i++) {
      const { site, user } = editors[i % editors.length]!
      const t0 = performance.now()
      const doc = await payload.create({
        collection: 'news',
        data: {
          title: `Actualité de charge ${i}`,
          slug: `actualite-de-charge-${i}`,
          excerpt: 'Texte de charge pour mesurer le CMS.',
          originSite: site.id,
          targetSites: site.isHub ? partners : [],
          publishedAt: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString(),
          _status: 'published',
        },
        user,
        overrideAccess: false,
        depth: 0,
      })
      createTimes.push(performance.now() - t0)
      ids.push(doc.id as number)
      if ((i + 1) % 1000 === 0) console.log(`[bench] ${i + 1}/${NEWS} actualités créées (${((Date.now() - started) / 1000).toFixed(0)} s)`)
    }
    results.push(summary('API locale : création (accès actif)', createTimes))

    const updateTimes: number[] = []
    for (let i = 0; i < UPDATES; i++) {
      const index = (i * 7919) % ids.length
      const { user } = editors[index % editors.length]!
      const t0 = performance.now()
      await payload.update({
        collection: 'news',
        id: ids[index]!,
        data: { title: `Actualité modifiée ${i}` },
        user,
        overrideAccess: false,
        depth: 0,
      })
      updateTimes.push(performance.now() - t0)
    }
    results.push(summary('API locale : mise à jour', updateTimes))
  } finally {
    await closePayload(payload)
  }
}

// REST list through the built server (next start), anonymous reader.
const server = await startBuiltCms({ CLES_CMS_PROCESSES: values.processes })
try {
  const { base } = server
  const single = performance.now()
  const probe = await fetch(`${base}/api/news?limit=20&depth=0`)
  console.log(`[bench] une requête de liste : ${probe.status} en ${(performance.now() - single).toFixed(0)} ms`)
  const tokenOf = async (email: string) => {
    const login = await fetch(`${base}/api/users/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, password: 'bench-password-1' }),
    })
    return ((await login.json()) as { token: string }).token
  }
  const anonymousRuns: [string, string][] = [
    ['REST anonyme, liste de 20 (depth=0)', `${base}/api/news?limit=20&depth=0`],
    ['REST anonyme, liste de 20 (depth=1)', `${base}/api/news?limit=20`],
  ]
  const measure = async (label: string, url: string, headers: Record<string, string>, connections: number) => {
    await autocannon({ url, headers, connections: 2, duration: 2 }) // warm-up
    const result = await autocannon({ url, headers, connections, duration: SECONDS })
    results.push(
      `${label.padEnd(92)} ${String(connections).padStart(2)} connexion(s) : p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms  ` +
        `${result.requests.average.toFixed(0)} req/s  (erreurs ${result.errors + result.non2xx})`,
    )
  }
  for (const [label, url] of anonymousRuns) await measure(label, url, {}, 10)
  // Signed in, no cache: the list the admin shows (drafts included, newest first), per role,
  // for one person waiting (1 connection) and ten at once (10 connections).
  // The admin's list view asks only for its columns (News: enableListViewSelectAPI); /api/users/me
  // is the floor of any signed-in request (routing, JWT, user lookup, JSON).
  const adminList = `${base}/api/news?limit=20&depth=0&draft=true&sort=-publishedAt`
  // The columns the list view shows by default (News owns them; imported once the environment is set).
  const { News } = await import('../collections/News')
  const listColumns = (News.admin?.defaultColumns ?? []).map((c) => `&select[${c}]=true`).join('')
  const signedInRuns: [string, string][] = [
    ['liste de 20, documents entiers', adminList],
    ['liste de 20, colonnes de la vue liste', adminList + listColumns],
  ]
  for (const email of ['admin@cles.example', 'comms@cles.example', 'editor@maison-de-marthe.example']) {
    const headers = { Authorization: `JWT ${await tokenOf(email)}` }
    for (const [label, url] of signedInRuns) {
      for (const connections of [1, 10]) await measure(`REST connecté ${email}, ${label}`, url, headers, connections)
    }
    if (email === 'admin@cles.example') await measure(`REST connecté ${email}, /api/users/me`, `${base}/api/users/me`, headers, 10)
    // People clicking at their own pace (`--rates` lists a second in all, at random moments):
    // what an editor waits when the CMS is busy but not saturated.
    for (const rate of PACED_RATES) {
      await autocannon({ url: adminList + listColumns, headers, connections: 2, duration: 2 }) // warm-up
      await new Promise((r) => setTimeout(r, 1000)) // the server settles (garbage collection)
      const paced = await pacedLatencies(adminList + listColumns, headers, rate, SECONDS)
      const sorted = paced.latencies.sort((a, b) => a - b)
      results.push(
        `${`REST connecté ${email}, colonnes, ${rate} req/s à des moments au hasard`.padEnd(92)}` +
          `             p50 ${percentile(sorted, 50).toFixed(0)} ms  p99 ${percentile(sorted, 99).toFixed(0)} ms  ` +
          `${(sorted.length / SECONDS).toFixed(0)} req/s  (erreurs ${paced.failed})`,
      )
    }
  }
} finally {
  server.stop()
  if (values.keep || reused) console.log(`[bench] base conservée : ${dir}`)
  else rmSync(dir, { recursive: true, force: true })
}

const what = `${reused ? 'la base ' + dir : NEWS + ' actualités'} (SQLite), ${values.processes} processus`
console.log(`\n[bench] CMS avec ${what}\n${results.map((r) => `  ${r}`).join('\n')}\n`)
