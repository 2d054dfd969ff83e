// Transactions on connections of their own, reused: a real SQLite file, no Payload.
import { drizzle } from '@payloadcms/db-sqlite/drizzle/libsql'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { isSqliteBusy } from '../src/lib/sqliteBusy'
import { transactionConnections } from '../src/lib/sqliteTransactions'

let dir: string
let url: string
let reader: ReturnType<typeof drizzle>['$client']
const count = async () => Number((await reader.execute('SELECT count(*) AS n FROM notes')).rows[0]!.n)

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'cles-tx-'))
  url = `file:${path.join(dir, 'tx.db')}`
  reader = drizzle({ connection: { url } }).$client
  await reader.execute('PRAGMA journal_mode = WAL')
  await reader.execute('CREATE TABLE notes (id INTEGER PRIMARY KEY AUTOINCREMENT, text TEXT)')
})

afterAll(() => {
  reader?.close()
  rmSync(dir, { recursive: true, force: true })
})

it('commits on one connection, reused for every transaction', async () => {
  const pool = transactionConnections(url, ['PRAGMA busy_timeout = 1000'])
  for (let i = 0; i < 50; i++) {
    const tx = await pool.begin()
    await tx.execute({ sql: 'INSERT INTO notes (text) VALUES (?)', args: [`note ${i}`] })
    // Another connection does not see it before the COMMIT.
    if (i === 0) expect(await count()).toBe(0)
    await tx.commit()
    expect(tx.closed).toBe(true)
  }
  expect(await count()).toBe(50)
  expect(pool.count).toBe(1)
  // A statement after the COMMIT is refused: the connection may serve another transaction by then.
  const done = await pool.begin()
  await done.commit()
  await expect(done.execute('SELECT 1')).rejects.toMatchObject({ code: 'TRANSACTION_CLOSED' })
  pool.close()
})

it('a rollback leaves nothing, and the connection serves the next transaction', async () => {
  const pool = transactionConnections(url, [])
  const before = await count()
  const tx = await pool.begin()
  await tx.batch([
    { sql: 'INSERT INTO notes (text) VALUES (?)', args: ['annulée 1'] },
    { sql: 'INSERT INTO notes (text) VALUES (?)', args: ['annulée 2'] },
  ])
  await tx.rollback()
  expect(await count()).toBe(before)
  const next = await pool.begin()
  await next.execute({ sql: 'INSERT INTO notes (text) VALUES (?)', args: ['gardée'] })
  await next.commit()
  expect(await count()).toBe(before + 1)
  expect(pool.count).toBe(1)
  pool.close()
})

it('BEGIN meeting another process’s lock fails busy; that connection is dropped, the next one works', async () => {
  const pool = transactionConnections(url, ['PRAGMA busy_timeout = 100'])
  const holder = drizzle({ connection: { url } }).$client
  await holder.execute('BEGIN IMMEDIATE')
  const error = await pool.begin().catch((e: unknown) => e)
  expect(isSqliteBusy(error)).toBe(true)
  expect(pool.count).toBe(0)
  await holder.execute('ROLLBACK')
  holder.close()
  const tx = await pool.begin()
  await tx.execute({ sql: 'INSERT INTO notes (text) VALUES (?)', args: ['après le verrou'] })
  await tx.commit()
  expect(pool.count).toBe(1)
  pool.close()
})

it('a transaction closed without COMMIT is rolled back with its connection', async () => {
  const pool = transactionConnections(url, [])
  const before = await count()
  const tx = await pool.begin()
  await tx.execute({ sql: 'INSERT INTO notes (text) VALUES (?)', args: ['abandonnée'] })
  tx.close()
  expect(tx.closed).toBe(true)
  expect(await count()).toBe(before)
  expect(pool.count).toBe(0)
  pool.close()
})
