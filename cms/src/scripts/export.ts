// Writes one snapshot per site: `pnpm --filter @cles/cms export [--out DIR] [--site slug …]`.
import { exportSnapshots } from '@cles/content/exporter'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { closePayload, openPayload } from '../lib/payload'
import { mediaDir } from '../lib/paths'

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: process.env.CLES_SNAPSHOT_DIR ?? path.resolve('..', '.snapshots') },
    site: { type: 'string', multiple: true },
  },
})

const started = Date.now()
const payload = await openPayload()
try {
  const outDir = path.resolve(values.out!)
  console.log(`[export] instantanés → ${outDir}`)
  const result = await exportSnapshots(payload, {
    outDir,
    mediaDir: mediaDir(),
    only: values.site,
    log: (line) => console.log(`[export]   ${line}`),
  })
  const changed = result.sites.filter((s) => s.changed).length
  console.log(
    `[export] ${result.sites.length} site(s), ${changed} modifié(s), médias : ${result.mediaWritten} écrit(s), ${result.mediaReused} déjà présent(s) — ${Date.now() - started} ms`,
  )
} catch (error) {
  console.error(`[export] ERREUR : ${(error as Error).message}`)
  process.exitCode = 1
} finally {
  await closePayload(payload)
}
