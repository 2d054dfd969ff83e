// One cache of encoded images for every site of the repository: an image that
// five sites show at the same size and format is encoded once, by whichever
// site builds first, and copied by the others. Keyed by the source bytes and
// the transform, so a changed image or size can never reuse a stale file.
import { createHash } from 'node:crypto'
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

/** Bump when the encoding pipeline changes (encoder options, crop logic). */
const PIPELINE_VERSION = 1

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

/** Atomic write: two sites building at once never read a half-written file. */
export async function writeCached(dir: string, key: string, data: Uint8Array): Promise<void> {
  await mkdir(dir, { recursive: true })
  const temporary = join(dir, `${key}.${process.pid}.${Date.now()}.tmp`)
  await writeFile(temporary, data)
  await rename(temporary, join(dir, key))
}
