// File helpers shared by backup and restore: hashing, copying, walking a folder.
import { createHash } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { lstat, readdir, stat, utimes } from 'node:fs/promises'
import path from 'node:path'
import { Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'

export interface Hashed {
  size: number
  sha256: string
}

const hashing = (hash: ReturnType<typeof createHash>, counter: { size: number }) =>
  new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk)
      counter.size += chunk.length
      callback(null, chunk)
    },
  })

export async function hashFile(file: string): Promise<Hashed> {
  const hash = createHash('sha256')
  let size = 0
  for await (const chunk of createReadStream(file)) {
    hash.update(chunk as Buffer)
    size += (chunk as Buffer).length
  }
  return { size, sha256: hash.digest('hex') }
}

/**
 * Copies one file and hashes what was copied in the same read, so the hash is
 * the copy's even if the source changes meanwhile. Keeps the modification time.
 */
export async function copyWithHash(source: string, target: string): Promise<Hashed> {
  const hash = createHash('sha256')
  const counter = { size: 0 }
  const before = await stat(source)
  await pipeline(createReadStream(source), hashing(hash, counter), createWriteStream(target, { flags: 'wx' }))
  await utimes(target, before.atime, before.mtime)
  return { size: counter.size, sha256: hash.digest('hex') }
}

export interface Walked {
  /** Regular files, relative to the folder, with forward slashes, sorted. */
  files: string[]
  /** Symbolic links, sockets… (not backed up). */
  others: string[]
}

/** Every regular file under `dir` (none if it does not exist). */
export async function walkFiles(dir: string): Promise<Walked> {
  const walked: Walked = { files: [], others: [] }
  try {
    if (!(await lstat(dir)).isDirectory()) return walked
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return walked
    throw error
  }
  const visit = async (relative: string) => {
    for (const entry of await readdir(path.join(dir, relative), { withFileTypes: true })) {
      const child = relative ? `${relative}/${entry.name}` : entry.name
      if (entry.isDirectory()) await visit(child)
      else if (entry.isFile()) walked.files.push(child)
      else walked.others.push(child)
    }
  }
  await visit('')
  walked.files.sort()
  walked.others.sort()
  return walked
}

/** A folder that exists and holds at least one entry. */
export async function isNonEmptyDir(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).length > 0
  } catch (error) {
    if (['ENOENT', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code ?? '')) return false
    throw error
  }
}

export async function exists(file: string): Promise<boolean> {
  try {
    await lstat(file)
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false
    throw error
  }
}

export const elapsed = (since: number) => {
  const ms = Date.now() - since
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1).replace('.', ',')} s`
}
