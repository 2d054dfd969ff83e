// Structured logs (src/lib/log.ts): one JSON line per API request (over real
// HTTP, through the routes Next serves), per release and per job run, with staff
// ids and never an e-mail, a query string or a token; the admin's request proxy
// logs admin requests; the publisher process, Payload's own lines included,
// writes nothing but JSON lines.
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { NextRequest } from 'next/server'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { Publisher } from '../src/publish/publisher'
import { proxy } from '../src/proxy'
import { startHttpApi, type HttpApi } from './helpers/httpApi'
import { createStaff, createTestSite, startTempCms, type TempCms } from './helpers/tempCms'

const cmsDir = path.resolve(import.meta.dirname, '..')
const EMAIL = 'redactrice@journal.example'
const PASSWORD = 'a-long-password-1'
let cms: TempCms
let payload: Payload
let api: HttpApi
let site: { id: number; slug: string }
let editor: { id: number }
const savedEnv = { ...process.env }

type Line = Record<string, unknown> & { time: string; level: string; event: string }

/** Runs `action` and returns the lines written to stdout meanwhile: every one must be JSON. */
async function linesDuring(action: () => Promise<unknown>): Promise<{ raw: string; lines: Line[] }> {
  const chunks: string[] = []
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation(((chunk: unknown) => {
    chunks.push(String(chunk))
    return true
  }) as never)
  try {
    await action()
  } finally {
    spy.mockRestore()
  }
  const raw = chunks.join('')
  const lines = raw
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Line)
  return { raw, lines }
}

const requestLines = (lines: Line[], pathname: string) => lines.filter((l) => l.event === 'request' && l.path === pathname)

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as { port: number }).port
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

beforeAll(async () => {
  process.env.CLES_LOG_FORMAT = 'json'
  delete process.env.CLES_LOG_LEVEL
  // Kicks go nowhere: the tests drive the publisher themselves.
  process.env.CLES_PUBLISHER_URL = `http://127.0.0.1:${await freePort()}`
  cms = await startTempCms()
  payload = cms.payload
  site = (await createTestSite(payload, 'site-journal')) as { id: number; slug: string }
  editor = (await createStaff(payload, EMAIL, site.id, 'site-editor')) as { id: number }
  api = await startHttpApi(payload)
})
afterAll(async () => {
  await api?.close()
  await cms?.close()
  process.env = savedEnv
})

describe('one JSON line per API request', () => {
  it('signed in: method, path without the query string, status, duration and the staff id, never the e-mail', async () => {
    let token = ''
    const { raw, lines } = await linesDuring(async () => {
      const login = await fetch(`${api.url}/api/users/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
      })
      expect(login.status).toBe(200)
      token = ((await login.json()) as { token: string }).token
      const query = new URLSearchParams({ 'where[title][equals]': 'Écrire à redactrice@journal.example', limit: '5' })
      const list = await fetch(`${api.url}/api/news?${query}`, { headers: { authorization: `JWT ${token}` } })
      expect(list.status).toBe(200)
    })
    const [login, ...moreLogins] = requestLines(lines, '/api/users/login')
    expect(moreLogins).toEqual([])
    expect(login).toMatchObject({ level: 'info', method: 'POST', status: 200 })
    const [list, ...moreLists] = requestLines(lines, '/api/news')
    expect(moreLists).toEqual([])
    expect(list).toMatchObject({ level: 'info', event: 'request', method: 'GET', path: '/api/news', status: 200, user: editor.id })
    expect(typeof list!.durationMs).toBe('number')
    expect(Date.parse(list!.time)).toBeGreaterThan(Date.now() - 60_000)
    // Nothing personal anywhere: no e-mail (body, query), no password, no token.
    expect(raw).not.toMatch(/@|journal\.example|a-long-password|where/)
    expect(raw).not.toContain(token)
  })

  it('anonymous: no user, and a micro-cache hit says so', async () => {
    // The sign-in of the test before is a write: the cache clears again 250 ms after it commits.
    await new Promise((resolve) => setTimeout(resolve, 1000))
    const { lines } = await linesDuring(async () => {
      for (let i = 0; i < 2; i++) expect((await fetch(`${api.url}/api/sites?limit=1`)).status).toBe(200)
    })
    const [first, second, ...more] = requestLines(lines, '/api/sites')
    expect(more).toEqual([])
    expect(first).not.toHaveProperty('user')
    expect(first).toMatchObject({ status: 200, cache: 'miss' })
    expect(second).toMatchObject({ status: 200, cache: 'hit' })
  })

  it('a token or an e-mail in the path is replaced', async () => {
    const { raw, lines } = await linesDuring(async () => {
      await fetch(`${api.url}/api/users/verify/un-jeton-secret-0123`, { method: 'POST' })
      await fetch(`${api.url}/api/users/${encodeURIComponent(EMAIL)}`)
    })
    expect(requestLines(lines, '/api/users/verify/:jeton')).toHaveLength(1)
    expect(requestLines(lines, '/api/users/:courriel')).toHaveLength(1)
    expect(raw).not.toMatch(/un-jeton-secret|journal/)
  })

  it('admin requests get their line from the request proxy (method and path only)', async () => {
    const { raw, lines } = await linesDuring(async () => {
      proxy(new NextRequest(`http://localhost:3000/admin/collections/news?search=${encodeURIComponent(EMAIL)}`))
      proxy(new NextRequest('http://localhost:3000/admin/reset/un-jeton-de-reinitialisation'))
      // API requests are left to their route (which knows the status).
      proxy(new NextRequest('http://localhost:3000/api/news'))
    })
    expect(lines).toEqual([
      expect.objectContaining({ event: 'request', method: 'GET', path: '/admin/collections/news', kind: 'admin' }),
      expect.objectContaining({ event: 'request', method: 'GET', path: '/admin/reset/:jeton', kind: 'admin' }),
    ])
    expect(raw).not.toMatch(/journal|un-jeton/)
  })
})

/** A pnpm workspace whose only site "builds" in a few milliseconds. */
function fakeRepository(slug: string): string {
  const root = mkdtempSync(path.join(tmpdir(), 'cles-logs-repo-'))
  mkdirSync(path.join(root, 'sites', slug), { recursive: true })
  writeFileSync(path.join(root, 'package.json'), '{"name":"depot-essai","private":true}')
  writeFileSync(path.join(root, 'pnpm-workspace.yaml'), 'packages:\n  - sites/*\n')
  writeFileSync(
    path.join(root, 'sites', slug, 'package.json'),
    JSON.stringify({ name: `@essai/${slug}`, private: true, scripts: { build: 'node build.mjs' } }),
  )
  writeFileSync(
    path.join(root, 'sites', slug, 'build.mjs'),
    "import { mkdirSync, writeFileSync } from 'node:fs'\nmkdirSync('dist', { recursive: true })\n" +
      "writeFileSync('dist/index.html', '<h1>Accueil</h1>')\nwriteFileSync('dist/404.html', '<h1>Introuvable</h1>')\n",
  )
  return root
}

describe('one JSON line per release and per job', () => {
  it('a release: site, release id, state, duration, and no e-mail', async () => {
    await payload.delete({ collection: 'publications', where: { id: { exists: true } }, overrideAccess: true })
    await payload.create({
      collection: 'news',
      data: {
        title: 'Nouvelle du journal',
        slug: 'nouvelle-du-journal',
        publishedAt: new Date().toISOString(),
        originSite: site.id,
        _status: 'published',
      },
      user: editor as never,
      overrideAccess: false,
    })
    const root = fakeRepository('site-journal')
    const publisher = new Publisher(payload, { repoRoot: root, snapshotDir: path.join(root, '.snapshots'), releasesRoot: root })
    const { raw, lines } = await linesDuring(() => publisher.drain())
    const releases = lines.filter((l) => l.event === 'release')
    expect(releases).toHaveLength(1)
    const [publication] = (await payload.find({ collection: 'publications', depth: 0, overrideAccess: true })).docs
    expect(publication?.state).toBe('live')
    expect(releases[0]).toMatchObject({
      level: 'info',
      site: 'site-journal',
      state: 'live',
      release: publication!.release,
      publication: publication!.id,
      changes: 1,
    })
    expect(releases[0]!.msg).toBe(`site-journal : version ${publication!.release} en ligne (${releases[0]!.durationMs} ms)`)
    expect(releases[0]!.durationMs).toBeGreaterThan(0)
    expect(raw).not.toMatch(/@|journal\.example/)
  })

  it('a scheduled publication: task, document, outcome and duration', async () => {
    const draft = await payload.create({
      collection: 'news',
      draft: true,
      data: { title: 'Planifiée', slug: 'planifiee', publishedAt: new Date().toISOString(), originSite: site.id, _status: 'draft' },
      user: editor as never,
      overrideAccess: false,
    })
    await payload.jobs.queue({
      task: 'schedulePublish',
      input: {
        type: 'publish',
        doc: { relationTo: 'news', value: String(draft.id) as never },
        user: { relationTo: 'users', value: editor.id },
      },
    })
    const { raw, lines } = await linesDuring(() => payload.jobs.run())
    const jobs = lines.filter((l) => l.event === 'job')
    expect(jobs).toEqual([
      expect.objectContaining({
        level: 'info',
        task: 'schedulePublish',
        action: 'publish',
        collection: 'news',
        document: String(draft.id),
        state: 'succeeded',
        msg: `tâche planifiée faite : publication news #${draft.id}`,
      }),
    ])
    expect(typeof jobs[0]!.job).not.toBe('undefined')
    expect(raw).not.toMatch(/@/)
    expect((await payload.findByID({ collection: 'news', id: draft.id, depth: 0 }))._status).toBe('published')
  })
})

describe('the publisher process', () => {
  it('writes JSON lines only, Payload’s own lines included, when its output is not a terminal', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'cles-logs-publisher-'))
    // Neither CLES_LOG_FORMAT nor NODE_ENV: the default for a process whose output is not a terminal.
    const env: Record<string, string | undefined> = {
      ...Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'CLES_LOG_FORMAT' && name !== 'NODE_ENV')),
      CLES_PUBLISHER_URL: `http://127.0.0.1:${await freePort()}`,
      CLES_SNAPSHOT_DIR: path.join(root, 'snapshots'),
      CLES_RELEASES_ROOT: root,
      // An empty database of its own: Payload migrates it at start and logs each migration itself,
      // the lines whose format is checked below.
      DATABASE_URL: `file:${path.join(root, 'publisher.db')}`,
    }
    // As `pnpm run publisher` starts it: one Node process with tsx's loader (the tsx command would
    // add a parent process that relays signals, and gives up on a graceful stop on a loaded machine).
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/scripts/publisher.ts'], {
      cwd: cmsDir,
      env: env as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
    // Booting Payload takes seconds, minutes on a loaded machine.
    const deadline = Date.now() + 240_000
    while (!stdout.includes('prêt') && child.exitCode === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100))
    const ready = stdout.includes('prêt')
    child.kill('SIGTERM')
    const code = await exited
    expect(ready, `la publication n’a pas dit « prêt » :\n${stdout.slice(-2000)}\n${stderr.slice(-2000)}`).toBe(true)
    expect(code, `${stdout.slice(-1500)}\n${stderr.slice(-1500)}`).toBe(0)
    const lines = stdout.split('\n').filter(Boolean)
    const parsed = lines.map((line) => {
      try {
        return JSON.parse(line) as Line
      } catch {
        throw new Error(`ligne qui n’est pas du JSON : ${line}`)
      }
    })
    for (const line of parsed) {
      expect(line).toEqual(expect.objectContaining({ time: expect.any(String), level: expect.any(String), event: expect.any(String) }))
    }
    expect(parsed.some((l) => l.event === 'payload' && /^Migrat/.test(String(l.msg)))).toBe(true)
    expect(parsed.filter((l) => l.event === 'publisher').map((l) => l.msg)).toEqual([
      expect.stringMatching(/^prêt : les modifications du CMS sont mises en ligne automatiquement/),
      'arrêt demandé : la publication en cours se termine',
    ])
  }, 300_000)
})
