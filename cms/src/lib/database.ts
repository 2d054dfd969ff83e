import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import type { DatabaseAdapterObj } from 'payload'
import { migrations } from '../migrations'
import { indexLocalesByParent } from './localeIndexes'
import { indexVersionLists } from './versionListIndexes'
import { defaultDatabaseUrl } from './paths'
import { isSqliteBusy } from './sqliteBusy'
import { createWriteQueue, isWriteStatement, serializeTransactions, type WriteQueue } from './sqliteWriteLock'

export const isMongoUrl = (url: string) => /^mongodb(\+srv)?:\/\//.test(url)

/** How long a write waits for another process's lock (a seed, a restore check, the publisher) before failing. */
export const BUSY_TIMEOUT_MS = 5000

type Tx = { close: () => void }
type LibsqlClient = {
  execute: (...args: unknown[]) => Promise<unknown>
  batch: (...args: unknown[]) => Promise<unknown>
  executeMultiple: (...args: unknown[]) => Promise<unknown>
  transaction: (mode?: string) => Promise<Tx>
  clesHardened?: boolean
  /** Sets the busy timeout and WAL's synchronous level on the connection in use. */
  clesPragmas?: () => Promise<void>
}

/**
 * Two flaws of @libsql/client (a local file) under a lock held by another process:
 * - it gives its connection to each transaction and opens a new one on the next statement,
 *   without the PRAGMAs Payload ran at connect: after the first transaction, a write meeting
 *   the lock failed at once (SQLITE_BUSY) instead of waiting;
 * - a statement that failed with SQLITE_BUSY stays « in progress » on its connection, so the
 *   next transaction there could not COMMIT, and Payload does not see a failed COMMIT: the save
 *   was answered 201 and never written (the transaction stayed open, holding the lock).
 * Here every connection gets the busy timeout (and WAL's synchronous level), and a connection
 * where a statement failed busy is closed (handed to a throw-away transaction) and replaced.
 * Writes outside a transaction take their turn in the process's write queue.
 */
function hardenLibsqlClient(client: LibsqlClient, queue: WriteQueue): void {
  if (client.clesHardened) return
  const original = {
    execute: client.execute.bind(client),
    batch: client.batch.bind(client),
    executeMultiple: client.executeMultiple.bind(client),
    transaction: client.transaction.bind(client),
  }
  const pragmas = async () => {
    await original.execute(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`)
    await original.execute('PRAGMA synchronous = FULL')
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
  const begin = guarded(original.transaction)
  client.transaction = async (mode?: string) => {
    const tx = await begin(mode)
    // The client opens a new connection on its next statement: give it the PRAGMAs now.
    await pragmas()
    return tx
  }
  client.clesHardened = true
  client.clesPragmas = pragmas
}

function withHardenedClient(adapter: DatabaseAdapterObj): DatabaseAdapterObj {
  return {
    ...adapter,
    init: (args) => {
      const db = adapter.init(args) as ReturnType<DatabaseAdapterObj['init']> & { client?: LibsqlClient }
      const queue = createWriteQueue()
      serializeTransactions(db, queue)
      const connect = db.connect!
      db.connect = async function (this: typeof db, ...rest: Parameters<typeof connect>) {
        await connect.apply(this, rest)
        if (!this.client) return
        hardenLibsqlClient(this.client, queue)
        // Migrations at connect may already have used a transaction (and a fresh connection).
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
    wal: true,
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
  return withHardenedClient(adapter)
}
