// Draft lists (the admin's news and pages lists) read the latest versions in
// the order a person asks for by clicking a column header, from an index: no
// sort of every row (10 to 15 ms per list of 20 at 10,000 news without one).
// The query checked is the one Payload itself sends, asked to SQLite with
// EXPLAIN QUERY PLAN.
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestSite, startTempCms, type TempCms } from './helpers/tempCms'

let cms: TempCms
let payload: Payload

interface Statement {
  sql: string
  args?: unknown[]
}
type Client = { execute: (query: string | Statement) => Promise<{ rows: Record<string, unknown>[] }> }
const client = () => (payload.db as unknown as { client: Client }).client

beforeAll(async () => {
  cms = await startTempCms()
  payload = cms.payload
  const site = await createTestSite(payload, 'tri')
  for (let i = 0; i < 3; i++) {
    const data = { title: `Tri ${i}`, slug: `tri-${i}`, _status: 'draft' as const }
    await payload.create({ collection: 'news', data: { ...data, originSite: site.id }, draft: true, context: { disablePublication: true } })
    await payload.create({ collection: 'pages', data: { ...data, site: site.id }, draft: true, context: { disablePublication: true } })
  }
}, 120_000)
afterAll(async () => cms?.close())

/** The statement that reads one page of the draft list in `sort` order, as Payload sends it. */
async function listQuery(collection: 'news' | 'pages', sort: string): Promise<Statement> {
  const seen: Statement[] = []
  const original = client().execute.bind(client())
  client().execute = async (query) => {
    seen.push(typeof query === 'string' ? { sql: query } : query)
    return original(query)
  }
  try {
    const { docs } = await payload.find({ collection, draft: true, limit: 20, depth: 0, sort })
    expect(docs).toHaveLength(3)
  } finally {
    client().execute = original
  }
  const query = seen.find((q) => /order by/i.test(q.sql) && /"latest" = \?/.test(q.sql))
  if (!query) throw new Error(`aucune requête de liste triée pour ${collection} ${sort}`)
  return query
}

/** The plan's top-level steps (the correlated subqueries that gather each row's relations have their own). */
async function plan(query: Statement): Promise<string[]> {
  const { rows } = await client().execute({ sql: `EXPLAIN QUERY PLAN ${query.sql}`, args: query.args ?? [] })
  return rows.filter((row) => Number(row.parent) === 0).map((row) => String(row.detail))
}

const SORTS = {
  news: ['-publishedAt', 'publishedAt', '-updatedAt', 'updatedAt', '-createdAt', '_status', '-_status', 'originSite', '-originSite'],
  pages: ['-updatedAt', 'updatedAt', '-createdAt', '_status', '-_status', 'site', '-site', 'path', '-path'],
} as const

describe.each(Object.entries(SORTS))('the %s draft list', (collection, sorts) => {
  it.each(sorts)('sorted by %s reads an index in order', async (sort) => {
    const steps = await plan(await listQuery(collection as 'news' | 'pages', sort))
    expect(steps.join(' | ')).toMatch(/USING (COVERING )?INDEX \S+_latest_/)
    // « RIGHT PART OF ORDER BY » (the created_at tie-break within equal dates) is fine; sorting every row is not.
    expect(steps).not.toContain('USE TEMP B-TREE FOR ORDER BY')
  })
})
