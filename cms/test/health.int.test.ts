// GET /api/health over real HTTP, as a reverse proxy or a monitor asks it: no
// sign-in, nothing personal, never cached (not even by the anonymous
// micro-cache), 503 with French reasons when the publication queue no longer
// moves or the database does not answer, and the publisher's last release.
import { mkdtempSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Publisher } from '../src/publish/publisher'
import { startHttpApi, type HttpApi } from './helpers/httpApi'
import { createStaff, createTestSite, startTempCms, type TempCms } from './helpers/tempCms'

let cms: TempCms
let payload: Payload
let api: HttpApi
let site: { id: number }
let publisherPort: number
const savedEnv = { ...process.env }

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as { port: number }).port
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

async function health() {
  const response = await fetch(`${api.url}/api/health`)
  const text = await response.text()
  return { status: response.status, headers: response.headers, text, body: JSON.parse(text) }
}

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString()

async function clearQueue() {
  await payload.delete({ collection: 'publications', where: { id: { exists: true } }, overrideAccess: true })
}

beforeAll(async () => {
  // Nothing listens there until a test starts a publisher.
  publisherPort = await freePort()
  process.env.CLES_PUBLISHER_URL = `http://127.0.0.1:${publisherPort}`
  process.env.CLES_LOG_FORMAT = 'json'
  delete process.env.CLES_HEALTH_PENDING_MAX_MS
  delete process.env.CLES_SITE_BUILD_TIMEOUT_MS
  cms = await startTempCms()
  payload = cms.payload
  site = (await createTestSite(payload, 'site-sante')) as { id: number }
  await createStaff(payload, 'personne@sante.example', site.id, 'site-editor')
  api = await startHttpApi(payload)
})
afterAll(async () => {
  await api?.close()
  await cms?.close().catch(() => {})
  process.env = savedEnv
})

describe('GET /api/health', () => {
  it('answers 200 without signing in, with nothing personal, and is never cached', async () => {
    await clearQueue()
    const first = await health()
    expect(first.status).toBe(200)
    expect(first.body).toMatchObject({
      status: 'ok',
      reasons: [],
      database: { ok: true },
      queue: { ok: true, pending: 0, running: 0, oldestPendingSeconds: null },
      publisher: { reachable: false },
    })
    expect(first.headers.get('cache-control')).toBe('no-store')
    expect(first.text).not.toMatch(/@/)
    // The second answer is computed again: the anonymous micro-cache did not keep the first.
    const second = await health()
    expect(second.headers.get('x-cles-cache')).toBeNull()
    expect(second.body.time).not.toBe(first.body.time)
  })

  it('says 503, in French, when a publication has waited longer than the limit, and 200 once it moves', async () => {
    await clearQueue()
    const stuck = await payload.create({
      collection: 'publications',
      data: { site: site.id, state: 'pending', requestedAt: minutesAgo(20) },
      overrideAccess: true,
    })
    const waiting = await health()
    expect(waiting.status).toBe(503)
    expect(waiting.body.status).toBe('error')
    expect(waiting.body.queue).toMatchObject({ ok: false, pending: 1 })
    expect(waiting.body.queue.oldestPendingSeconds).toBeGreaterThanOrEqual(20 * 60 - 5)
    expect(waiting.body.reasons).toEqual([
      expect.stringMatching(/^File de publication bloquée : une publication attend depuis 20 min \(limite 15 min\)/),
    ])
    expect(waiting.headers.get('cache-control')).toBe('no-store')

    // A shorter wait is normal (other sites building): healthy.
    await payload.update({ collection: 'publications', id: stuck.id, data: { requestedAt: minutesAgo(2) }, overrideAccess: true })
    expect((await health()).status).toBe(200)

    // The limit is configurable.
    process.env.CLES_HEALTH_PENDING_MAX_MS = String(60_000)
    try {
      expect((await health()).status).toBe(503)
    } finally {
      delete process.env.CLES_HEALTH_PENDING_MAX_MS
    }
    await payload.update({ collection: 'publications', id: stuck.id, data: { state: 'live' }, overrideAccess: true })
    expect((await health()).status).toBe(200)
  })

  it('says 503 when a publication has run longer than the build limit plus the export margin', async () => {
    await clearQueue()
    const running = await payload.create({
      collection: 'publications',
      data: { site: site.id, state: 'running', requestedAt: minutesAgo(61), startedAt: minutesAgo(60) },
      overrideAccess: true,
    })
    const stuck = await health()
    expect(stuck.status).toBe(503)
    expect(stuck.body.reasons).toEqual([
      expect.stringMatching(/^Publication bloquée : une publication est en cours depuis 60 min \(limite 12 min\)/),
    ])
    // Within the build limit (10 min by default, CLES_SITE_BUILD_TIMEOUT_MS): healthy.
    await payload.update({ collection: 'publications', id: running.id, data: { startedAt: minutesAgo(5) }, overrideAccess: true })
    expect((await health()).body).toMatchObject({ status: 'ok', queue: { running: 1 } })
    process.env.CLES_SITE_BUILD_TIMEOUT_MS = String(60_000)
    try {
      expect((await health()).body.reasons).toEqual([expect.stringMatching(/limite 3 min/)])
    } finally {
      delete process.env.CLES_SITE_BUILD_TIMEOUT_MS
    }
    await clearQueue()
  })

  it('reports the publisher when it answers on its port, with its last release', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cles-health-publisher-'))
    const publisher = new Publisher(payload, { repoRoot: dir, snapshotDir: path.join(dir, 'snapshots'), releasesRoot: dir, log: () => {} })
    await publisher.listen(publisherPort)
    try {
      expect((await health()).body.publisher).toEqual({ reachable: true, busy: false })
      // A site with no project and no generic project here: the release fails, and says so.
      await payload.create({
        collection: 'publications',
        data: { site: site.id, state: 'pending', requestedAt: new Date().toISOString() },
        overrideAccess: true,
      })
      await publisher.drain()
      const report = await health()
      expect(report.status).toBe(200)
      expect(report.body.publisher).toMatchObject({
        reachable: true,
        busy: false,
        lastRelease: { site: 'site-sante', state: 'failed', release: null },
      })
      expect(report.body.publisher.lastRelease.durationMs).toBeGreaterThanOrEqual(0)
    } finally {
      await publisher.stop()
    }
    expect((await health()).body.publisher).toEqual({ reachable: false })
  })

  it('says 503 when the database does not answer (last: it closes the database)', async () => {
    await payload.db.destroy?.()
    const down = await health()
    expect(down.status).toBe(503)
    expect(down.body).toMatchObject({ status: 'error', database: { ok: false }, queue: { ok: false } })
    expect(down.body.reasons).toEqual(['La base de données ne répond pas : le CMS ne peut ni lire ni enregistrer.'])
    // Driver details (paths, messages) stay in the server log.
    expect(down.text).not.toContain(cms.dir)
  })
})
