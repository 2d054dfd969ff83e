// The SQLite side of backups, through libsql (the client Payload's SQLite adapter
// uses), on a connection of our own: the CMS keeps its connections and writes.
import { drizzle } from '@payloadcms/db-sqlite/drizzle/libsql'
import type { SanitizedConfig } from 'payload'
import { isSqliteBusy } from '../lib/sqliteBusy'
import type { CollectionCount } from './format'

type Client = ReturnType<typeof drizzle>['$client']
type Row = Record<string, unknown>

/** One libsql connection to a database file, closed after `use`. */
async function withDatabase<T>(file: string, use: (client: Client) => Promise<T>, busyTimeoutMs = 5000): Promise<T> {
  const client = drizzle({ connection: { url: `file:${file}` } }).$client
  try {
    if (busyTimeoutMs > 0) await client.execute(`PRAGMA busy_timeout = ${busyTimeoutMs}`)
    return await use(client)
  } finally {
    client.close()
  }
}

const rows = async (client: Client, sql: string, args: (string | number)[] = []): Promise<Row[]> =>
  (await client.execute({ sql, args })).rows as unknown as Row[]

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`

/**
 * A consistent copy of a live database: VACUUM INTO reads one snapshot (a read
 * transaction; in WAL mode writers are not blocked) and writes it, compacted,
 * to `target`, which must not exist. A plain file copy could catch a page
 * half-written or miss what still sits in the -wal file.
 */
export async function copyDatabase(source: string, target: string): Promise<void> {
  await withDatabase(source, async (client) => {
    await client.execute({ sql: 'VACUUM INTO ?', args: [target] })
  })
}

/** Database is a SQLite file that opens and reads (not some other file under that name). */
export async function checkReadable(file: string): Promise<void> {
  await withDatabase(file, async (client) => {
    await client.execute('SELECT count(*) FROM sqlite_master')
  })
}

/** `ok`, or what SQLite's quick check found wrong. */
export async function quickCheck(file: string): Promise<string> {
  return withDatabase(file, async (client) => {
    const result = await rows(client, 'PRAGMA quick_check')
    return result.map((r) => String(Object.values(r)[0])).join('; ')
  })
}

/**
 * True when another process has the database open (the CMS, the publisher, a
 * script): it then holds a lock an exclusive transaction cannot take. Answers
 * at once (no busy timeout) and writes nothing.
 */
export async function isInUse(file: string): Promise<boolean> {
  try {
    await withDatabase(
      file,
      async (client) => {
        await client.execute('PRAGMA locking_mode = EXCLUSIVE')
        await client.execute('BEGIN EXCLUSIVE')
        await client.execute('ROLLBACK')
      },
      0,
    )
    return false
  } catch (error) {
    if (isSqliteBusy(error)) return true
    throw error
  }
}

/** Where one collection's documents live in the SQLite schema. */
export interface CollectionTable {
  slug: string
  table: string
  versionsTable?: string
  upload: boolean
}

// Payload's drizzle adapters name tables with to-snake-case (createTableName in @payloadcms/drizzle):
// `syndication-decisions` → `syndication_decisions`, versions `_syndication_decisions_v`.
const snake = (slug: string) =>
  slug
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toLowerCase()

/** Collection → table names, from the CMS config (a custom `dbName` wins, as in the adapter). */
export function collectionTables(config: Pick<SanitizedConfig, 'collections'>): CollectionTable[] {
  return config.collections.map((collection) => {
    const custom = typeof collection.dbName === 'string' ? collection.dbName : undefined
    const table = custom ?? snake(collection.slug)
    return {
      slug: collection.slug,
      table,
      versionsTable: collection.versions ? `_${table}_v` : undefined,
      upload: Boolean(collection.upload),
    }
  })
}

export interface DatabaseFacts {
  collections: Record<string, CollectionCount>
  schema: { migrations: number; lastMigration: string | null }
  /** File names (original and image sizes) the upload collections refer to. */
  mediaFiles: string[]
}

/**
 * The collections of a Payload SQLite schema, read from the database itself (no
 * need to load the CMS config, which takes seconds): a collection's main table
 * has `id`, `created_at` and `updated_at` and no `_parent_id` (arrays, blocks
 * and locales have one; relation tables have no timestamps), and does not start
 * with `_` (versions). Slugs are kebab-case here, so `syndication_decisions` is
 * `syndication-decisions`. Collections without timestamps (Payload's internal
 * payload-kv) are not counted, their tables are copied all the same.
 * backup.int.test.ts checks this against the config.
 */
export async function discoverCollections(client: Client): Promise<CollectionTable[]> {
  const tables = (await rows(client, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")).map((r) => String(r.name))
  const all = new Set(tables)
  const found: CollectionTable[] = []
  for (const table of tables) {
    if (table.startsWith('_') || table.startsWith('sqlite_')) continue
    const columns = new Set((await rows(client, `PRAGMA table_info(${quote(table)})`)).map((r) => String(r.name)))
    if (!['id', 'created_at', 'updated_at'].every((c) => columns.has(c)) || columns.has('_parent_id')) continue
    found.push({
      slug: table.replace(/_/g, '-'),
      table,
      versionsTable: all.has(`_${table}_v`) ? `_${table}_v` : undefined,
      upload: columns.has('filename') && columns.has('mime_type'),
    })
  }
  return found
}

/** Counts and references read from a database copy (never the live one); collections default to discoverCollections. */
export async function readFacts(file: string, given?: CollectionTable[]): Promise<DatabaseFacts> {
  return withDatabase(file, async (client) => {
    const tables = new Set((await rows(client, "SELECT name FROM sqlite_master WHERE type = 'table'")).map((r) => String(r.name)))
    const collections = given ?? (await discoverCollections(client))
    const count = async (table: string) => Number((await rows(client, `SELECT count(*) AS n FROM ${quote(table)}`))[0]?.n ?? 0)
    const counts: Record<string, CollectionCount> = {}
    const mediaFiles = new Set<string>()
    for (const c of collections) {
      if (!tables.has(c.table)) continue
      counts[c.slug] = { documents: await count(c.table) }
      if (c.versionsTable && tables.has(c.versionsTable)) counts[c.slug]!.versions = await count(c.versionsTable)
      if (c.upload) {
        const columns = (await rows(client, `PRAGMA table_info(${quote(c.table)})`))
          .map((r) => String(r.name))
          .filter((name) => name === 'filename' || name.endsWith('_filename'))
        for (const column of columns) {
          for (const r of await rows(client, `SELECT ${quote(column)} AS f FROM ${quote(c.table)} WHERE ${quote(column)} IS NOT NULL`)) {
            mediaFiles.add(String(r.f))
          }
        }
      }
    }
    let schema: DatabaseFacts['schema'] = { migrations: 0, lastMigration: null }
    if (tables.has('payload_migrations')) {
      const applied = await rows(client, 'SELECT name FROM payload_migrations WHERE batch > 0 ORDER BY name')
      schema = { migrations: applied.length, lastMigration: applied.length ? String(applied[applied.length - 1]!.name) : null }
    }
    return { collections: counts, schema, mediaFiles: [...mediaFiles].sort() }
  })
}
