// The pool shared by the release store and the S3 sync: bounded, and on a
// failure it starts nothing new and throws only once the running work settled
// (the caller then removes a folder nothing still writes into).
import { describe, expect, it } from 'vitest'
import { eachLimit } from '../src/index.mjs'

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('eachLimit', () => {
  it('runs every item, never more than the limit at a time', async () => {
    let running = 0
    let most = 0
    const seen: number[] = []
    await eachLimit([...Array(10).keys()], 3, async (item, index) => {
      running++
      most = Math.max(most, running)
      await tick(5)
      seen.push(item * 10 + index)
      running--
    })
    expect(most).toBe(3)
    expect(seen.sort((a, b) => a - b)).toEqual([...Array(10).keys()].map((i) => i * 11))
  })

  it('after a failure starts nothing new and throws once the running items have settled', async () => {
    const started: number[] = []
    const finished: number[] = []
    const run = eachLimit([...Array(10).keys()], 3, async (item) => {
      started.push(item)
      if (item === 1) throw new Error('échec 1')
      await tick(30)
      finished.push(item)
    })
    await expect(run).rejects.toThrow('échec 1')
    expect(started).toEqual([0, 1, 2])
    expect(finished.sort()).toEqual([0, 2])
  })
})
