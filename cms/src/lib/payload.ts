import { getPayload, type Payload } from 'payload'
import config from '../payload.config'
import { migrations } from '../migrations'
import { isMongoUrl } from './database'

/**
 * Payload for scripts and tests: same config as the server, with the
 * committed migrations applied first (SQLite never uses schema push).
 */
export async function openPayload(): Promise<Payload> {
  // Outside `next dev`, Payload would open an HMR websocket that keeps scripts alive.
  process.env.DISABLE_PAYLOAD_HMR = 'true'
  process.env.CLES_DISABLE_JOBS ??= '1'
  // The CMS server sweeps the media folder (lib/mediaStorage.ts); a script beside it must not.
  process.env.CLES_MEDIA_SWEEP ??= '0'
  const payload = await getPayload({ config })
  if (!isMongoUrl(process.env.DATABASE_URL ?? '')) {
    await payload.db.migrate({ migrations: migrations as never })
  }
  return payload
}

/** Close the database so a script can exit on its own. */
export async function closePayload(payload: Payload): Promise<void> {
  await payload.destroy()
}
