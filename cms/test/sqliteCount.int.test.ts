// A team's lists count each document once: its own items and the items proposed
// to its sites, even one proposed to two of them. The team's filter reads the
// stored key of reading sites (fields/readerSites.ts), without a join; a filter
// that does join the relations table (on the proposed sites) is counted with
// `count(distinct id)` (lib/sqliteCount.ts) instead of Payload's slower window
// over groups; lists without a join keep a plain COUNT(*). A count is kept
// while no row changes anywhere (this process's writes, its transactions,
// another process), and only for the very same question.
import Libsql from 'libsql'
import path from 'node:path'
import type { Payload } from 'payload'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { forgetKeptCounts } from '../src/lib/sqliteCount'
import { createMember, createStaff, createTestSite, startTempCms, type TempCms } from './helpers/tempCms'

let cms: TempCms
let payload: Payload
let team: { id: number }
let idle: { id: number }
let hubId = 0
const teamSites = { a: 0, b: 0 }
const visibleToTeam = new Set<number>()

type Client = { execute: (query: string | { sql: string }) => Promise<unknown> }
const client = () => (payload.db as unknown as { client: Client }).client

beforeAll(async () => {
  cms = await startTempCms()
  payload = cms.payload
  const hub = await createTestSite(payload, 'compte-hub')
  hubId = hub.id as number
  const a = await createTestSite(payload, 'compte-a')
  const b = await createTestSite(payload, 'compte-b')
  const elsewhere = await createTestSite(payload, 'compte-ailleurs')
  const quiet = await createTestSite(payload, 'compte-calme')
  teamSites.a = a.id as number
  teamSites.b = b.id as number
  team = await createMember(payload, 'equipe@compte.example', [
    { site: a.id, role: 'site-editor' },
    { site: b.id, role: 'contributor' },
  ])
  idle = await createStaff(payload, 'calme@compte.example', quiet.id, 'site-editor')
  let n = 0
  const news = async (originSite: number, targetSites: number[], status: 'draft' | 'published' = 'published') => {
    n++
    const data = {
      title: `Compte ${n}`,
      slug: `compte-${n}`,
      originSite,
      targetSites,
      publishedAt: new Date(Date.UTC(2026, 0, n)).toISOString(),
      _status: status,
    }
    const context = { disablePublication: true }
    const doc =
      status === 'draft'
        ? await payload.create({ collection: 'news', data, draft: true, context })
        : await payload.create({ collection: 'news', data, context })
    return doc.id as number
  }
  // Proposed to both of the team's sites: two joined rows, one item.
  visibleToTeam.add(await news(hub.id, [a.id, b.id]))
  visibleToTeam.add(await news(hub.id, [a.id, b.id, elsewhere.id], 'draft'))
  visibleToTeam.add(await news(hub.id, [b.id]))
  visibleToTeam.add(await news(a.id, []))
  visibleToTeam.add(await news(a.id, [], 'draft'))
  visibleToTeam.add(await news(b.id, [a.id]))
  // Not the team's: another site's items, and items proposed elsewhere only.
  await news(hub.id, [elsewhere.id])
  await news(elsewhere.id, [])
  await news(hub.id, [])
}, 120_000)
afterAll(async () => cms?.close())

/** The SQL statements Payload sends while `run` works. */
async function statementsOf(run: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = []
  const original = client().execute.bind(client())
  client().execute = async (query) => {
    seen.push(typeof query === 'string' ? query : query.sql)
    return original(query)
  }
  try {
    await run()
  } finally {
    client().execute = original
  }
  return seen
}

const teamList = (page: number, limit: number, user = team) =>
  payload.find({ collection: 'news', user, overrideAccess: false, draft: true, depth: 0, limit, page, sort: '-publishedAt' })

const countsOf = (statements: string[]) => statements.filter((sql) => /^select count\(/i.test(sql))

describe('a team’s news list', () => {
  // Each test here looks at the count's SQL: none is taken from an earlier test.
  beforeEach(() => forgetKeptCounts())

  it('counts each item it sees once, even one proposed to two of its sites', async () => {
    const first = await teamList(1, 4)
    const second = await teamList(2, 4)
    const seen = [...first.docs, ...second.docs].map((d) => d.id)
    expect(new Set(seen)).toEqual(visibleToTeam)
    expect(seen).toHaveLength(visibleToTeam.size)
    expect(first.totalDocs).toBe(visibleToTeam.size)
    expect(first.totalPages).toBe(2)
    expect(second.hasNextPage).toBe(false)
  })

  it('counts the same in the documents table (the API without drafts) and through count', async () => {
    const documents = await payload.find({ collection: 'news', user: team, overrideAccess: false, depth: 0, limit: 1 })
    expect(documents.totalDocs).toBe(visibleToTeam.size)
    expect(await payload.count({ collection: 'news', user: team, overrideAccess: false })).toEqual({ totalDocs: visibleToTeam.size })
  })

  it('counts nothing for a team whose sites have no item', async () => {
    const empty = await teamList(1, 20, idle)
    expect(empty.docs).toEqual([])
    expect(empty.totalDocs).toBe(0)
  })

  it('is counted with count(distinct id) when the filter joins, with COUNT(*) when it does not', async () => {
    // A filter on the proposed sites joins the relations table (the dashboard's proposals ask this way).
    const proposedToTeam = { targetSites: { in: [teamSites.a, teamSites.b] } }
    const joined = await statementsOf(() => payload.find({ collection: 'news', draft: true, depth: 0, limit: 2, where: proposedToTeam }))
    expect(joined.filter((sql) => /count\(distinct "_news_v"\."id"\)/i.test(sql))).toHaveLength(1)
    expect(joined.some((sql) => /COUNT\(1\) OVER\(\)/i.test(sql))).toBe(false)
    const plain = await statementsOf(() => payload.find({ collection: 'news', draft: true, depth: 0, limit: 2 }))
    expect(plain.filter((sql) => /^select count\(\*\) from "_news_v"/i.test(sql))).toHaveLength(1)
  })

  it('reads the team’s own and proposed items without a join (the stored key of reading sites)', async () => {
    const statements = await statementsOf(() => teamList(1, 2))
    expect(statements.some((sql) => /_news_v_rels"? "?[0-9a-f]{8}_/i.test(sql) || /join "_news_v_rels"/i.test(sql))).toBe(false)
    expect(statements.filter((sql) => /^select count\(\*\) from "_news_v"/i.test(sql))).toHaveLength(1)
  })
})

describe('a kept count', () => {
  const teamCount = async () => (await teamList(1, 2)).totalDocs

  it('answers the same question again without counting, after one small statement', async () => {
    forgetKeptCounts()
    const first = await statementsOf(() => teamList(1, 2))
    expect(countsOf(first)).toHaveLength(1)
    let again = 0
    const second = await statementsOf(async () => (again = (await teamList(1, 2)).totalDocs))
    expect(countsOf(second)).toHaveLength(0)
    expect(second.filter((sql) => /pragma_data_version/.test(sql))).toHaveLength(1)
    expect(again).toBe(visibleToTeam.size)
  })

  it('is not kept for a filter that joins (Payload names the joined table afresh each time)', async () => {
    const proposedToTeam = { targetSites: { in: [teamSites.a, teamSites.b] } }
    for (let i = 0; i < 2; i++) {
      const statements = await statementsOf(() =>
        payload.find({ collection: 'news', draft: true, depth: 0, limit: 2, where: proposedToTeam }),
      )
      expect(countsOf(statements).filter((sql) => /count\(distinct/i.test(sql))).toHaveLength(1)
      expect(statements.some((sql) => /pragma_data_version/.test(sql))).toBe(false)
    }
  })

  it('is never another question’s answer: each person’s filter has its own count', async () => {
    expect(await teamCount()).toBe(visibleToTeam.size)
    expect((await teamList(1, 2, idle)).totalDocs).toBe(0)
    const everything = await payload.count({ collection: 'news' })
    expect((await payload.find({ collection: 'news', draft: true, depth: 0, limit: 2 })).totalDocs).toBe(everything.totalDocs)
    expect(await teamCount()).toBe(visibleToTeam.size)
    expect((await teamList(1, 2, idle)).totalDocs).toBe(0)
  })

  it('is dropped when a save commits (Payload’s transaction, on a connection of its own)', async () => {
    expect(await teamCount()).toBe(visibleToTeam.size)
    const created = await payload.create({
      collection: 'news',
      data: { title: 'Compte en plus', slug: 'compte-en-plus', originSite: teamSites.a, publishedAt: new Date().toISOString() },
      draft: true,
      context: { disablePublication: true },
    })
    try {
      expect(await teamCount()).toBe(visibleToTeam.size + 1)
    } finally {
      await payload.delete({ collection: 'news', id: created.id, context: { disablePublication: true } })
    }
    expect(await teamCount()).toBe(visibleToTeam.size)
  })

  it('is dropped when a statement outside a transaction changes a row (this connection)', async () => {
    expect(await teamCount()).toBe(visibleToTeam.size)
    const hidden = [...visibleToTeam][0]!
    const latest = (value: 0 | 1) =>
      client().execute({
        sql: 'update "_news_v" set "latest" = ? where "parent_id" = ? and "latest" = ?',
        args: [value, hidden, 1 - value],
      } as never)
    await latest(0)
    try {
      expect(await teamCount()).toBe(visibleToTeam.size - 1)
    } finally {
      await latest(1)
    }
    expect(await teamCount()).toBe(visibleToTeam.size)
  })

  it('is dropped when another process commits', async () => {
    expect(await teamCount()).toBe(visibleToTeam.size)
    const other = new Libsql(path.join(cms.dir, 'test.db'))
    const hidden = [...visibleToTeam][1]!
    const latest = (value: 0 | 1) =>
      other.prepare('update "_news_v" set "latest" = ? where "parent_id" = ? and "latest" = ?').run(value, hidden, 1 - value)
    try {
      expect(latest(0).changes).toBe(1)
      expect(await teamCount()).toBe(visibleToTeam.size - 1)
      latest(1)
      expect(await teamCount()).toBe(visibleToTeam.size)
    } finally {
      other.close()
    }
  })

  it('is neither used nor kept inside a transaction, which sees its own writes', async () => {
    const outside = await payload.find({ collection: 'news', draft: true, depth: 0, limit: 1 })
    const req = { payload, transactionID: await payload.db.beginTransaction() } as never
    try {
      await payload.create({
        collection: 'news',
        data: { title: 'Compte annulé', slug: 'compte-annule', originSite: hubId, publishedAt: new Date().toISOString() },
        draft: true,
        req,
        context: { disablePublication: true },
      })
      const inside = await payload.find({ collection: 'news', draft: true, depth: 0, limit: 1, req })
      expect(inside.totalDocs).toBe(outside.totalDocs + 1)
    } finally {
      await payload.db.rollbackTransaction((req as { transactionID: string | number }).transactionID)
    }
    expect((await payload.find({ collection: 'news', draft: true, depth: 0, limit: 1 })).totalDocs).toBe(outside.totalDocs)
  })
})
