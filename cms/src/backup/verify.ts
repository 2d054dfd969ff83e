// Reads a whole backup archive without writing anything: gzip and tar must be
// intact, the manifest present, every file it lists present with the same size
// and sha256, and nothing else in the archive (no extra entry, no path that
// could land outside the restore folder, no link or device).
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { open, stat } from 'node:fs/promises'
import { Parser, type ReadEntry } from 'tar'
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  BackupError,
  DATABASE_ENTRY,
  formatBytes,
  isSafeEntryPath,
  MANIFEST_ENTRY,
  type Manifest,
} from './format'

const MAX_MANIFEST_BYTES = 64 * 1024 * 1024

/** The archive cannot be trusted: nothing was (or will be) changed. */
export class DamagedArchiveError extends BackupError {
  override name = 'DamagedArchiveError'
  constructor(archive: string, reason: string, options?: ErrorOptions) {
    super(
      `Archive refusée (${archive}) : ${reason}. Elle est endommagée, incomplète ou n’est pas une sauvegarde du CMS : rien n’a été modifié.`,
      options,
    )
  }
}

/** What went wrong reading the archive, in French where we know the cause. */
function readError(error: unknown): string {
  const message = String((error as Error)?.message ?? error)
  if (/unexpected end of file|Truncated input/i.test(message)) return 'fichier tronqué'
  if (/incorrect data check|incorrect length check/i.test(message)) return 'somme de contrôle gzip incorrecte'
  if (/zlib|invalid (block type|distance|code|stored block|literal)|too many length/i.test(message)) {
    return `données compressées corrompues (${message})`
  }
  if (/checksum failure/i.test(message)) return 'en-tête tar corrompu (somme de contrôle incorrecte)'
  if (/Unrecognized archive format/i.test(message)) return 'contenu qui n’est pas une archive tar'
  if (/max decompression ratio/i.test(message)) return 'taux de décompression anormal (archive piégée ?)'
  return message
}

interface Seen {
  size: number
  sha256: string
}

/** Reads the archive once; returns its manifest if everything matches. `log` gets a progress line per second on long reads. */
export async function verifyArchive(archive: string, log?: (line: string) => void): Promise<Manifest> {
  const refuse = (reason: string, cause?: unknown): never => {
    throw new DamagedArchiveError(archive, reason, cause ? { cause } : undefined)
  }
  let size: number
  try {
    const info = await stat(archive)
    if (!info.isFile()) refuse('ce n’est pas un fichier')
    size = info.size
  } catch (error) {
    if (error instanceof BackupError) throw error
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new BackupError(`Archive introuvable : ${archive}`)
    throw new BackupError(`Archive illisible (${archive}) : ${(error as Error).message}`, { cause: error })
  }
  if (size < 20) refuse(`fichier trop court (${size} octets)`)
  const head = Buffer.alloc(2)
  const handle = await open(archive, 'r')
  try {
    await handle.read(head, 0, 2, 0)
  } finally {
    await handle.close()
  }
  if (head[0] !== 0x1f || head[1] !== 0x8b) refuse('ce n’est pas un fichier .tar.gz')

  const seen = new Map<string, Seen>()
  const directories = new Set<string>()
  const problems: string[] = []
  let manifestText: string | undefined
  const pending: Promise<void>[] = []

  const onEntry = (entry: ReadEntry) => {
    const name = entry.path.replace(/\/+$/, '')
    if (!isSafeEntryPath(name)) problems.push(`chemin interdit dans l’archive : « ${entry.path} »`)
    if (seen.has(name) || directories.has(name)) problems.push(`entrée en double : « ${name} »`)
    if (entry.type === 'Directory') {
      directories.add(name)
      entry.resume()
      return
    }
    if (entry.type !== 'File' && entry.type !== 'OldFile' && entry.type !== 'ContiguousFile') {
      problems.push(`entrée de type ${entry.type} refusée : « ${entry.path} »`)
      entry.resume()
      return
    }
    const hash = createHash('sha256')
    let bytes = 0
    const chunks: Buffer[] | undefined = name === MANIFEST_ENTRY ? [] : undefined
    entry.on('data', (chunk: Buffer) => {
      hash.update(chunk)
      bytes += chunk.length
      if (chunks && bytes <= MAX_MANIFEST_BYTES) chunks.push(chunk)
    })
    pending.push(
      new Promise<void>((resolve) =>
        entry.on('end', () => {
          seen.set(name, { size: bytes, sha256: hash.digest('hex') })
          if (bytes !== entry.size) problems.push(`« ${name} » est tronqué (${bytes} octets sur ${entry.size})`)
          if (chunks) manifestText = bytes <= MAX_MANIFEST_BYTES ? Buffer.concat(chunks).toString('utf8') : undefined
          resolve()
        }),
      ),
    )
  }

  try {
    await new Promise<void>((resolve, reject) => {
      const parser = new Parser({ strict: true })
      const input = createReadStream(archive)
      const fail = (error: unknown) => {
        input.destroy()
        reject(error)
      }
      parser.on('entry', onEntry)
      parser.on('ignoredEntry', (entry: ReadEntry) => problems.push(`entrée non prise en charge : « ${entry.path} » (${entry.type})`))
      parser.on('error', fail)
      parser.on('end', () => resolve())
      input.on('error', fail)
      if (log) {
        let read = 0
        let last = Date.now()
        input.on('data', (chunk) => {
          read += chunk.length
          if (Date.now() - last < 1000) return
          last = Date.now()
          log(`vérification : ${Math.floor((read / size) * 100)} % (${formatBytes(read)} sur ${formatBytes(size)})`)
        })
      }
      input.pipe(parser)
    })
    await Promise.all(pending)
  } catch (error) {
    refuse(`lecture impossible (${readError(error)})`, error)
  }

  if (problems.length) refuse(problems.slice(0, 5).join(' ; ') + (problems.length > 5 ? ` ; et ${problems.length - 5} autre(s)` : ''))
  if (manifestText === undefined) refuse(`${MANIFEST_ENTRY} absent`)
  let manifest: Manifest
  try {
    manifest = JSON.parse(manifestText!) as Manifest
  } catch (error) {
    return refuse(`${MANIFEST_ENTRY} illisible`, error)
  }
  if (manifest?.format !== BACKUP_FORMAT) refuse(`${MANIFEST_ENTRY} n’est pas celui d’une sauvegarde du CMS`)
  if (manifest.version !== BACKUP_VERSION) {
    refuse(`format de sauvegarde ${String(manifest.version)} inconnu (ce CMS lit le format ${BACKUP_VERSION}) : mettez le CMS à jour`)
  }
  if (!Array.isArray(manifest.files)) refuse(`${MANIFEST_ENTRY} ne liste pas les fichiers`)

  const listed = new Set<string>()
  for (const file of manifest.files) {
    if (typeof file?.path !== 'string' || !isSafeEntryPath(file.path) || file.path === MANIFEST_ENTRY) {
      refuse(`${MANIFEST_ENTRY} cite un chemin interdit : « ${String(file?.path)} »`)
    }
    if (listed.has(file.path)) refuse(`${MANIFEST_ENTRY} cite deux fois « ${file.path} »`)
    listed.add(file.path)
    const found = seen.get(file.path)
    if (!found) refuse(`« ${file.path} » manque dans l’archive`)
    if (found!.size !== file.size) refuse(`« ${file.path} » n’a pas la taille attendue (${found!.size} octets au lieu de ${file.size})`)
    if (found!.sha256 !== file.sha256) refuse(`« ${file.path} » a été modifié (somme de contrôle SHA-256 différente)`)
  }
  if (!listed.has(DATABASE_ENTRY)) refuse(`pas de base de données (${DATABASE_ENTRY}) dans l’archive`)
  for (const name of seen.keys()) {
    if (name !== MANIFEST_ENTRY && !listed.has(name)) refuse(`« ${name} » n’est pas cité par ${MANIFEST_ENTRY}`)
  }
  for (const dir of directories) {
    if (![...listed].some((file) => file.startsWith(`${dir}/`))) refuse(`dossier « ${dir} » inattendu`)
  }
  return manifest
}
