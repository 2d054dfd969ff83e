// Transactions on connections of their own, kept open and reused.
//
// @libsql/client (local file) gives its own connection to each transaction and
// never closes it: `commit` and `close` leave it open, and the client opens a
// new one for its next statement. With every write in a transaction
// (lib/sqliteWriteLock.ts) that leaked a connection per save: the bench ran out
// of file descriptors after about 9,000 writes (SQLITE_CANTOPEN). Here each
// transaction takes an idle connection (opened with the busy timeout and WAL's
// synchronous level), runs BEGIN … COMMIT on it with plain statements, and
// gives it back. The write queue lets one transaction run at a time, so one
// connection is normally enough; a connection where a statement failed is
// closed instead of reused (libsql can leave such a statement « in progress »,
// and the next COMMIT there would fail).
import { drizzle } from '@payloadcms/db-sqlite/drizzle/libsql'

type Client = ReturnType<typeof drizzle>['$client']
type Statement = Parameters<Client['execute']>[0]

/** What drizzle's libsql session calls on a transaction. */
export interface Transaction {
  execute: (statement: Statement) => ReturnType<Client['execute']>
  batch: (statements: Statement[]) => Promise<Awaited<ReturnType<Client['execute']>>[]>
  executeMultiple: (sql: string) => Promise<void>
  commit: () => Promise<void>
  rollback: () => Promise<void>
  close: () => void
  readonly closed: boolean
}

const BEGIN: Record<string, string> = { write: 'BEGIN IMMEDIATE', deferred: 'BEGIN DEFERRED', read: 'BEGIN TRANSACTION READONLY' }

export function transactionConnections(url: string, pragmas: string[]) {
  const idle: Client[] = []
  const open = new Set<Client>()

  const connect = async (): Promise<Client> => {
    const client = drizzle({ connection: { url } }).$client
    try {
      for (const pragma of pragmas) await client.execute(pragma)
    } catch (error) {
      client.close()
      throw error
    }
    return client
  }

  const begin = async (mode = 'write'): Promise<Transaction> => {
    const client = idle.pop() ?? (await connect())
    open.add(client)
    let ended = false
    let healthy = true
    const giveBack = () => {
      if (!open.delete(client)) return
      if (healthy) idle.push(client)
      else client.close()
    }
    const run = async <T>(statement: () => Promise<T>): Promise<T> => {
      try {
        return await statement()
      } catch (error) {
        healthy = false
        throw error
      }
    }
    const end = async (sql: 'COMMIT' | 'ROLLBACK') => {
      if (ended) return
      try {
        await run(() => client.execute(sql))
        ended = true
      } finally {
        // A failed COMMIT leaves the transaction open: drizzle then asks for ROLLBACK.
        if (ended || sql === 'ROLLBACK') {
          ended = true
          giveBack()
        }
      }
    }
    try {
      await run(() => client.execute(BEGIN[mode] ?? BEGIN.write!))
    } catch (error) {
      ended = true
      giveBack()
      throw error
    }
    // After COMMIT or ROLLBACK the connection may already serve the next transaction.
    const inTransaction = async <T>(statement: () => Promise<T>): Promise<T> => {
      if (ended) throw Object.assign(new Error('The transaction is closed'), { code: 'TRANSACTION_CLOSED' })
      return run(statement)
    }
    return {
      execute: (statement) => inTransaction(() => client.execute(statement)),
      batch: async (statements) => {
        const results = []
        for (const statement of statements) results.push(await inTransaction(() => client.execute(statement)))
        return results
      },
      // libsql's executeMultiple ends any open transaction with a ROLLBACK: refused here.
      executeMultiple: async () => {
        throw new Error('executeMultiple cannot run inside a transaction')
      },
      commit: () => end('COMMIT'),
      rollback: () => end('ROLLBACK'),
      close: () => {
        if (ended) return
        // Closing a connection rolls back what it left open.
        healthy = false
        ended = true
        giveBack()
      },
      get closed() {
        return ended
      },
    }
  }

  return {
    begin,
    /** Connections currently open (idle or in a transaction), for tests. */
    get count() {
      return idle.length + open.size
    },
    close: () => {
      for (const client of [...idle, ...open]) client.close()
      idle.length = 0
      open.clear()
    },
  }
}
