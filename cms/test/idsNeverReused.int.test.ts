// Ids are never reused: snapshots, releases, the publication log, the audit
// trail and open admin tabs keep ids outside the database, so a deleted
// document's id must never come back for a new one. Databases created before
// (tables without AUTOINCREMENT) are migrated without losing a row or a link.
import { sql } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrations } from '../src/migrations'
import type { Page } from '../src/payload-types'
import { createStaff, createTestSite, startTempCms, type TempCms } from './helpers/tempCms'

let cms: TempCms
let payload: Payload
let site: { id: number }
const quiet = { overrideAccess: true, context: { disablePublication: true } } as const
const idsIndex = migrations.findIndex((m) => m.name.endsWith('_ids_never_reused'))
const idsMigration = migrations[idsIndex]!
/** Migrations after it: undone first (in reverse) so its `down` meets the schema it was written for, redone after. */
const later = migrations.slice(idsIndex + 1)

type Drizzle = { all: (query: unknown) => Promise<Record<string, unknown>[]> }
const drizzle = () => (payload.db as unknown as { drizzle: Drizzle }).drizzle

async function rowCounts(): Promise<Record<string, number>> {
  const tables = await drizzle().all(sql`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
  const counts: Record<string, number> = {}
  for (const { name } of tables) {
    const [row] = await drizzle().all(sql.raw(`SELECT count(*) AS n FROM "${String(name)}"`))
    counts[String(name)] = Number(row?.n)
  }
  return counts
}

async function rawPageAfterDeletingOne(slug: string) {
  const now = new Date().toISOString()
  const insert = async (suffix: string) => {
    const [row] = await drizzle().all(
      sql`INSERT INTO pages (site_id, slug, path, updated_at, created_at, _status)
          VALUES (${site.id}, ${slug + suffix}, ${`/${slug}${suffix}/`}, ${now}, ${now}, 'draft') RETURNING id`,
    )
    return Number(row!.id)
  }
  const deleted = await insert('-1')
  await drizzle().all(sql`DELETE FROM pages WHERE id = ${deleted}`)
  return { deleted, next: await insert('-2') }
}

async function newPageAfterDeletingOne(title: string) {
  const page = await payload.create({
    collection: 'pages',
    data: { title, slug: `${title}-1`, site: site.id } as Page,
    draft: true,
    ...quiet,
  })
  await payload.delete({ collection: 'pages', id: page.id, ...quiet })
  const next = await payload.create({
    collection: 'pages',
    data: { title, slug: `${title}-2`, site: site.id } as Page,
    draft: true,
    ...quiet,
  })
  return { deleted: page.id, next: next.id }
}

beforeAll(async () => {
  process.env.CLES_PUBLISHER_URL = 'http://127.0.0.1:9'
  cms = await startTempCms()
  payload = cms.payload
  site = (await createTestSite(payload, 'ids')) as { id: number }
})
afterAll(async () => cms?.close())

describe('ids', () => {
  it('a deleted document’s id is never given to the next one', async () => {
    const { deleted, next } = await newPageAfterDeletingOne('fresh')
    expect(next).toBeGreaterThan(deleted)
  })

  it('a database created before (tables without AUTOINCREMENT) migrates without losing a row or a link, then never reuses ids', async () => {
    const req = { payload } as never
    // Content with links between tables (versions, localised rows, relations, memberships), written by today's code.
    const user = await createStaff(payload, 'ids@example.org', site.id, 'site-editor')
    await payload.create({
      collection: 'news',
      data: { title: 'Liée', slug: 'liee', originSite: site.id, _status: 'published' } as never,
      ...quiet,
    })
    // Back to the schema the migration was written for.
    for (const migration of [...later].reverse()) await migration.down({ db: drizzle(), payload, req } as never)
    await idsMigration.down({ db: drizzle(), payload, req } as never)
    // The old behaviour, to be sure the test can tell: the deleted id comes back (rows written
    // in SQL, as today's code writes columns added after that schema).
    const before = await rawPageAfterDeletingOne('old')
    expect(before.next).toBe(before.deleted)
    const counts = await rowCounts()

    // Up through Payload's own runner, as an upgrade runs it: inside a transaction the PRAGMA that
    // turns foreign keys off would do nothing, and each DROP TABLE would cascade to its children.
    await drizzle().all(sql`DELETE FROM payload_migrations WHERE name = ${idsMigration.name}`)
    await payload.db.migrate({ migrations: [idsMigration] as never })
    expect(await rowCounts()).toEqual(counts)
    for (const migration of later) await migration.up({ db: drizzle(), payload, req } as never)
    expect(await drizzle().all(sql`PRAGMA foreign_key_check`)).toEqual([])
    const reread = await payload.findByID({ collection: 'users', id: user.id, depth: 0 })
    expect(reread.memberships?.[0]?.site).toBe(site.id)
    const after = await newPageAfterDeletingOne('migrated')
    expect(after.next).toBeGreaterThan(after.deleted)
  })
})
