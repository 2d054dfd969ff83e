// Backup of the SQLite database and the uploaded media while the CMS runs:
// `npm run backup [-- --out FICHIER.tar.gz]` (default: cms/data/backups/cles-sauvegarde-<date>.tar.gz).
// Archive layout and guarantees: src/backup/format.ts. MongoDB: mongodump, see the README.
// It does not load the CMS config (seconds): collections are read from the database's tables.
import path from 'node:path'
import { parseArgs } from 'node:util'
import { createBackup } from '../backup/backup'
import { BackupError, defaultBackupName, describeCollections, formatBytes, sqliteFileFromUrl } from '../backup/format'
import { dataDir, defaultDatabaseUrl, mediaDir } from '../lib/paths'
import { s3Settings } from '../lib/s3Settings'

const log = (line: string) => console.log(`[sauvegarde] ${line}`)

try {
  const { values } = parseArgs({ args: process.argv.slice(2).filter((a) => a !== '--'), options: { out: { type: 'string' } } })
  const databaseUrl = process.env.DATABASE_URL || defaultDatabaseUrl()
  const databaseFile = sqliteFileFromUrl(databaseUrl, 'sauvegarder') // MongoDB or a remote base: refused here, in French
  // A relative --out starts where pnpm was started (INIT_CWD: the repository root for `npm run backup`), not in cms/.
  const out = values.out
    ? path.resolve(process.env.INIT_CWD ?? process.cwd(), values.out)
    : path.join(dataDir(), 'backups', defaultBackupName())
  log(`base ${databaseFile}, médias ${mediaDir()} → ${out}`)
  const bucket = s3Settings()?.bucket
  if (bucket) {
    log(
      `ATTENTION : les médias sont dans le seau S3 « ${bucket} » (S3_BUCKET), pas dans ${mediaDir()} : cette archive ne les contient pas. ` +
        'Sauvegardez le seau avec les outils de votre hébergeur (versionnage, réplication) ou « aws s3 sync s3://' +
        `${bucket} <dossier> » (docs/production.md).`,
    )
  }
  const result = await createBackup({ databaseUrl, mediaDir: mediaDir(), out, log })
  log(`contenu sauvegardé :\n${describeCollections(result.manifest.collections).join('\n')}`)
  log(
    `terminé en ${(result.durationMs / 1000).toFixed(1).replace('.', ',')} s : ${result.file} ` +
      `(${formatBytes(result.bytes)}, sha256 ${result.sha256})`,
  )
  log(
    'copiez cette archive hors de la machine (autre disque, autre lieu) : une sauvegarde à côté de la base ne protège pas d’une panne du disque.',
  )
} catch (error) {
  console.error(`[sauvegarde] ERREUR : ${(error as Error).message}`)
  process.exitCode = error instanceof BackupError ? 2 : 1
}
