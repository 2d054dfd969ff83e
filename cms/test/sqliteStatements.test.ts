// Prepared statements kept per connection (src/lib/sqliteStatements.ts), on a
// real SQLite file: the same statement is reused and gives the right rows for
// new values, survives a failed run and a schema change, the number kept is
// bounded, and nothing kept is run again after an error or a close.
import Libsql from 'libsql'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  forgetPreparedStatements,
  keepPreparedStatements,
  keptStatementCount,
  MAX_STATEMENTS_PER_CONNECTION,
} from '../src/lib/sqliteStatements'

let dir: string
let db: Libsql.Database

beforeAll(() => {
  keepPreparedStatements()
  dir = mkdtempSync(path.join(tmpdir(), 'cles-statements-'))
  db = new Libsql(path.join(dir, 'essai.db'))
  db.exec('CREATE TABLE item (id INTEGER PRIMARY KEY, slug TEXT UNIQUE)')
})

afterAll(() => {
  db?.close()
  rmSync(dir, { recursive: true, force: true })
})

const SELECT = 'SELECT id, slug FROM item WHERE slug >= ? ORDER BY id'

describe('prepared statements kept per connection', () => {
  it('the same text gives the same statement, and each run sees its own values', () => {
    const insert = db.prepare('INSERT INTO item (slug) VALUES (?)')
    expect(db.prepare('INSERT INTO item (slug) VALUES (?)')).toBe(insert)
    for (const slug of ['a', 'b', 'c']) insert.run(slug)
    expect(db.prepare(SELECT).raw(true).all('b')).toEqual([
      [2, 'b'],
      [3, 'c'],
    ])
    expect(db.prepare(SELECT).raw(true).all('c')).toEqual([[3, 'c']])
    // Another connection to the same file keeps its own.
    const other = new Libsql(path.join(dir, 'essai.db'))
    expect(other.prepare(SELECT)).not.toBe(db.prepare(SELECT))
    other.close()
  })

  it('a statement half read, or that failed, runs again from the start', () => {
    const select = db.prepare(SELECT).raw(true)
    select.iterate('a').next()
    expect(select.all('a')).toHaveLength(3)
    const insert = db.prepare('INSERT INTO item (slug) VALUES (?)')
    expect(() => insert.run('a')).toThrow(/UNIQUE/)
    insert.run('d')
    expect(db.prepare(SELECT).raw(true).all('d')).toEqual([[4, 'd']])
  })

  it('a kept statement sees a new column', () => {
    const star = db.prepare('SELECT * FROM item WHERE id = ?').raw(true)
    expect(star.all(1)).toEqual([[1, 'a']])
    db.exec("ALTER TABLE item ADD COLUMN title TEXT DEFAULT 'Titre'")
    const again = db.prepare('SELECT * FROM item WHERE id = ?').raw(true)
    expect(again.all(1)).toEqual([[1, 'a', 'Titre']])
    expect(again.columns().map((c) => c.name)).toEqual(['id', 'slug', 'title'])
  })

  it('keeps at most its limit, dropping the least recently used', () => {
    const first = db.prepare('SELECT 0')
    for (let i = 1; i <= MAX_STATEMENTS_PER_CONNECTION; i++) {
      db.prepare(`SELECT ${i}`)
      if (i === MAX_STATEMENTS_PER_CONNECTION / 2) db.prepare(SELECT) // used again: stays
    }
    expect(keptStatementCount(db)).toBe(MAX_STATEMENTS_PER_CONNECTION)
    expect(db.prepare('SELECT 0')).not.toBe(first)
  })

  it('after a failure, nothing kept is run again', () => {
    const before = db.prepare(SELECT)
    forgetPreparedStatements()
    expect(keptStatementCount(db)).toBe(0)
    expect(db.prepare(SELECT)).not.toBe(before)
    expect(db.prepare(SELECT).raw(true).all('d')).toEqual([[4, 'd']])
  })

  it('a closed connection keeps nothing', () => {
    const other = new Libsql(path.join(dir, 'essai.db'))
    other.prepare(SELECT)
    expect(keptStatementCount(other)).toBe(1)
    other.close()
    expect(keptStatementCount(other)).toBe(0)
  })
})
