// A document is written whole or not at all. Each Payload write on SQLite is one
// transaction (lib/database.ts, lib/sqliteWriteLock.ts): another process reading
// the file meanwhile (a backup, the publisher) never finds a news item without
// its title or without its version, writers of the same process take turns
// instead of failing on the lock, and no connection is left open per write.
import { execFile } from 'node:child_process'
import { readdirSync } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import type { Payload } from 'payload'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createTestSite, startTempCms, type TempCms } from './helpers/tempCms'

const run = promisify(execFile)
let cms: TempCms
let payload: Payload
let site: { id: number }
const quiet = { overrideAccess: true, context: { disablePublication: true } } as const

beforeAll(async () => {
  cms = await startTempCms()
  payload = cms.payload
  site = await createTestSite(payload, 'entiere')
}, 120_000)

afterAll(async () => {
  await cms?.close()
})

it('another process reading during concurrent creates never finds a half-written news item', async () => {
  const file = process.env.DATABASE_URL!.slice('file:'.length)
  const probeMs = 4000
  const probe = run(process.execPath, [path.join(__dirname, 'helpers', 'wholeDocumentProbe.mjs'), file, String(probeMs)], {
    cwd: path.join(__dirname, '..'),
  })
  const openFiles = () => readdirSync('/proc/self/fd').length
  const filesBefore = openFiles()
  const created: number[] = []
  const until = Date.now() + probeMs
  const writer = async (w: number) => {
    for (let i = 0; Date.now() < until; i++) {
      const doc = await payload.create({
        collection: 'news',
        data: {
          title: `Entière ${w}-${i}`,
          slug: `entiere-${w}-${i}`,
          originSite: site.id,
          publishedAt: new Date().toISOString(),
          _status: i % 2 ? 'draft' : 'published',
        } as never,
        draft: i % 2 === 1,
        ...quiet,
      })
      created.push(doc.id)
      // Let the event loop turn between two saves, as a server does between requests.
      await new Promise((resolve) => setImmediate(resolve))
    }
  }
  // Three writers at once in this process: none fails on the lock.
  await Promise.all([writer(1), writer(2), writer(3)])
  const seen = JSON.parse((await probe).stdout) as { reads: number; halfWritten: number; example: unknown }
  console.log(`[écritures entières] ${created.length} actualités créées, ${seen.reads} lectures d'un autre processus`)
  expect(created.length).toBeGreaterThan(30)
  expect(seen.reads).toBeGreaterThan(100)
  expect(seen, 'actualité à moitié écrite vue par un autre processus').toMatchObject({ halfWritten: 0 })
  // One or two connections serve every transaction: none leaked per write (libsql's own
  // transactions left one open each, and ran out of file descriptors after ~9,000 saves).
  const client = (payload.db as unknown as { client: { clesTransactionConnections: () => number } }).client
  expect(client.clesTransactionConnections()).toBeLessThanOrEqual(2)
  expect(openFiles() - filesBefore, 'descripteurs de fichiers ouverts en plus').toBeLessThan(20)
  // Every one of them is whole.
  const { docs } = await payload.find({ collection: 'news', where: { id: { in: created } }, limit: 0, depth: 0, draft: true, ...quiet })
  expect(docs).toHaveLength(created.length)
  expect(docs.every((d) => typeof d.title === 'string' && d.title.startsWith('Entière'))).toBe(true)
}, 120_000)
