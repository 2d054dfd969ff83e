// A throw-away CMS for one test file: its own SQLite file and media folder in
// a temp directory, migrations applied, the same config as production.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createLocalReq, type Payload, type PayloadRequest } from 'payload'

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

/** A minimal valid site (and optionally staff on it) for tests that need one. */
export async function createTestSite(payload: Payload, slug: string, name = `Site ${slug}`) {
  return payload.create({
    collection: 'sites',
    data: {
      name,
      slug,
      domain: `${slug}.example`,
      exitUrl: 'https://meteo.gc.ca/',
      brand: { primary: '#000000', accent: '#222222', background: '#ffffff', text: '#111111' },
    },
  })
}

type SiteRole = 'site-admin' | 'site-editor' | 'contributor'

export async function createStaff(payload: Payload, email: string, site: number, role: SiteRole) {
  return createMember(payload, email, [{ site, role }])
}

/** A staff account with memberships on several sites. */
export async function createMember(payload: Payload, email: string, memberships: { site: number; role: SiteRole }[]) {
  return payload.create({ collection: 'users', data: { email, password: 'a-long-password-1', memberships } })
}

/** A Local API request made by this account (access control applies to what is done with it). */
export function requestAs(payload: Payload, user: { id: number | string }, locale?: string): Promise<PayloadRequest> {
  return createLocalReq({ user: { ...user, collection: 'users' } as never, locale }, payload)
}
