// Restore of a backup made by `npm run backup`: `npm run restore -- <archive> [--force]`.
// Verifies the whole archive first and changes nothing if it is damaged; refuses
// to replace an existing database without --force, and keeps the replaced one aside.
// Stop the CMS first (a database another process has open is refused).
import { readdirSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { BackupError, describeCollections, formatBytes } from '../backup/format'
import { restoreBackup } from '../backup/restore'
import { cmsRoot, defaultDatabaseUrl, mediaDir } from '../lib/paths'
import { s3Settings } from '../lib/s3Settings'

const log = (line: string) => console.log(`[restauration] ${line}`)
const USAGE = 'usage : npm run restore -- <archive.tar.gz> [--force]'

try {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2).filter((a) => a !== '--'),
    allowPositionals: true,
    options: { force: { type: 'boolean', default: false } },
  })
  if (positionals.length !== 1) throw new BackupError(`indiquez une archive et une seule. ${USAGE}`)
  // A relative path starts where pnpm was started (INIT_CWD: the repository root for `npm run restore`), not in cms/.
  const archive = path.resolve(process.env.INIT_CWD ?? process.cwd(), positionals[0]!)
  const result = await restoreBackup({
    archive,
    databaseUrl: process.env.DATABASE_URL || defaultDatabaseUrl(),
    mediaDir: mediaDir(),
    force: values.force,
    log,
  })
  const { manifest } = result
  log(`base restaurée : ${result.databaseFile} (sauvegarde du ${manifest.createdAt})`)
  log(`médias restaurés : ${result.mediaDir} (${manifest.media.files} fichier(s), ${formatBytes(manifest.media.bytes)})`)
  const bucket = s3Settings()?.bucket
  if (bucket) {
    log(
      `ATTENTION : S3_BUCKET est défini : le CMS lit les médias dans le seau « ${bucket} », pas dans ${result.mediaDir}. ` +
        'Restaurez le seau avec ses propres outils (docs/production.md).',
    )
  }
  log(`contenu restauré :\n${describeCollections(manifest.collections).join('\n')}`)
  if (manifest.media.missing.length) {
    log(`avertissement : ${manifest.media.missing.length} fichier(s) cité(s) par la base manquaient déjà lors de la sauvegarde.`)
  }
  if (result.keptDatabase) log(`ancienne base conservée : ${result.keptDatabase}`)
  if (result.keptMedia) log(`ancien dossier des médias conservé : ${result.keptMedia}`)
  // Migration names are their file names (src/migrations/index.ts lists the same; importing it loads Payload, seconds).
  const known = new Set(
    readdirSync(path.join(cmsRoot(), 'src', 'migrations'))
      .filter((f) => /^\d{8}_\d{6}_.+\.ts$/.test(f))
      .map((f) => f.replace(/\.ts$/, '')),
  )
  if (manifest.schema.lastMigration && !known.has(manifest.schema.lastMigration)) {
    log(
      `ATTENTION : la sauvegarde vient d’une version plus récente du CMS (migration ${manifest.schema.lastMigration} inconnue ici) : ` +
        'mettez le code à jour avant de démarrer le CMS.',
    )
  }
  log(`terminé en ${(result.durationMs / 1000).toFixed(1).replace('.', ',')} s.`)
  log('démarrez le CMS (npm start) : il applique au démarrage les migrations plus récentes que la sauvegarde, s’il y en a.')
} catch (error) {
  console.error(`[restauration] ERREUR : ${(error as Error).message}`)
  process.exitCode = error instanceof BackupError ? 2 : 1
}
