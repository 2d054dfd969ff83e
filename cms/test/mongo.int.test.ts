// The same seed → export path against MongoDB, compared with SQLite: the demo
// seed runs on a fresh MongoDB database (in this process) and on a fresh SQLite
// file (the CMS's seed and export scripts, in a child process), and the
// snapshots must be the same once database ids are set aside. No MongoDB server
// can run on our own machines, so this runs wherever TEST_MONGODB_URL is set and
// says so loudly otherwise.
import path from 'node:path'
import { siteSnapshotSchema } from '@cles/content'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportSnapshots, type ExportResult } from '../src/export'
import { isMongoUrl } from '../src/lib/database'
import { seed } from '../src/seed'
import { mediaFiles, readSnapshotFile, seedAndExportOnSqlite, withoutDatabaseIds } from './helpers/snapshots'
import { startTempCms, type TempCms } from './helpers/tempCms'

const url = process.env.TEST_MONGODB_URL
const SITES = ['calacs-agression-estrie', 'calacs-etoile-du-nord', 'calacs-outaouais', 'cles', 'maison-de-marthe']
const PASSWORD = 'test-password-123'

if (!url) {
  console.warn(
    '\n⚠  Suite MongoDB IGNORÉE : définissez TEST_MONGODB_URL (ex. mongodb://127.0.0.1:27017/cles-test) pour la lancer.\n' +
      '⚠  MongoDB suite SKIPPED: set TEST_MONGODB_URL to run it.\n',
  )
}

describe.skipIf(!url)('MongoDB adapter (TEST_MONGODB_URL)', () => {
  let cms: TempCms
  let mongoOut: string
  let sqliteOut: string
  let mongoResult: ExportResult

  beforeAll(async () => {
    if (!isMongoUrl(url!)) throw new Error(`TEST_MONGODB_URL doit être une adresse mongodb:// ou mongodb+srv:// (reçu : ${url})`)
    cms = await startTempCms(url)
    mongoOut = path.join(cms.dir, 'snap-mongo')
    sqliteOut = path.join(cms.dir, 'snap-sqlite')
    // Reference first, in its own process and folder (its own SQLite file and uploads).
    await seedAndExportOnSqlite(path.join(cms.dir, 'sqlite'), sqliteOut, PASSWORD)
    await cms.payload.db.connection?.dropDatabase?.()
    await seed(cms.payload, { password: PASSWORD })
    mongoResult = await exportSnapshots(cms.payload, { outDir: mongoOut, mediaDir: cms.mediaDir })
  }, 900_000)
  afterAll(async () => {
    await cms?.payload.db.connection?.dropDatabase?.()
    await cms?.close()
  })

  it('really runs on MongoDB', () => {
    expect(cms.payload.db.name).toBe('mongoose')
  })

  it('seeds and exports the same snapshots as SQLite', async () => {
    expect(mongoResult.sites.map((s) => s.slug).sort()).toEqual(SITES)
    expect(mongoResult.sites.every((s) => s.news >= 9)).toBe(true)
    for (const slug of SITES) {
      const mongo = readSnapshotFile(mongoOut, slug)
      const sqlite = readSnapshotFile(sqliteOut, slug)
      expect(siteSnapshotSchema.safeParse(mongo).success, `${slug} (MongoDB) valide`).toBe(true)
      // Ids are the adapters' own (ObjectIds vs integers): they must differ in form, not in what they point to.
      expect(withoutDatabaseIds(mongo), slug).toEqual(withoutDatabaseIds(sqlite))
    }
    // The same images, byte for byte (files are named by their content hash).
    expect(mediaFiles(mongoOut)).toEqual(mediaFiles(sqliteOut))
    expect(mediaFiles(mongoOut).length).toBeGreaterThan(0)
  })
})
