// Comparing snapshots written from two databases (SQLite and MongoDB) that
// were filled by the same seed: document ids differ by adapter (integers vs
// ObjectIds), everything else a site builds from must not.
import { execFile } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import type { SiteSnapshot } from '@cles/content'

const run = promisify(execFile)
/** The cms/ folder: the scripts read migrations and paths from there. */
export const CMS_ROOT = path.resolve(import.meta.dirname, '../..')

export const readSnapshotFile = (dir: string, slug: string): SiteSnapshot =>
  JSON.parse(readFileSync(path.join(dir, `${slug}.json`), 'utf8'))

/** File names in `<dir>/media` (content hashes), sorted. */
export const mediaFiles = (dir: string): string[] => {
  try {
    return readdirSync(path.join(dir, 'media')).sort()
  } catch {
    return []
  }
}

/**
 * Replaces database ids by what identifies the item in the snapshot itself
 * (article: its canonical URL; page: its path; resource: its French name), and
 * breaks ordering ties on that key instead of on the id — the exporter's
 * comparators otherwise, unchanged. Anything else is kept as exported.
 */
export function withoutDatabaseIds(snapshot: SiteSnapshot): SiteSnapshot {
  const pageKey = new Map(snapshot.pages.map((p) => [p.id, `page:${p.path}`]))
  const news = snapshot.news
    .map((a) => ({ ...a, id: `news:${a.canonicalUrl}` }))
    .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt) || a.id.localeCompare(b.id, 'en'))
  const pages = snapshot.pages
    .map((p) => ({
      ...p,
      id: pageKey.get(p.id)!,
      parentId: p.parentId === null ? null : (pageKey.get(p.parentId) ?? `page:absente:${p.parentId}`),
    }))
    .sort((a, b) => a.path.localeCompare(b.path, 'en') || a.id.localeCompare(b.id, 'en'))
  const resources = snapshot.resources
    .map((r) => ({ ...r, id: `resource:${r.name.fr}` }))
    .sort((a, b) => a.name.fr.localeCompare(b.name.fr, 'fr') || a.id.localeCompare(b.id, 'en'))
  return { ...snapshot, news, pages, resources }
}

/**
 * Seeds a fresh SQLite file with the demo seed and exports its snapshots, with
 * the CMS's own scripts (`src/scripts/seed.ts`, `src/scripts/export.ts`) in a
 * child process: one process holds one Payload config, and the calling test
 * may already hold another database's.
 */
export async function seedAndExportOnSqlite(workDir: string, outDir: string, password: string): Promise<void> {
  mkdirSync(workDir, { recursive: true })
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: `file:${path.join(workDir, 'reference.db')}`,
    CLES_MEDIA_DIR: path.join(workDir, 'media'),
    CLES_DATA_DIR: workDir,
    PAYLOAD_SECRET: process.env.PAYLOAD_SECRET ?? 'test-secret-for-vitest-only-0123456789abcdef',
    SEED_PASSWORD: password,
    NODE_ENV: 'test',
  }
  const tsx = path.join(CMS_ROOT, 'node_modules/.bin/tsx')
  const options = { cwd: CMS_ROOT, env, timeout: 600_000, maxBuffer: 64 * 1024 * 1024 }
  for (const args of [['src/scripts/seed.ts'], ['src/scripts/export.ts', '--out', outDir]]) {
    try {
      await run(tsx, args, options)
    } catch (error) {
      const e = error as Error & { stdout?: string; stderr?: string }
      throw new Error(`${args[0]} a échoué sur SQLite : ${e.message}\n${(e.stderr ?? '').slice(-2000)}\n${(e.stdout ?? '').slice(-2000)}`, {
        cause: error,
      })
    }
  }
}
