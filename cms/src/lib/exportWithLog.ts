import { exportSnapshots } from '../export'
import path from 'node:path'
import type { Payload } from 'payload'
import { mediaDir } from './paths'

/** Exports the snapshots with progress lines; shared by `export` and `prepare:db --export-to`. */
export async function exportWithLog(payload: Payload, out: string, only?: string[]): Promise<void> {
  const started = Date.now()
  const outDir = path.resolve(out)
  console.log(`[export] instantanés → ${outDir}`)
  const result = await exportSnapshots(payload, { outDir, mediaDir: mediaDir(), only, log: (line) => console.log(`[export]   ${line}`) })
  const changed = result.sites.filter((s) => s.changed).length
  console.log(
    `[export] ${result.sites.length} site(s), ${changed} modifié(s), médias : ${result.mediaWritten} écrit(s), ` +
      `${result.mediaReused} déjà présent(s) — ${Date.now() - started} ms`,
  )
}
