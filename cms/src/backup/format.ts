// What a backup archive holds and how it is named. One `.tar.gz`:
//
//   manifest.json      format, date, source, schema, counts, and size + sha256 of every other entry
//   database.sqlite    a consistent copy of the SQLite database (VACUUM INTO, taken while the CMS runs)
//   media/…            the uploaded files, as they are in the media folder
//
// Nothing else may be in it: restore refuses any entry the manifest does not list.
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const BACKUP_FORMAT = 'cles-sauvegarde'
export const BACKUP_VERSION = 1
export const MANIFEST_ENTRY = 'manifest.json'
export const DATABASE_ENTRY = 'database.sqlite'
export const MEDIA_ENTRY = 'media'

// Same test as lib/database.ts, not imported from there: that module loads both database adapters (seconds).
const isMongoUrl = (url: string) => /^mongodb(\+srv)?:\/\//.test(url)

export interface ManifestFile {
  path: string
  size: number
  sha256: string
}

export interface CollectionCount {
  /** Rows of the collection's main table (drafts-enabled collections: one per document). */
  documents: number
  /** Rows of its versions table, for collections with versions. */
  versions?: number
}

export interface Manifest {
  format: typeof BACKUP_FORMAT
  version: number
  createdAt: string
  source: {
    /** Kind of DATABASE_URL the copy was taken from (only SQLite files can be backed up this way). */
    databaseUrl: 'sqlite-file'
    /** File name of the database, for the reader (the restore writes wherever DATABASE_URL points). */
    databaseFile: string
    method: 'VACUUM INTO'
  }
  /** Migrations applied to the copied database (the CMS applies newer ones when it starts). */
  schema: { migrations: number; lastMigration: string | null }
  collections: Record<string, CollectionCount>
  media: {
    files: number
    bytes: number
    /** Files the copied database refers to that were not in the media folder when it was read. */
    missing: string[]
  }
  /** Every entry of the archive except the manifest itself. */
  files: ManifestFile[]
}

/** Every refusal or failure meant for the person running the command, in French. */
export class BackupError extends Error {
  override name = 'BackupError'
}

const MONGO_BACKUP =
  'Pour MongoDB, sauvegardez la base avec « mongodump --uri "$DATABASE_URL" --gzip --archive=cles-mongo.archive.gz » ' +
  'et copiez le dossier des médias (CLES_MEDIA_DIR, par défaut cms/data/media) ; ' +
  'restaurez avec « mongorestore --uri "$DATABASE_URL" --gzip --archive=cles-mongo.archive.gz --drop » et en remettant le dossier des médias ' +
  '(voir le README, « Sauvegarde et restauration »).'

/**
 * The SQLite file a DATABASE_URL points at (`file:/abs/path.db`, `file:relative.db`,
 * `file:///abs/path.db`), or a French refusal for MongoDB and remote databases.
 */
export function sqliteFileFromUrl(url: string, action: 'sauvegarder' | 'restaurer'): string {
  if (isMongoUrl(url)) {
    throw new BackupError(
      `DATABASE_URL désigne une base MongoDB : « npm run ${action === 'sauvegarder' ? 'backup' : 'restore'} » ne traite que la base SQLite. ${MONGO_BACKUP}`,
    )
  }
  if (!url.startsWith('file:')) {
    throw new BackupError(
      `DATABASE_URL (${url.replace(/\/\/[^@/]*@/, '//…@')}) ne désigne pas un fichier SQLite local : impossible de ${action} cette base ici. ` +
        'Utilisez les outils de sauvegarde de son hébergeur, et copiez le dossier des médias.',
    )
  }
  const withoutQuery = url.replace(/\?.*$/, '')
  const file = withoutQuery.startsWith('file://') ? fileURLToPath(withoutQuery) : withoutQuery.slice('file:'.length)
  if (!file) throw new BackupError(`DATABASE_URL (${url}) ne contient pas de chemin de fichier.`)
  return path.resolve(file)
}

/** `2026-11-30T17-01-56Z`: sortable, no characters that file systems or shells dislike. */
export const timestamp = (date = new Date()) =>
  date
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/:/g, '-')

export const defaultBackupName = (date = new Date()) => `cles-sauvegarde-${timestamp(date)}.tar.gz`

/**
 * A path inside the archive that can only land inside the folder it is extracted to:
 * relative, forward slashes, no `.`/`..`/empty segments, no control characters.
 */
export function isSafeEntryPath(entry: string): boolean {
  if (!entry || entry.length > 4096) return false
  if (entry.startsWith('/') || /^[A-Za-z]:/.test(entry) || entry.includes('\\')) return false
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f]/.test(entry)) return false
  return entry.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..')
}

export const formatBytes = (bytes: number) => {
  if (bytes < 1024) return `${bytes} o`
  const units = ['Kio', 'Mio', 'Gio', 'Tio']
  let value = bytes / 1024
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return `${value.toFixed(value < 10 ? 1 : 0).replace('.', ',')} ${units[unit]}`
}

/** Throttled progress: one line per second at most, plus the last one. */
export function progress(log: ((line: string) => void) | undefined, label: string, total: number) {
  let last = 0
  return (done: number, extra = '') => {
    if (!log || total === 0) return
    const now = Date.now()
    if (done < total && now - last < 1000) return
    last = now
    log(`${label} : ${done}/${total}${extra}`)
  }
}

/** One line per collection for people: `  news : 12 document(s), 30 version(s)`. Payload's own collections last. */
export function describeCollections(collections: Manifest['collections']): string[] {
  const entries = Object.entries(collections).sort(([a], [b]) => Number(a.startsWith('payload-')) - Number(b.startsWith('payload-')))
  return entries.map(
    ([slug, count]) => `  ${slug} : ${count.documents} document(s)${count.versions === undefined ? '' : `, ${count.versions} version(s)`}`,
  )
}
