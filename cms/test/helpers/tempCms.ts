// A throw-away CMS for one test file: its own SQLite file and media folder in
// a temp directory, migrations applied, the same config as production.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'

export interface TempCms {
  payload: Payload
  dir: string
  mediaDir: string
  close: () => Promise<void>
}

export async function startTempCms(databaseUrl?: string): Promise<TempCms> {
  const dir = mkdtempSync(path.join(tmpdir(), 'cles-cms-test-'))
  process.env.DATABASE_URL = databaseUrl ?? `file:${path.join(dir, 'test.db')}`
  process.env.CLES_MEDIA_DIR = path.join(dir, 'media')
  process.env.PAYLOAD_SECRET = 'test-secret-for-vitest-only-0123456789abcdef'
  // Imported after the environment is set: the config reads it when loaded.
  const { openPayload, closePayload } = await import('../../src/lib/payload')
  const payload = await openPayload()
  return {
    payload,
    dir,
    mediaDir: process.env.CLES_MEDIA_DIR,
    close: async () => {
      await closePayload(payload)
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
