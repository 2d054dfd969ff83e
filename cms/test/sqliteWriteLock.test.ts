// The process's write queue: transactions and lone writes take turns, a commit
// or rollback frees the turn once, and a turn that never comes fails as « busy »
// (the French 503) instead of hanging.
import { describe, expect, it } from 'vitest'
import { isSqliteBusy } from '../src/lib/sqliteBusy'
import { createWriteQueue, isWriteStatement, serializeTransactions } from '../src/lib/sqliteWriteLock'

const tick = () => new Promise((resolve) => setTimeout(resolve, 5))

function fakeAdapter() {
  const log: string[] = []
  let next = 0
  const adapter = {
    beginTransaction: async () => {
      const id = `t${++next}`
      log.push(`begin ${id}`)
      return id
    },
    commitTransaction: async (id: string | number | Promise<string | number>) => {
      log.push(`commit ${await id}`)
    },
    rollbackTransaction: async (id: string | number | Promise<string | number>) => {
      log.push(`rollback ${await id}`)
    },
  }
  return { adapter, log }
}

describe('serializeTransactions', () => {
  it('begins a second transaction only after the first one committed', async () => {
    const { adapter, log } = fakeAdapter()
    serializeTransactions(adapter as never, createWriteQueue(1000))
    const first = await adapter.beginTransaction()
    const second = adapter.beginTransaction()
    await tick()
    expect(log).toEqual(['begin t1'])
    await adapter.commitTransaction(first)
    expect(await second).toBe('t2')
    await adapter.rollbackTransaction(Promise.resolve('t2'))
    expect(log).toEqual(['begin t1', 'commit t1', 'begin t2', 'rollback t2'])
  })

  it('frees the turn once, even when a transaction is ended twice', async () => {
    const { adapter, log } = fakeAdapter()
    const queue = createWriteQueue(1000)
    serializeTransactions(adapter as never, queue)
    const first = await adapter.beginTransaction()
    const second = adapter.beginTransaction()
    const third = adapter.beginTransaction()
    await adapter.rollbackTransaction(first)
    await adapter.rollbackTransaction(first)
    expect(await second).toBe('t2')
    await tick()
    // The double rollback of t1 did not let t3 in beside t2.
    expect(log.filter((l) => l.startsWith('begin'))).toEqual(['begin t1', 'begin t2'])
    await adapter.commitTransaction('t2')
    expect(await third).toBe('t3')
  })

  it('rolls back a transaction left open past the hold limit, and the next one begins', async () => {
    const { adapter, log } = fakeAdapter()
    serializeTransactions(adapter as never, createWriteQueue(1000), 50)
    await adapter.beginTransaction()
    // Never committed (as Payload's job claim when its update throws).
    expect(await adapter.beginTransaction()).toBe('t2')
    expect(log).toEqual(['begin t1', 'rollback t1', 'begin t2'])
    await adapter.commitTransaction('t2')
  })

  it('frees the turn when BEGIN itself fails', async () => {
    const { adapter } = fakeAdapter()
    const queue = createWriteQueue(1000)
    const failing = {
      ...adapter,
      beginTransaction: async () => {
        throw new Error('SQLITE_BUSY: database is locked')
      },
    }
    serializeTransactions(failing as never, queue)
    await expect(failing.beginTransaction()).rejects.toThrow(/SQLITE_BUSY/)
    await expect(queue.run(async () => 'after')).resolves.toBe('after')
  })
})

describe('createWriteQueue', () => {
  it('runs lone writes one after the other, in order', async () => {
    const queue = createWriteQueue(1000)
    const order: string[] = []
    const write = (name: string, ms: number) =>
      queue.run(async () => {
        order.push(`${name}+`)
        await new Promise((resolve) => setTimeout(resolve, ms))
        order.push(`${name}-`)
      })
    await Promise.all([write('a', 20), write('b', 1), write('c', 1)])
    expect(order).toEqual(['a+', 'a-', 'b+', 'b-', 'c+', 'c-'])
  })

  it('a turn that does not come in time fails as busy, and the writers after it still run', async () => {
    const queue = createWriteQueue(50)
    const release = await queue.acquire()
    const late = queue.run(async () => 'never')
    const after = queue.run(async () => 'after')
    const error = await late.catch((e: unknown) => e)
    expect(isSqliteBusy(error)).toBe(true)
    release()
    // `after` timed out too (it waited behind the same holder) or ran: never stuck.
    await expect(Promise.race([after.catch(() => 'busy'), new Promise((r) => setTimeout(() => r('stuck'), 1000))])).resolves.not.toBe(
      'stuck',
    )
    await expect(queue.run(async () => 'later')).resolves.toBe('later')
  })
})

describe('isWriteStatement', () => {
  it.each([
    ['INSERT INTO news (id) VALUES (1)', true],
    [{ sql: ' update "users" set "login_attempts" = ?', args: [1] }, true],
    ['delete from payload_jobs where id = 1', true],
    ['select * from news', false],
    ['PRAGMA busy_timeout = 5000', false],
    [{ sql: 'SELECT count(*) FROM _news_v' }, false],
  ])('%j → %s', (statement, expected) => {
    expect(isWriteStatement(statement)).toBe(expected)
  })
})
