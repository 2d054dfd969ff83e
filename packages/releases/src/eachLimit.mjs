// A bounded worker pool that stops cleanly: shared by the release store and the S3 sync.
/**
 * Runs `fn` on every item, at most `limit` at a time. After a failure no new item
 * starts, and the first error is thrown only once the running ones have settled
 * (so the caller can clean up a folder nothing is still writing into).
 * @template T
 * @param {T[]} items
 * @param {number} limit
 * @param {(item: T, index: number) => Promise<void>} fn
 */
export async function eachLimit(items, limit, fn) {
  let next = 0
  // Set by the workers: typed here, or TypeScript would keep it `null` after the await below.
  let failure = /** @type {{ error: unknown } | null} */ (null)
  const worker = async () => {
    while (!failure && next < items.length) {
      const i = next++
      try {
        await fn(/** @type {T} */ (items[i]), i) // i < items.length
      } catch (error) {
        failure ??= { error }
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  if (failure) throw failure.error
}
