// Vitest global setup: one seeded, exported and started CMS (its own SQLite file
// in a temp folder) shared by every e2e file that needs it.
import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { freePort, runCms, startCms, stopProcess } from '../src/processes.ts'

export const E2E_PASSWORD = 'e2e-demo-password-2026'

declare module 'vitest' {
  export interface ProvidedContext {
    cmsUrl: string
    snapshotDir: string
    password: string
    /** What another process needs to open the same CMS database (the publisher). */
    cmsEnv: { DATABASE_URL: string; CLES_MEDIA_DIR: string; PAYLOAD_SECRET: string; CLES_PUBLISHER_URL: string }
  }
}

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'cles-e2e-'))
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: `file:${join(dir, 'cms.db')}`,
    CLES_MEDIA_DIR: join(dir, 'media'),
    PAYLOAD_SECRET: 'e2e-secret-0123456789abcdef0123456789abcdef',
    SEED_PASSWORD: E2E_PASSWORD,
    // Where the CMS finds the publisher a test starts (files run one at a time): kicks and « Aperçu » reach it.
    CLES_PUBLISHER_URL: `http://127.0.0.1:${await freePort()}`,
  }
  let cms: ChildProcess | undefined
  try {
    // Migrate, seed and export in one Payload boot, as `npm start` does.
    await runCms('prepare:db', ['--export-to', join(dir, 'snapshots')], env)
    const port = await freePort()
    cms = await startCms(env, port)
    // `next dev` (CLES_E2E_CMS=dev) serves its scripts' live updates to `localhost` only: the admin stays blank on 127.0.0.1.
    project.provide('cmsUrl', `http://${env.CLES_E2E_CMS === 'dev' ? 'localhost' : '127.0.0.1'}:${port}`)
    project.provide('snapshotDir', join(dir, 'snapshots'))
    project.provide('password', E2E_PASSWORD)
    project.provide('cmsEnv', {
      DATABASE_URL: env.DATABASE_URL!,
      CLES_MEDIA_DIR: env.CLES_MEDIA_DIR!,
      PAYLOAD_SECRET: env.PAYLOAD_SECRET!,
      CLES_PUBLISHER_URL: env.CLES_PUBLISHER_URL!,
    })
  } catch (error) {
    stopProcess(cms)
    rmSync(dir, { recursive: true, force: true })
    throw error
  }
  return () => {
    stopProcess(cms)
    rmSync(dir, { recursive: true, force: true })
  }
}
