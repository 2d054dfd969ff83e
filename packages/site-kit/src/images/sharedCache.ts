// One cache of encoded images for every site of the repository: an image that
// five sites show at the same size and format is encoded once, by whichever
// site gets to it first, and copied by the others. Keyed by the source bytes
// and the transform, so a changed image or size can never reuse a stale file.
// Turbo builds the sites in parallel: a lock file per key makes the other
// builds wait for the encoding in progress instead of repeating it.
import { createHash } from 'node:crypto'
import { mkdir, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'

/** Bump when the encoding pipeline changes (encoder options, crop logic). */
const PIPELINE_VERSION = 1
/** A lock older than this belongs to a build that died: take it over. */
const STALE_LOCK_MS = 60_000

export function cacheKey(source: Uint8Array, transform: Record<string, unknown>): string {
  const hash = createHash('sha256').update(source)
  hash.update(JSON.stringify({ v: PIPELINE_VERSION, ...transform }))
  return hash.digest('hex')
}

export async function readCached(dir: string, key: string): Promise<Buffer | null> {
  try {
    return await readFile(join(dir, key))
  } catch {
    return null
  }
}

/** Atomic write: a build never reads a half-written file. */
async function writeCached(dir: string, key: string, data: Uint8Array): Promise<void> {
  const temporary = join(dir, `${key}.${process.pid}.${Date.now()}.tmp`)
  await writeFile(temporary, data)
  await rename(temporary, join(dir, key))
}

async function tryLock(path: string): Promise<boolean> {
  try {
    await (await open(path, 'wx')).close()
    return true
  } catch {
    const age = await stat(path).then(
      (s) => Date.now() - s.mtimeMs,
      () => 0,
    )
    if (age > STALE_LOCK_MS) await rm(path, { force: true })
    return false
  }
}

/**
 * The cached encoding for `key`, or `encode()`'s result stored for the next
 * build. `shared` says whether another build (or an earlier one) did the work.
 */
export async function cachedOrEncoded(
  dir: string,
  key: string,
  encode: () => Promise<Uint8Array>,
): Promise<{ data: Uint8Array; shared: boolean }> {
  await mkdir(dir, { recursive: true })
  const lock = join(dir, `${key}.lock`)
  for (;;) {
    const cached = await readCached(dir, key)
    if (cached) return { data: cached, shared: true }
    if (await tryLock(lock)) break
    await sleep(50)
  }
  try {
    // Another build may have finished between our read and our lock.
    const cached = await readCached(dir, key)
    if (cached) return { data: cached, shared: true }
    const data = await encode()
    await writeCached(dir, key, data)
    return { data, shared: false }
  } finally {
    await rm(lock, { force: true })
  }
}
