// The same seed → export path against MongoDB, compared with SQLite: the demo
// seed runs on a fresh MongoDB database (in this process) and on a fresh SQLite
// file (the CMS's seed and export scripts, in a child process), and the
// snapshots must be the same once database ids are set aside. No MongoDB server
// can run on our own machines, so this runs wherever TEST_MONGODB_URL is set and
// says so loudly otherwise.
import { spawnSync } from 'node:child_process'
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
/** MongoDB Database Tools (mongodump, mongorestore): the documented backup path for MongoDB (README « Sauvegarde »). */
const hasMongoTools = ['mongodump', 'mongorestore'].every((tool) => spawnSync(tool, ['--version']).status === 0)

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

  // The README's MongoDB backup, as an operator runs it: dump, lose the database, restore, same content.
  it.skipIf(!hasMongoTools)(
    'mongodump then mongorestore into an emptied database gives back every document and the same snapshots',
    async () => {
      const archive = path.join(cms.dir, 'cles-mongo.archive.gz')
      const collections = cms.payload.config.collections.map((c) => c.slug)
      const counts = async () =>
        Object.fromEntries(
          await Promise.all(
            collections.map(async (slug) => [slug, (await cms.payload.count({ collection: slug, overrideAccess: true })).totalDocs]),
          ),
        )
      const before = await counts()
      const dump = spawnSync('mongodump', ['--uri', url!, '--gzip', `--archive=${archive}`], { encoding: 'utf8' })
      expect(dump.status, dump.stderr).toBe(0)
      await cms.payload.db.connection?.dropDatabase?.()
      expect((await cms.payload.count({ collection: 'news', overrideAccess: true })).totalDocs).toBe(0)
      const restore = spawnSync('mongorestore', ['--uri', url!, '--gzip', `--archive=${archive}`, '--drop'], { encoding: 'utf8' })
      expect(restore.status, restore.stderr).toBe(0)
      expect(await counts()).toEqual(before)
      const restoredOut = path.join(cms.dir, 'snap-restored')
      await exportSnapshots(cms.payload, { outDir: restoredOut, mediaDir: cms.mediaDir })
      for (const slug of SITES) expect(readSnapshotFile(restoredOut, slug), slug).toEqual(readSnapshotFile(mongoOut, slug))
      // A password set before the dump still signs in after the restore.
      const login = await cms.payload.login({ collection: 'users', data: { email: 'comms@cles.example', password: PASSWORD } })
      expect(login.token).toBeTruthy()
    },
    600_000,
  )
})

if (url && !hasMongoTools) {
  console.warn('\n⚠  Sauvegarde MongoDB non vérifiée : mongodump et mongorestore (MongoDB Database Tools) sont absents.\n')
}
