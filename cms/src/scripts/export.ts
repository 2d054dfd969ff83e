// Writes one snapshot per site: `pnpm --filter @cles/cms export [--out DIR] [--site slug …]`.
import path from 'node:path'
import { parseArgs } from 'node:util'
import { exportWithLog } from '../lib/exportWithLog'
import { closePayload, openPayload } from '../lib/payload'

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: process.env.CLES_SNAPSHOT_DIR ?? path.resolve('..', '.snapshots') },
    site: { type: 'string', multiple: true },
  },
})

const payload = await openPayload()
try {
  await exportWithLog(payload, values.out!, values.site)
} catch (error) {
  console.error(`[export] ERREUR : ${(error as Error).message}`)
  process.exitCode = 1
} finally {
  await closePayload(payload)
}
