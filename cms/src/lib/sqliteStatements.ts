// Prepared statements kept per SQLite connection.
//
// @libsql/client prepares every statement anew, each time it runs it. Payload
// sends the same few on every signed-in request (the person, the list, its
// count): preparing them was a tenth of a list's CPU and a quarter of
// `/api/users/me` (docs/production.md §15). A libsql statement can run again
// with new values (each run starts it over, a failed run leaves it usable, a
// schema change is picked up), so each connection keeps its most recent ones.
//
// Only after an error is a statement's state in doubt (libsql can leave a
// statement that met a lock « in progress »): `forgetPreparedStatements` then
// drops every kept statement, so nothing in doubt is run again.
import Libsql from 'libsql'

type Database = Libsql.Database

/** Per connection; Payload's statements per request are a handful, their variants a few dozen. */
export const MAX_STATEMENTS_PER_CONNECTION = 200

type Statement = ReturnType<Database['prepare']>

interface Kept {
  generation: number
  statements: Map<string, Statement>
}

const kept = new WeakMap<Database, Kept>()
let generation = 0
const INSTALLED = Symbol.for('cles.sqliteStatements.installed')

/** From now on, every libsql connection in this process keeps its prepared statements. */
export function keepPreparedStatements(): void {
  const proto = Libsql.prototype as Database & { [INSTALLED]?: true }
  if (proto[INSTALLED]) return
  const prepare = proto.prepare
  const close = proto.close
  proto.prepare = function (this: Database, sql: string) {
    let entry = kept.get(this)
    if (!entry || entry.generation !== generation) {
      entry = { generation, statements: new Map() }
      kept.set(this, entry)
    }
    const statement = entry.statements.get(sql)
    if (statement) {
      // Most recently used last: the first one is the one to drop.
      entry.statements.delete(sql)
      entry.statements.set(sql, statement)
      return statement
    }
    const prepared = prepare.call(this, sql)
    if (entry.statements.size >= MAX_STATEMENTS_PER_CONNECTION) entry.statements.delete(entry.statements.keys().next().value!)
    entry.statements.set(sql, prepared)
    return prepared
  } as Database['prepare']
  proto.close = function (this: Database) {
    kept.delete(this)
    return close.call(this)
  }
  proto[INSTALLED] = true
}

/** After a failed statement: no kept statement is run again (they are prepared afresh). */
export function forgetPreparedStatements(): void {
  generation++
}

/** How many statements a connection keeps (for tests). */
export function keptStatementCount(db: Database): number {
  const entry = kept.get(db)
  return entry && entry.generation === generation ? entry.statements.size : 0
}
