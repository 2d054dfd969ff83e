import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import type { DatabaseAdapterObj } from 'payload'
import { migrations } from '../migrations'
import { defaultDatabaseUrl } from './paths'

export const isMongoUrl = (url: string) => /^mongodb(\+srv)?:\/\//.test(url)

/**
 * DATABASE_URL picks the adapter: mongodb:// or mongodb+srv:// → MongoDB,
 * anything else (or nothing) → the embedded SQLite file. The rest of the code
 * only talks to Payload's Local API, so it does not care which one runs.
 */
export function databaseAdapter(url = process.env.DATABASE_URL || defaultDatabaseUrl()): DatabaseAdapterObj {
  if (isMongoUrl(url)) {
    return mongooseAdapter({ url })
  }
  if (url.startsWith('file:')) {
    // First run on a fresh clone: the gitignored data folder does not exist yet.
    mkdirSync(path.dirname(url.slice('file:'.length)), { recursive: true })
  }
  return sqliteAdapter({
    client: { url },
    // The CMS server, the exporter and scripts share one file: WAL lets readers
    // and a writer work at once, and a busy timeout waits instead of failing.
    wal: true,
    busyTimeout: 5000,
    // Ids are never reused (SQLite's AUTOINCREMENT): snapshots, releases, the publication log,
    // the audit trail and open admin tabs keep ids outside the database.
    autoIncrement: true,
    logger: process.env.CLES_SQL_LOG === '1',
    // Schema changes go through committed migrations, never through push.
    push: false,
    migrationDir: 'src/migrations',
    prodMigrations: migrations as never,
  })
}
