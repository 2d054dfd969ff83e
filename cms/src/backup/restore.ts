// `npm run restore -- <archive> [--force]`: verifies the whole archive first
// (verify.ts), then puts its database and media folder in place — extracted
// next to their targets and renamed in, the replaced ones kept aside.
// The CMS (and the publisher) must be stopped: a database another process
// has open is refused.
import { cp, mkdir, mkdtemp, open, rename, rm, rmdir } from 'node:fs/promises'
import path from 'node:path'
import { extract } from 'tar'
import { elapsed, exists, hashFile, isNonEmptyDir, walkFiles } from './files'
import { BackupError, DATABASE_ENTRY, MANIFEST_ENTRY, type Manifest, MEDIA_ENTRY, progress, sqliteFileFromUrl, timestamp } from './format'
import { isInUse, quickCheck } from './sqlite'
import { DamagedArchiveError, verifyArchive } from './verify'

export interface RestoreOptions {
  archive: string
  /** DATABASE_URL of the install to restore into (a `file:` URL). */
  databaseUrl: string
  /** Its uploads folder (CLES_MEDIA_DIR). */
  mediaDir: string
  /** Replace an existing database and media folder (they are kept aside). */
  force?: boolean
  log?: (line: string) => void
  now?: Date
}

export interface RestoreResult {
  manifest: Manifest
  databaseFile: string
  mediaDir: string
  /** Where the replaced database went (its -wal/-shm files beside it), if there was one. */
  keptDatabase?: string
  /** Where the replaced media folder went, if there was one. */
  keptMedia?: string
  durationMs: number
}

/** Restoring would overwrite something or disturb a running CMS: nothing was changed. */
export class RestoreRefusedError extends BackupError {
  override name = 'RestoreRefusedError'
}

const SQLITE_COMPANIONS = ['-wal', '-shm', '-journal']

const inside = (parent: string, child: string) => {
  const relative = path.relative(parent, child)
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))
}

export async function restoreBackup(options: RestoreOptions): Promise<RestoreResult> {
  const started = Date.now()
  const log = options.log ?? (() => {})
  const databaseFile = sqliteFileFromUrl(options.databaseUrl, 'restaurer')
  const mediaDir = path.resolve(options.mediaDir)
  const archive = path.resolve(options.archive)
  if (inside(mediaDir, databaseFile)) {
    throw new RestoreRefusedError(
      `La base (${databaseFile}) est dans le dossier des médias (${mediaDir}) : séparez-les (DATABASE_URL, CLES_MEDIA_DIR).`,
    )
  }

  // 1. The whole archive, before anything is touched.
  let t = Date.now()
  log(`vérification de l’archive ${archive} …`)
  const manifest = await verifyArchive(archive, log)
  log(`archive vérifiée : ${manifest.files.length} fichier(s) intacts (sauvegarde du ${manifest.createdAt}) en ${elapsed(t)}`)

  // 2. What is there already.
  const databaseExists = (await exists(databaseFile)) || (await exists(`${databaseFile}-wal`))
  const mediaExists = await isNonEmptyDir(mediaDir)
  if ((databaseExists || mediaExists) && !options.force) {
    const what = databaseExists ? `une base existe déjà à ${databaseFile}` : `le dossier des médias ${mediaDir} n’est pas vide`
    throw new RestoreRefusedError(
      `Restauration refusée : ${what}. Relancez avec --force pour la remplacer ; l’ancienne base et l’ancien dossier des médias ` +
        'seront conservés à côté (renommés « …avant-restauration-<date> »). Rien n’a été modifié.',
    )
  }
  if (await exists(databaseFile)) {
    let busy = false
    try {
      busy = await isInUse(databaseFile)
    } catch (error) {
      log(`avertissement : la base existante ne s’ouvre pas (${(error as Error).message}) ; elle sera conservée à côté.`)
    }
    if (busy) {
      throw new RestoreRefusedError(
        `Restauration refusée : la base ${databaseFile} est ouverte par un autre processus (le CMS, le processus de publication ou un script). ` +
          'Arrêtez le CMS (npm start) avant de restaurer. Rien n’a été modifié.',
      )
    }
  }

  // 3. Extract next to the targets (same disk, so the final step is a rename), check again.
  const stamp = timestamp(options.now ?? new Date())
  await mkdir(path.dirname(databaseFile), { recursive: true })
  await mkdir(path.dirname(mediaDir), { recursive: true })
  const staging = await mkdtemp(path.join(path.dirname(databaseFile), '.cles-restauration-'))
  const mediaReady = path.join(path.dirname(mediaDir), `.${path.basename(mediaDir)}.restauration-${stamp}`)
  try {
    t = Date.now()
    log('extraction …')
    const tick = progress(log, 'extraction', manifest.files.length + 1)
    let extracted = 0
    await extract({ file: archive, cwd: staging, strict: true, preserveOwner: false, onReadEntry: () => tick(++extracted) })
    // The archive could have changed since it was verified: what landed on disk must be exactly the manifest.
    const landed = (await walkFiles(staging)).files
    const expected = [MANIFEST_ENTRY, ...manifest.files.map((f) => f.path)].sort()
    if (landed.join('\n') !== expected.join('\n')) throw new DamagedArchiveError(archive, 'l’extraction ne correspond pas au manifeste')
    for (const file of manifest.files) {
      const { size, sha256 } = await hashFile(path.join(staging, ...file.path.split('/')))
      if (size !== file.size || sha256 !== file.sha256)
        throw new DamagedArchiveError(archive, `« ${file.path} » a changé depuis la vérification`)
    }
    const stagedDatabase = path.join(staging, DATABASE_ENTRY)
    const check = await quickCheck(stagedDatabase)
    if (check !== 'ok')
      throw new DamagedArchiveError(archive, `la base de l’archive est incohérente (quick_check : ${check.slice(0, 300)})`)
    const handle = await open(stagedDatabase, 'r+')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
    const stagedMedia = path.join(staging, MEDIA_ENTRY)
    await mkdir(stagedMedia, { recursive: true })
    try {
      await rename(stagedMedia, mediaReady)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error
      // The media folder is on another disk than the database: copy there first, then rename.
      await cp(stagedMedia, mediaReady, { recursive: true, preserveTimestamps: true, errorOnExist: true })
    }
    log(`extraction : ${manifest.files.length} fichier(s) vérifiés en ${elapsed(t)}`)

    // 4. Swap: the current database (with its -wal/-shm) and media folder aside, the restored ones in.
    const keptDatabase = databaseExists ? `${databaseFile}.avant-restauration-${stamp}` : undefined
    let keptMedia: string | undefined
    const moves: [string, string][] = []
    const move = async (from: string, to: string) => {
      if (await exists(to)) throw new BackupError(`${to} existe déjà`)
      await rename(from, to)
      moves.push([from, to])
    }
    try {
      if (keptDatabase) {
        for (const suffix of ['', ...SQLITE_COMPANIONS]) {
          if (await exists(`${databaseFile}${suffix}`)) await move(`${databaseFile}${suffix}`, `${keptDatabase}${suffix}`)
        }
      }
      if (mediaExists) {
        keptMedia = `${mediaDir}.avant-restauration-${stamp}`
        await move(mediaDir, keptMedia)
      } else if (await exists(mediaDir)) {
        await rmdir(mediaDir)
      }
      await move(stagedDatabase, databaseFile)
      await move(mediaReady, mediaDir)
    } catch (error) {
      for (const [from, to] of moves.reverse()) await rename(to, from).catch(() => {})
      throw new BackupError(`Restauration interrompue (${(error as Error).message}) : l’état précédent a été remis en place.`, {
        cause: error,
      })
    }
    return { manifest, databaseFile, mediaDir, keptDatabase, keptMedia, durationMs: Date.now() - started }
  } finally {
    await rm(staging, { recursive: true, force: true })
    await rm(mediaReady, { recursive: true, force: true })
  }
}
