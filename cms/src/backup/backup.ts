// `npm run backup`: one archive with a consistent copy of the live SQLite
// database, the uploaded media and a manifest (see format.ts), written while
// the CMS keeps running and accepting writes.
import { randomBytes } from 'node:crypto'
import { mkdir, mkdtemp, open, rename, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { create as createTar } from 'tar'
import { copyWithHash, elapsed, exists, hashFile, walkFiles } from './files'
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  BackupError,
  DATABASE_ENTRY,
  formatBytes,
  isSafeEntryPath,
  MANIFEST_ENTRY,
  type Manifest,
  type ManifestFile,
  MEDIA_ENTRY,
  progress,
  sqliteFileFromUrl,
} from './format'
import { checkReadable, type CollectionTable, copyDatabase, readFacts } from './sqlite'

export interface BackupOptions {
  /** DATABASE_URL of the CMS (a `file:` URL). */
  databaseUrl: string
  /** The uploads folder (CLES_MEDIA_DIR). */
  mediaDir: string
  /** The archive to write; must not exist. */
  out: string
  /** Which tables hold which collection: collectionTables(payload.config) when a Payload is at hand, else read from the database. */
  collections?: CollectionTable[]
  /** Progress and warnings, one French line each. */
  log?: (line: string) => void
  now?: Date
}

export interface BackupResult {
  file: string
  bytes: number
  sha256: string
  manifest: Manifest
  durationMs: number
}

const inside = (parent: string, child: string) => {
  const relative = path.relative(parent, child)
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))
}

export async function createBackup(options: BackupOptions): Promise<BackupResult> {
  const started = Date.now()
  const log = options.log ?? (() => {})
  const databaseFile = sqliteFileFromUrl(options.databaseUrl, 'sauvegarder')
  const mediaDir = path.resolve(options.mediaDir)
  const out = path.resolve(options.out)
  if (!(await exists(databaseFile))) {
    throw new BackupError(`Aucune base SQLite à ${databaseFile} (DATABASE_URL) : rien à sauvegarder.`)
  }
  if (await exists(out)) throw new BackupError(`${out} existe déjà : choisissez un autre nom avec --out.`)
  if (inside(mediaDir, path.dirname(out))) {
    throw new BackupError(
      `L’archive ne peut pas être écrite dans le dossier des médias (${mediaDir}) : choisissez un autre dossier avec --out.`,
    )
  }
  try {
    await checkReadable(databaseFile)
  } catch (error) {
    throw new BackupError(`${databaseFile} n’est pas une base SQLite lisible : ${(error as Error).message}`, { cause: error })
  }

  await mkdir(path.dirname(out), { recursive: true })
  // Work next to the archive: same disk, and nothing half-written under the final name.
  const staging = await mkdtemp(path.join(path.dirname(out), '.cles-sauvegarde-'))
  const partial = path.join(path.dirname(out), `.${path.basename(out)}.partiel-${randomBytes(4).toString('hex')}`)
  try {
    // 1. The database, as one snapshot. Media are read after it, so every file a
    //    document of this snapshot refers to was already written (Payload writes
    //    the file before the document).
    let t = Date.now()
    log('base de données : copie cohérente en cours (VACUUM INTO, le CMS peut continuer d’écrire) …')
    const stagedDatabase = path.join(staging, DATABASE_ENTRY)
    await copyDatabase(databaseFile, stagedDatabase)
    const facts = await readFacts(stagedDatabase, options.collections)
    const database = { path: DATABASE_ENTRY, ...(await hashFile(stagedDatabase)) }
    log(`base de données : copiée (${formatBytes(database.size)}) en ${elapsed(t)}`)

    // 2. The media folder, copied and hashed in one read.
    t = Date.now()
    const walked = await walkFiles(mediaDir)
    for (const other of walked.others) log(`médias : ${other} ignoré (ni fichier ni dossier : lien symbolique ?)`)
    const names = walked.files.filter((name) => {
      if (isSafeEntryPath(`${MEDIA_ENTRY}/${name}`)) return true
      log(`médias : « ${name} » ignoré (nom de fichier non pris en charge)`)
      return false
    })
    const media: ManifestFile[] = []
    const tick = progress(log, 'médias', names.length)
    for (const [index, name] of names.entries()) {
      const target = path.join(staging, MEDIA_ENTRY, ...name.split('/'))
      await mkdir(path.dirname(target), { recursive: true })
      try {
        media.push({ path: `${MEDIA_ENTRY}/${name}`, ...(await copyWithHash(path.join(mediaDir, ...name.split('/')), target)) })
      } catch (error) {
        // Deleted by the CMS between the listing and the copy: its document is gone too (or going).
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
        await rm(target, { force: true })
      }
      tick(index + 1)
    }
    const present = new Set(media.map((f) => f.path.slice(MEDIA_ENTRY.length + 1)))
    const missing = facts.mediaFiles.filter((name) => !present.has(name))
    if (missing.length) {
      log(
        `avertissement : ${missing.length} fichier(s) cité(s) par la base absent(s) du dossier des médias ` +
          `(${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''}) — ils manquaient déjà avant la sauvegarde ou ont été supprimés pendant.`,
      )
    }
    const mediaBytes = media.reduce((sum, f) => sum + f.size, 0)
    log(`médias : ${media.length} fichier(s), ${formatBytes(mediaBytes)} en ${elapsed(t)}`)

    // 3. The manifest, then the archive (written under a temporary name, synced, renamed).
    const manifest: Manifest = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: (options.now ?? new Date()).toISOString(),
      source: { databaseUrl: 'sqlite-file', databaseFile: path.basename(databaseFile), method: 'VACUUM INTO' },
      schema: facts.schema,
      collections: facts.collections,
      media: { files: media.length, bytes: mediaBytes, missing },
      files: [database, ...media],
    }
    await writeFile(path.join(staging, MANIFEST_ENTRY), `${JSON.stringify(manifest, null, 2)}\n`)
    t = Date.now()
    const entries = [MANIFEST_ENTRY, ...manifest.files.map((f) => f.path)]
    const tickArchive = progress(log, 'archive', entries.length)
    let written = 0
    await createTar(
      { gzip: true, file: partial, cwd: staging, portable: true, strict: true, onWriteEntry: () => tickArchive(++written) },
      entries,
    )
    const handle = await open(partial, 'r+')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
    const archive = await hashFile(partial)
    if (await exists(out)) throw new BackupError(`${out} existe déjà : choisissez un autre nom avec --out.`)
    await rename(partial, out)
    log(`archive : ${formatBytes((await stat(out)).size)} écrits en ${elapsed(t)}`)
    return { file: out, bytes: archive.size, sha256: archive.sha256, manifest, durationMs: Date.now() - started }
  } finally {
    await rm(staging, { recursive: true, force: true })
    await rm(partial, { force: true })
  }
}
