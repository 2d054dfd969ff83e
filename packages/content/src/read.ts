// Reading a snapshot from disk (used by the Astro loader and the site kit).
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { frenchErrors, siteSnapshotSchema } from './schema.ts'
import { SNAPSHOT_FORMAT } from './constants.ts'
import type { SiteSnapshot } from './types.ts'

export class SnapshotError extends Error {
  override name = 'SnapshotError'
}

/** Where snapshots live: `CLES_SNAPSHOT_DIR`, else `<repo>/.snapshots`. */
export function snapshotDir(repoRoot: string): string {
  return resolve(repoRoot, process.env.CLES_SNAPSHOT_DIR ?? '.snapshots')
}

export function snapshotFile(dir: string, siteSlug: string): string {
  return join(dir, `${siteSlug}.json`)
}

export function readSnapshot(dir: string, siteSlug: string): SiteSnapshot {
  const file = snapshotFile(dir, siteSlug)
  let raw: string
  try {
    raw = readFileSync(file, 'utf8')
  } catch {
    throw new SnapshotError(
      `Instantané introuvable pour le site « ${siteSlug} » : ${file}. Lancez l'export (npm run export) ou définissez CLES_SNAPSHOT_DIR.`,
    )
  }
  let data: unknown
  try {
    data = JSON.parse(raw)
  } catch (error) {
    throw new SnapshotError(`Instantané illisible (JSON invalide) : ${file} — ${(error as Error).message}`)
  }
  const format = (data as { format?: unknown } | null)?.format
  if (typeof format === 'number' && format !== SNAPSHOT_FORMAT) {
    throw new SnapshotError(
      `Instantané au format ${format} pour « ${siteSlug} » (${file}), ce site attend le format ${SNAPSHOT_FORMAT}. ` +
        (format < SNAPSHOT_FORMAT
          ? 'Relancez l’export (npm run export) pour le mettre à jour.'
          : 'Mettez à jour le dépôt (le CMS exporte un format plus récent).'),
    )
  }
  const parsed = siteSnapshotSchema.safeParse(data, { error: frenchErrors })
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `  - ${i.path.join('.')} : ${i.message}`).join('\n')
    throw new SnapshotError(`Instantané invalide pour « ${siteSlug} » (${file}) :\n${issues}`)
  }
  if (parsed.data.site.slug !== siteSlug) {
    throw new SnapshotError(`L'instantané ${file} décrit le site « ${parsed.data.site.slug} », pas « ${siteSlug} ».`)
  }
  return parsed.data
}
