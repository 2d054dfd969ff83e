// The same seed → export path against MongoDB. No MongoDB server can run on our
// own machines, so this runs wherever TEST_MONGODB_URL is set and says so loudly otherwise.
import { exportSnapshots } from '../src/export'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTempCms, type TempCms } from './helpers/tempCms'
import { seed } from '../src/seed'

const url = process.env.TEST_MONGODB_URL

if (!url) {
  console.warn(
    '\n⚠  Suite MongoDB IGNORÉE : définissez TEST_MONGODB_URL (ex. mongodb://127.0.0.1:27017/cles-test) pour la lancer.\n' +
      '⚠  MongoDB suite SKIPPED: set TEST_MONGODB_URL to run it.\n',
  )
}

describe.skipIf(!url)('MongoDB adapter (TEST_MONGODB_URL)', () => {
  let cms: TempCms
  beforeAll(async () => {
    cms = await startTempCms(url)
    await cms.payload.db.connection?.dropDatabase?.()
    await seed(cms.payload, { password: 'test-password-123' })
  })
  afterAll(async () => cms?.close())

  it('seeds and exports the same snapshots as SQLite', async () => {
    const result = await exportSnapshots(cms.payload, { outDir: path.join(cms.dir, 'snap'), mediaDir: cms.mediaDir })
    expect(result.sites.map((s) => s.slug).sort()).toEqual(['calacs-agression-estrie', 'calacs-etoile-du-nord', 'calacs-outaouais', 'cles', 'maison-de-marthe'])
    expect(result.sites.every((s) => s.news >= 9)).toBe(true)
  })
})
