// Readers and editors at once: `npm run bench:load [-- --readers 200 --editors 10 --seconds 30]`.
// Seeds a throw-away SQLite database, starts the built CMS (`next start`) and
// the publisher as `npm start` does, waits for the first release of the five
// sites, then, for the same period:
//   - N readers (autocannon connections spread over the five static sites,
//     served from their live releases by the production static server) read
//     the home page, the news index, an article and the resources page;
//   - M editors (the demo staff accounts) each in a loop create a draft news
//     item through the REST API, save it again, then publish it — which queues
//     real releases the publisher builds while the readers read.
// Prints throughput, latency percentiles and every failure; asserts nothing.
import { routePath } from '@cles/content'
import { serveStatic } from '@cles/static-server'
import autocannon from 'autocannon'
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import type { Server } from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { freePort, latencySummary, startBuiltCms, stopGroup } from './benchServers'

const { values } = parseArgs({
  options: {
    readers: { type: 'string', default: '200' },
    editors: { type: 'string', default: '10' },
    seconds: { type: 'string', default: '30' },
    keep: { type: 'boolean', default: false },
  },
})
const READERS = Number(values.readers)
const EDITORS = Number(values.editors)
const SECONDS = Number(values.seconds)
const PASSWORD = 'bench-password-1'

const dir = mkdtempSync(path.join(tmpdir(), 'cles-bench-load-'))
const env = {
  DATABASE_URL: `file:${path.join(dir, 'bench.db')}`,
  CLES_MEDIA_DIR: path.join(dir, 'media'),
  PAYLOAD_SECRET: 'bench-secret-0123456789abcdef0123456789abcdef',
  CLES_SNAPSHOT_DIR: path.join(dir, 'snapshots'),
  CLES_RELEASES_ROOT: path.join(dir, 'releases'),
  CLES_PUBLISHER_URL: `http://127.0.0.1:${await freePort()}`,
}
Object.assign(process.env, env, { CLES_DISABLE_JOBS: '1' })
const say = (message: string) => console.log(`[bench-load] ${message}`)

const { openPayload, closePayload } = await import('../lib/payload')
const { seed } = await import('../seed')
const { system } = await import('../seed/system')
const payload = await openPayload()
await seed(payload, { password: PASSWORD })
const sites = (await payload.find({ collection: 'sites', limit: 10, depth: 0, ...system })).docs
// The seed queues nothing (it writes in bulk): ask for a first release of every site.
for (const site of sites) {
  await payload.create({
    collection: 'publications',
    data: { site: site.id, state: 'pending', requestedAt: new Date().toISOString(), summary: 'Banc d’essai : première version' },
    ...system,
  })
}
const articleSlug = new Map<string, string>()
for (const site of sites) {
  const { docs } = await payload.find({
    collection: 'news',
    where: { and: [{ originSite: { equals: site.id } }, { _status: { equals: 'published' } }] },
    limit: 1,
    depth: 0,
    ...system,
  })
  articleSlug.set(site.slug, docs[0]?.slug ?? '')
}
await closePayload(payload)

const cms = await startBuiltCms()
const publisher = spawn('pnpm', ['run', 'publisher'], { env: { ...process.env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
let publisherLog = ''
publisher.stdout.on('data', (chunk) => (publisherLog += chunk))
publisher.stderr.on('data', (chunk) => (publisherLog += chunk))
const servers: Server[] = []
const results: string[] = []
try {
  say(`CMS ${cms.base} ; première version des ${sites.length} sites en construction…`)
  const started = Date.now()
  const current = (slug: string) => path.join(env.CLES_RELEASES_ROOT, '.releases', slug, 'current')
  while (!sites.every((site) => existsSync(current(site.slug)))) {
    if (Date.now() - started > 900_000) throw new Error(`les sites ne sont pas publiés après 15 min :\n${publisherLog.slice(-3000)}`)
    await new Promise((r) => setTimeout(r, 500))
  }
  say(`sites en ligne (${((Date.now() - started) / 1000).toFixed(0)} s)`)
  const siteUrls = await Promise.all(
    sites.map(async (site) => {
      const server = await serveStatic({ dir: current(site.slug), port: 0 })
      servers.push(server)
      const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`
      const paths = [routePath('home'), routePath('news'), routePath('resources')]
      if (articleSlug.get(site.slug)) paths.push(routePath('article', 'fr', { slug: articleSlug.get(site.slug)! }))
      return { base, paths }
    }),
  )

  // Editors: the demo staff who may publish, each on their own site.
  const { docs: staff } = await fetch(`${cms.base}/api/users?limit=100&depth=0`, {
    headers: { Authorization: `JWT ${await login('admin@cles.example')}` },
  }).then((r) => r.json() as Promise<{ docs: { email: string; memberships?: { site: number; role: string }[] }[] }>)
  const hub = sites.find((site) => site.slug === 'cles')!
  const editors = staff
    .filter((user) => user.email.startsWith('admin@') || user.email.startsWith('editor@') || user.email.startsWith('comms@'))
    .slice(0, EDITORS)
    .map((user) => ({ email: user.email, site: user.memberships?.find((m) => m.role !== 'contributor')?.site ?? hub.id }))
  const tokens = await Promise.all(editors.map((editor) => login(editor.email)))

  const editorTimes: number[] = []
  const editorFailures: string[] = []
  let editorSaves = 0
  const deadline = Date.now() + SECONDS * 1000
  const timed = async (what: string, request: () => Promise<Response>) => {
    const t0 = performance.now()
    const response = await request().catch((error: Error) => ({ ok: false, status: 0, text: async () => error.message }) as Response)
    editorTimes.push(performance.now() - t0)
    editorSaves++
    if (!response.ok) editorFailures.push(`${what} : ${response.status} ${(await response.text()).slice(0, 200)}`)
    return response
  }
  const editorLoop = async (index: number) => {
    const headers = { Authorization: `JWT ${tokens[index]}`, 'Content-Type': 'application/json' }
    for (let round = 0; Date.now() < deadline; round++) {
      const slug = `charge-${index}-${round}`
      const created = await timed('brouillon', () =>
        fetch(`${cms.base}/api/news?draft=true&depth=0`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ title: `Charge ${index}-${round}`, slug, excerpt: 'Texte de charge.', originSite: editors[index]!.site }),
        }),
      )
      if (!created.ok) continue
      const { doc } = (await created.json()) as { doc: { id: number } }
      await timed('enregistrement', () =>
        fetch(`${cms.base}/api/news/${doc.id}?draft=true&depth=0`, {
          method: 'PATCH',
          headers,
          body: JSON.stringify({ excerpt: 'Texte revu.' }),
        }),
      )
      await timed('publication', () =>
        fetch(`${cms.base}/api/news/${doc.id}?depth=0`, {
          method: 'PATCH',
          headers,
          body: JSON.stringify({ _status: 'published', publishedAt: new Date().toISOString() }),
        }),
      )
    }
  }

  say(`${READERS} lecteurs et ${editors.length} éditeurs pendant ${SECONDS} s…`)
  const perSite = Math.max(1, Math.round(READERS / siteUrls.length))
  const [readerRuns] = await Promise.all([
    Promise.all(
      siteUrls.map(({ base, paths }) =>
        autocannon({ url: base, connections: perSite, duration: SECONDS, requests: paths.map((p) => ({ method: 'GET', path: p })) }),
      ),
    ),
    Promise.all(editors.map((_, index) => editorLoop(index))),
  ])
  const requests = readerRuns.reduce((sum, run) => sum + run.requests.total, 0)
  const failures = readerRuns.reduce((sum, run) => sum + run.errors + run.timeouts + run.non2xx, 0)
  results.push(
    `lecteurs : ${perSite * siteUrls.length} connexions sur ${siteUrls.length} sites, ${requests} requêtes en ${SECONDS} s ` +
      `(${(requests / SECONDS).toFixed(0)} req/s), p50 ${Math.max(...readerRuns.map((r) => r.latency.p50))} ms, ` +
      `p99 ${Math.max(...readerRuns.map((r) => r.latency.p99))} ms (pire site), échecs ${failures}`,
    `${latencySummary(`éditeurs : ${editors.length} en parallèle`, editorTimes)}`,
    `éditeurs : ${editorSaves} écritures (${(editorSaves / SECONDS).toFixed(1)} /s), échecs ${editorFailures.length}`,
    ...editorFailures.slice(0, 10).map((failure) => `  échec : ${failure}`),
    `versions publiées pendant la charge : ${(publisherLog.match(/en ligne/g) ?? []).length}`,
  )
} finally {
  for (const server of servers) server.close()
  stopGroup(publisher)
  cms.stop()
  if (values.keep) say(`dossier conservé : ${dir}`)
  else rmSync(dir, { recursive: true, force: true })
}
console.log(`\n[bench-load]\n${results.map((line) => `  ${line}`).join('\n')}\n`)

async function login(email: string): Promise<string> {
  const response = await fetch(`${cms.base}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  })
  if (!response.ok) throw new Error(`connexion de ${email} refusée : ${response.status}`)
  return ((await response.json()) as { token: string }).token
}
