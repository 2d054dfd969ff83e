// The CMS in two processes on one machine (CLES_CMS_PROCESSES=2, cms/src/server/start.ts):
// its own seeded SQLite file, the built CMS started as `pnpm start` does. Each request
// goes on a new connection, so the primary hands them to the processes in turn.
import type { ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePort, runCms, startCms, stopProcess } from '../src/processes.ts'
import { RestClient } from '../src/restClient.ts'

const PASSWORD = 'processus-e2e-2026'
let dir: string
let base: string
let cms: ChildProcess | undefined

/** One request on a connection of its own (no keep-alive): status, cache header and body. */
function onNewConnection(method: string, path: string, body?: unknown) {
  return new Promise<{ status: number; cache: string | undefined; json: Record<string, unknown> }>((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body)
    const req = request(
      `${base}${path}`,
      { method, agent: false, headers: payload ? { 'Content-Type': 'application/json' } : {} },
      (res) => {
        let text = ''
        res.on('data', (chunk) => (text += chunk))
        res.on('end', () =>
          resolve({
            status: res.statusCode!,
            cache: res.headers['x-cles-cache'] as string | undefined,
            json: text ? JSON.parse(text) : {},
          }),
        )
      },
    )
    req.on('error', reject)
    req.setTimeout(15_000, () => req.destroy(new Error(`${method} ${path} : pas de réponse en 15 s`)))
    req.end(payload)
  })
}

/** The CMS processes serving this test's database, by their number (CLES_CMS_PROCESS). */
function cmsProcesses(): Map<string, number> {
  const found = new Map<string, number>()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    let environ: string
    try {
      environ = readFileSync(`/proc/${entry}/environ`, 'utf8')
    } catch {
      continue
    }
    const vars = environ.split('\0')
    const number = vars.find((v) => v.startsWith('CLES_CMS_PROCESS='))
    if (number && vars.includes(`DATABASE_URL=file:${join(dir, 'cms.db')}`)) found.set(number.split('=')[1]!, Number(entry))
  }
  return found
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cles-processus-'))
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: `file:${join(dir, 'cms.db')}`,
    CLES_MEDIA_DIR: join(dir, 'media'),
    PAYLOAD_SECRET: 'processus-secret-0123456789abcdef0123456789abcdef',
    SEED_PASSWORD: PASSWORD,
    CLES_CMS_PROCESSES: '2',
  }
  await runCms('prepare:db', [], env)
  const port = await freePort()
  cms = await startCms(env, port)
  base = `http://127.0.0.1:${port}`
  // Both processes up (the first answer may come before the second listens).
  for (let i = 0; i < 100 && cmsProcesses().size < 2; i++) await new Promise((r) => setTimeout(r, 200))
})

afterAll(() => {
  stopProcess(cms)
  rmSync(dir, { recursive: true, force: true })
})

describe('the CMS in two processes (CLES_CMS_PROCESSES=2)', () => {
  it('answers from two processes: each keeps its own anonymous cache, so two of four identical reads miss', async () => {
    const path = `/api/pages?limit=3&depth=0&processus=${Date.now()}`
    const caches = []
    for (let i = 0; i < 4; i++) caches.push((await onNewConnection('GET', path)).cache)
    expect(caches.filter((c) => c === 'miss')).toHaveLength(2)
    expect(caches.filter((c) => c === 'hit')).toHaveLength(2)
  })

  it('a write in one process clears the anonymous cache of the other at once', async () => {
    const admin = await RestClient.login(base, 'admin@cles.example', PASSWORD)
    const page = (await admin.request('GET', '/pages?limit=1&depth=0&where[_status][equals]=published')).json.docs as { id: number }[]
    const path = `/api/pages/${page[0]!.id}?depth=0`
    for (let i = 0; i < 4; i++) await onNewConnection('GET', path) // both processes keep the old title
    const title = `Titre lu par les deux processus ${Date.now()}`
    expect((await admin.request('PATCH', `/pages/${page[0]!.id}`, { title })).status).toBe(200)
    for (let i = 0; i < 4; i++) expect((await onNewConnection('GET', path)).json.title).toBe(title)
  })

  it('counts wrong passwords across both processes: the 11th try in 15 minutes is refused with 429, in French', async () => {
    const email = `inconnue-${Date.now()}@exemple.org`
    const statuses = []
    for (let i = 0; i < 10; i++)
      statuses.push((await onNewConnection('POST', '/api/users/login', { email, password: 'mauvais-mot-de-passe' })).status)
    expect(statuses).toEqual(Array(10).fill(401))
    const refused = await onNewConnection('POST', '/api/users/login', { email, password: 'mauvais-mot-de-passe' })
    expect(refused.status).toBe(429)
    expect(JSON.stringify(refused.json)).toContain('Trop de tentatives de connexion')
  })

  it('runs the scheduled jobs and the media sweep in process 1 only', () => {
    const processes = cmsProcesses()
    expect([...processes.keys()].sort()).toEqual(['1', '2'])
    const environ = (n: string) => readFileSync(`/proc/${processes.get(n)}/environ`, 'utf8').split('\0')
    expect(environ('1')).not.toContain('CLES_DISABLE_JOBS=1')
    expect(environ('2')).toContain('CLES_DISABLE_JOBS=1')
    expect(environ('2')).toContain('CLES_MEDIA_SWEEP=0')
  })

  it('starts again a process that was killed, and keeps answering meanwhile', async () => {
    const before = cmsProcesses().get('2')!
    process.kill(before, 'SIGKILL')
    // Once the primary has seen it go (it is no longer in /proc), process 1 answers alone.
    // (A connection handed over in the instant between the kill and that moment is lost, as with
    // any process that dies; a proxy answers 502 or 504 for it.)
    for (let i = 0; i < 100 && existsSync(`/proc/${before}`); i++) await new Promise((r) => setTimeout(r, 50))
    for (let i = 0; i < 6; i++) expect((await onNewConnection('GET', '/api/sites?limit=1&depth=0')).status).toBe(200)
    let after: number | undefined
    for (let i = 0; i < 150 && !(after && after !== before); i++) {
      await new Promise((r) => setTimeout(r, 200))
      after = cmsProcesses().get('2')
    }
    expect(after).toBeDefined()
    expect(after).not.toBe(before)
    // The new process serves too (once it listens): two of four identical reads miss again.
    let misses = 0
    for (let attempt = 0; attempt < 50 && misses !== 2; attempt++) {
      const path = `/api/sites?limit=2&depth=0&processus=${Date.now()}-${attempt}`
      misses = 0
      for (let i = 0; i < 4; i++) if ((await onNewConnection('GET', path)).cache === 'miss') misses++
      if (misses !== 2) await new Promise((r) => setTimeout(r, 200))
    }
    expect(misses).toBe(2)
  })

  it('stops every process when the primary gets SIGTERM (as systemd sends it)', async () => {
    const pids = [...cmsProcesses().values()]
    expect(pids).toHaveLength(2)
    // The primary is the parent of the processes (field 4 of /proc/<pid>/stat).
    const primary = Number(readFileSync(`/proc/${pids[0]}/stat`, 'utf8').split(') ')[1]!.split(' ')[1])
    expect(readFileSync(`/proc/${primary}/cmdline`, 'utf8')).toContain('src/server/start.ts')
    process.kill(primary, 'SIGTERM')
    pids.push(primary)
    const alive = (pid: number) => {
      try {
        process.kill(pid, 0)
        return true
      } catch {
        return false
      }
    }
    for (let i = 0; i < 100 && pids.some(alive); i++) await new Promise((r) => setTimeout(r, 200))
    expect(pids.filter(alive)).toEqual([])
  })
})
