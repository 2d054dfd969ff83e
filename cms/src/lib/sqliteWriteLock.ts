// One Payload write at a time per process on SQLite.
//
// Each Payload operation that changes data runs in one transaction, so a document
// is written whole or not at all: a backup (VACUUM INTO), a reader or a SIGKILL
// never sees a news item without its title or without its version. Drizzle
// begins each transaction with BEGIN IMMEDIATE on a connection of its own. But
// @libsql/client is synchronous: a second writer in the same process (another
// transaction, or a lone statement such as Payload's job updates) would wait
// for the lock inside SQLite's busy handler, blocking the event loop the first
// transaction needs to finish, and fail after the busy timeout. Hence this
// queue: writers of one process wait their turn without blocking, and SQLite's
// busy timeout is left to arbitrate between processes (the publisher, a seed,
// a backup).
import type { BaseDatabaseAdapter } from 'payload'

/** A write queued longer than this fails as « busy » (French 503) instead of hanging. */
export const WRITE_QUEUE_TIMEOUT_MS = 30_000

/**
 * A transaction still open after this is rolled back, so one that its code forgot to end
 * (Payload's job claim has no try/finally around its own) cannot stop every later write.
 */
export const TRANSACTION_HOLD_LIMIT_MS = 120_000

export interface WriteQueue {
  /** Resolves with the release function once every earlier writer has released. */
  acquire: () => Promise<() => void>
  /** Runs `write` in its turn. */
  run: <T>(write: () => Promise<T>) => Promise<T>
}

export function createWriteQueue(timeoutMs = WRITE_QUEUE_TIMEOUT_MS): WriteQueue {
  let tail: Promise<void> = Promise.resolve()
  const acquire = (): Promise<() => void> => {
    let release!: () => void
    const released = new Promise<void>((resolve) => (release = resolve))
    const previous = tail
    tail = tail.then(() => released)
    let timer: NodeJS.Timeout | undefined
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        // Our turn still comes: pass it straight on.
        void previous.then(release)
        reject(
          Object.assign(new Error(`SQLITE_BUSY: database is locked (another write of this process held it over ${timeoutMs} ms)`), {
            code: 'SQLITE_BUSY',
          }),
        )
      }, timeoutMs)
      timer.unref?.()
    })
    return Promise.race([previous.then(() => release), timedOut]).finally(() => clearTimeout(timer))
  }
  return {
    acquire,
    run: async (write) => {
      const release = await acquire()
      try {
        return await write()
      } finally {
        release()
      }
    },
  }
}

type Id = string | number
type TransactionMethods = Pick<BaseDatabaseAdapter, 'beginTransaction' | 'commitTransaction' | 'rollbackTransaction'>

/** Each transaction holds the queue from its BEGIN to its COMMIT or ROLLBACK. */
export function serializeTransactions<A extends TransactionMethods>(
  adapter: A,
  queue: WriteQueue,
  holdLimitMs = TRANSACTION_HOLD_LIMIT_MS,
): void {
  const begin = adapter.beginTransaction.bind(adapter)
  const commit = adapter.commitTransaction.bind(adapter)
  const rollback = adapter.rollbackTransaction.bind(adapter)
  const holders = new Map<Id, () => void>()

  const end = (run: (id: Id) => Promise<void>) => async (incoming?: Id | Promise<Id>) => {
    const id = incoming instanceof Promise ? await incoming : incoming
    try {
      await run(id ?? '')
    } finally {
      // Committed or rolled back once; a second call for the same id finds no holder.
      const release = id === undefined ? undefined : holders.get(id)
      if (release) {
        holders.delete(id!)
        release()
      }
    }
  }

  adapter.beginTransaction = (async (options?: unknown) => {
    const release = await queue.acquire()
    try {
      const id = await begin(options as never)
      if (id === null || id === undefined) {
        release()
        return id
      }
      const watchdog = setTimeout(() => {
        const logger = (adapter as { payload?: { logger?: { error: (o: object) => void } } }).payload?.logger
        logger?.error({ msg: `Transaction SQLite ouverte depuis plus de ${holdLimitMs} ms : annulée pour libérer les écritures.` })
        void adapter.rollbackTransaction(id)
      }, holdLimitMs)
      watchdog.unref?.()
      holders.set(id, () => {
        clearTimeout(watchdog)
        release()
      })
      return id
    } catch (error) {
      release()
      throw error
    }
  }) as A['beginTransaction']
  adapter.commitTransaction = end(commit) as A['commitTransaction']
  adapter.rollbackTransaction = end(rollback) as A['rollbackTransaction']
}

/**
 * A statement that writes, outside a transaction: it waits for the queue. Anything else
 * (reads, PRAGMAs) never waits: WAL readers do not block the writer, and a read made
 * while this process's transaction holds the queue must not wait for it.
 */
export function isWriteStatement(statement: unknown): boolean {
  const text = typeof statement === 'string' ? statement : (statement as { sql?: unknown } | null)?.sql
  return typeof text === 'string' && /^\s*(insert|update|delete|replace|create|drop|alter)\b/i.test(text)
}
