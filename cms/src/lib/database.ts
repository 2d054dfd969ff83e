import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import type { BaseDatabaseAdapter, DatabaseAdapterObj } from 'payload'
import { migrations } from '../migrations'
import { indexLocalesByParent } from './localeIndexes'
import { indexVersionLists } from './versionListIndexes'
import { defaultDatabaseUrl } from './paths'
import { isSqliteBusy } from './sqliteBusy'
import { countListsQuickly, forgetKeptCounts } from './sqliteCount'
import { forgetPreparedStatements, keepPreparedStatements } from './sqliteStatements'
import { transactionConnections } from './sqliteTransactions'
import { createWriteQueue, isWriteStatement, serializeTransactions, type WriteQueue } from './sqliteWriteLock'

export const isMongoUrl = (url: string) => /^mongodb(\+srv)?:\/\//.test(url)

/** How long a write waits for another process's lock (a seed, a restore check, the publisher) before failing. */
export const BUSY_TIMEOUT_MS = 5000

/** The -wal file is cut back to this after a checkpoint (Payload's default, set on its connection). */
const WAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024

type Tx = { close: () => void }
type LibsqlClient = {
  execute: (...args: unknown[]) => Promise<unknown>
  batch: (...args: unknown[]) => Promise<unknown>
  executeMultiple: (...args: unknown[]) => Promise<unknown>
  transaction: (mode?: string) => Promise<Tx>
  close: () => void
  clesHardened?: boolean
  /** Connections open for transactions (idle or busy): stays at one or two, however many writes. */
  clesTransactionConnections?: () => number
  /** Sets our PRAGMAs (busy timeout, WAL's synchronous level and size limit) on the connection in use. */
  clesPragmas?: () => Promise<void>
}

/**
 * Three flaws of @libsql/client (a local file):
 * - it gives its connection to each transaction, never closes it, and opens a new one on the
 *   next statement without the PRAGMAs Payload ran at connect: a connection leaked per write,
 *   and after the first transaction a write meeting another process's lock failed at once
 *   (SQLITE_BUSY) instead of waiting. Transactions run on connections of their own here
 *   (lib/sqliteTransactions.ts);
 * - a statement that failed with SQLITE_BUSY stays « in progress » on its connection, so the
 *   next transaction there could not COMMIT, and Payload does not see a failed COMMIT: the save
 *   was answered 201 and never written (the transaction stayed open, holding the lock). A
 *   connection where a statement failed busy is closed (handed to a throw-away transaction)
 *   and replaced;
 * - it is synchronous: a write waiting for this process's own transaction would block the event
 *   loop that transaction needs. Writes outside a transaction take their turn in the process's
 *   write queue (lib/sqliteWriteLock.ts).
 * And one cost: it prepares every statement each time; connections keep them here
 * (lib/sqliteStatements.ts), forgotten after any failed statement, as are the lists' kept
 * counts (lib/sqliteCount.ts: the connection they were stamped on may be replaced).
 */
function hardenLibsqlClient(client: LibsqlClient, queue: WriteQueue, url: string): void {
  if (client.clesHardened) return
  keepPreparedStatements()
  const original = {
    execute: client.execute.bind(client),
    batch: client.batch.bind(client),
    executeMultiple: client.executeMultiple.bind(client),
    transaction: client.transaction.bind(client),
    close: client.close.bind(client),
  }
  // Payload's own at connect (libsql already turns foreign keys on for every connection).
  const pragmaStatements = [
    `PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`,
    'PRAGMA synchronous = FULL',
    `PRAGMA journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`,
  ]
  const pragmas = async () => {
    for (const pragma of pragmaStatements) await original.execute(pragma)
  }
  const replaceConnection = async () => {
    try {
      ;(await original.transaction('deferred')).close()
    } catch {
      // Nothing to replace.
    }
    await pragmas()
  }
  const guarded =
    <A extends unknown[], R>(run: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await run(...args)
      } catch (error) {
        forgetPreparedStatements()
        forgetKeptCounts()
        if (isSqliteBusy(error)) await replaceConnection().catch(() => {})
        throw error
      }
    }
  const execute = guarded(original.execute)
  client.execute = (...args: unknown[]) => (isWriteStatement(args[0]) ? queue.run(() => execute(...args)) : execute(...args))
  const batch = guarded(original.batch)
  client.batch = (...args: unknown[]) => queue.run(() => batch(...args))
  const executeMultiple = guarded(original.executeMultiple)
  client.executeMultiple = (...args: unknown[]) => queue.run(() => executeMultiple(...args))
  const transactions = transactionConnections(url, pragmaStatements)
  client.transaction = (mode?: string) => transactions.begin(mode)
  client.close = () => {
    forgetKeptCounts()
    transactions.close()
    original.close()
  }
  client.clesHardened = true
  client.clesPragmas = pragmas
  client.clesTransactionConnections = () => transactions.count
}

/**
 * Migrations run outside a transaction, as with Payload's default for SQLite: a table rebuild
 * turns foreign keys off first (PRAGMA foreign_keys=OFF), which SQLite ignores inside a
 * transaction, and each DROP TABLE would then delete the rows that point to it.
 */
function runMigrationsWithoutTransaction(db: Pick<BaseDatabaseAdapter, 'beginTransaction'> & Partial<BaseDatabaseAdapter>): void {
  let migrating = 0
  const begin = db.beginTransaction.bind(db)
  db.beginTransaction = (options) => (migrating > 0 ? Promise.resolve(null) : begin(options))
  for (const name of ['migrate', 'migrateDown', 'migrateFresh', 'migrateRefresh', 'migrateReset'] as const) {
    const run = db[name] as ((...args: unknown[]) => Promise<unknown>) | undefined
    if (typeof run !== 'function') continue
    ;(db as Record<string, unknown>)[name] = async function (this: unknown, ...args: unknown[]) {
      migrating++
      try {
        return await run.apply(this, args)
      } finally {
        migrating--
      }
    }
  }
}

function withHardenedClient(adapter: DatabaseAdapterObj, url: string): DatabaseAdapterObj {
  return {
    ...adapter,
    init: (args) => {
      const db = adapter.init(args) as ReturnType<DatabaseAdapterObj['init']> & { client?: LibsqlClient }
      const queue = createWriteQueue()
      serializeTransactions(db, queue)
      runMigrationsWithoutTransaction(db)
      countListsQuickly(db as unknown as Parameters<typeof countListsQuickly>[0])
      const connect = db.connect!
      db.connect = async function (this: typeof db, ...rest: Parameters<typeof connect>) {
        await connect.apply(this, rest)
        if (!this.client) return
        hardenLibsqlClient(this.client, queue, url)
        // The connection Payload opened: our busy timeout and synchronous level on it too.
        await this.client.clesPragmas!()
      }
      return db
    },
  }
}

/**
 * DATABASE_URL picks the adapter: mongodb:// or mongodb+srv:// → MongoDB,
 * anything else (or nothing) → the embedded SQLite file. The rest of the code
 * only talks to Payload's Local API, so it does not care which one runs.
 */
export function databaseAdapter(url = process.env.DATABASE_URL || defaultDatabaseUrl()): DatabaseAdapterObj {
  if (isMongoUrl(url)) {
    return mongooseAdapter({ url })
  }
  if (url.startsWith('file:')) {
    // First run on a fresh clone: the gitignored data folder does not exist yet.
    mkdirSync(path.dirname(url.slice('file:'.length)), { recursive: true })
  }
  const adapter = sqliteAdapter({
    client: { url },
    // The CMS server, the exporter and scripts share one file: WAL lets readers
    // and a writer work at once, and a busy timeout waits instead of failing.
    wal: { journalSizeLimit: WAL_SIZE_LIMIT_BYTES },
    busyTimeout: BUSY_TIMEOUT_MS,
    // Ids are never reused (SQLite's AUTOINCREMENT): snapshots, releases, the publication log,
    // the audit trail and open admin tabs keep ids outside the database.
    autoIncrement: true,
    // Each write operation is one transaction (BEGIN IMMEDIATE): a document is written whole or
    // not at all, whatever a backup, a reader or a SIGKILL sees (lib/sqliteWriteLock.ts).
    transactionOptions: {},
    // Localized fields are read per document (lib/localeIndexes.ts); draft lists read
    // the latest versions in date order (lib/versionListIndexes.ts).
    afterSchemaInit: [indexLocalesByParent, indexVersionLists],
    logger: process.env.CLES_SQL_LOG === '1',
    // Schema changes go through committed migrations, never through push.
    push: false,
    migrationDir: 'src/migrations',
    prodMigrations: migrations as never,
  })
  return withHardenedClient(adapter, url)
}
