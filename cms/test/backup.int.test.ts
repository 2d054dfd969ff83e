// Backup and restore, for real: a temporary CMS with content made through the
// Local API (news with versions and a draft, pages, a syndication decision,
// media with real PNG bytes, a user with a known password) is backed up while
// news and uploads keep coming — once in this process, once through
// `src/scripts/backup.ts` in a child process — and each archive is restored
// into an empty install, opened by another process (one process holds one
// Payload): every document, version, user and media file present when the
// backup started is back and equal, the password still works, and what was
// written during the backup is there as one consistent snapshot. Damaged,
// truncated or booby-trapped archives are refused in French and change
// nothing; an existing database is replaced only with --force, and kept aside.
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { gzipSync } from 'node:zlib'
import type { Payload } from 'payload'
import sharp from 'sharp'
import { extract, Header } from 'tar'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type BackupResult, createBackup } from '../src/backup/backup'
import type { Manifest } from '../src/backup/format'
import { restoreBackup, RestoreRefusedError } from '../src/backup/restore'
import { collectionTables } from '../src/backup/sqlite'
import { DamagedArchiveError, verifyArchive } from '../src/backup/verify'
import { migrations } from '../src/migrations'
import { richText, upload } from '../src/seed/lexical'
import { createStaff, createTestSite, startTempCms, type TempCms } from './helpers/tempCms'

const run = promisify(execFile)
const CMS_ROOT = path.resolve(import.meta.dirname, '..')
const TSX = path.join(CMS_ROOT, 'node_modules/.bin/tsx')
const PASSWORD = 'mot-de-passe-sauvegarde-123'
const EMAIL = 'redaction@sauvegarde.example'
const quiet = { overrideAccess: true, context: { disablePublication: true } } as const

type Doc = Record<string, unknown> & { id: number | string }
interface Dump {
  collections: Record<string, { docs: Doc[]; versions?: Doc[] }>
  login: { token: boolean; email: string } | null
  wrongPasswordRefused: boolean | null
}

let cms: TempCms
let payload: Payload
let sourceUrl: string
let work: string
let hub: { id: number }
let editor: Record<string, unknown> & { id: number }
/** Ids of every document and version, per collection, before any backup started. */
const atStart = new Map<string, Set<string>>()
/** sha256 of every media file before any backup started. */
let mediaAtStart: Map<string, string>
let inProcess: BackupResult
let scriptArchive: string
let scriptManifest: Manifest
let writtenDuring: { news: number[]; media: number[] }
type Counts = { news: number; media: number }
/** How many items each writer had created when each backup started and ended. */
let windows: Record<'in-process archive' | 'script archive', { start: Counts; end: Counts }>

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex')

/** Every file and folder under `dir` (hidden ones included): path → sha256, or `dossier`. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  const visit = (relative: string) => {
    for (const entry of readdirSync(path.join(dir, relative), { withFileTypes: true })) {
      const child = relative ? `${relative}/${entry.name}` : entry.name
      if (entry.isDirectory()) {
        out[child] = 'dossier'
        visit(child)
      } else out[child] = sha256(path.join(dir, child))
    }
  }
  if (existsSync(dir)) visit('')
  return out
}

const mediaHashes = (dir: string) => new Map(Object.entries(tree(dir)).filter(([, v]) => v !== 'dossier'))

async function png(width: number, height: number, background: string) {
  return sharp({ create: { width, height, channels: 3, background } })
    .png()
    .toBuffer()
}

async function uploadPng(name: string, width: number, background: string) {
  const data = await png(width, Math.round(width / 1.5), background)
  return payload.create({
    collection: 'media',
    data: { alt: `Image ${name}`, site: hub.id },
    file: { data, name, mimetype: 'image/png', size: data.length },
    user: editor,
    ...quiet,
  })
}

async function idsNow(): Promise<Map<string, Set<string>>> {
  const ids = new Map<string, Set<string>>()
  for (const c of payload.config.collections) {
    const docs = (await payload.find({ collection: c.slug as 'news', pagination: false, depth: 0, overrideAccess: true })).docs
    ids.set(c.slug, new Set(docs.map((d) => String(d.id))))
    if (c.versions) {
      const versions = (await payload.findVersions({ collection: c.slug as 'news', pagination: false, depth: 0, overrideAccess: true }))
        .docs
      ids.set(`${c.slug}#versions`, new Set(versions.map((v) => String(v.id))))
    }
  }
  return ids
}

// Run by another process with DATABASE_URL set: exports every collection and
// version (all locales, hidden fields such as password hashes included), then
// signs in with the known password and with a wrong one.
const DUMP_SCRIPT = `
import { writeFileSync } from 'node:fs'
const { openPayload, closePayload } = await import(process.env.CLES_TEST_PAYLOAD_MODULE)
const payload = await openPayload()
const out = { collections: {}, login: null, wrongPasswordRefused: null }
const all = { pagination: false, depth: 0, locale: 'all', overrideAccess: true, showHiddenFields: true, sort: 'id' }
try {
  for (const c of payload.config.collections) {
    const entry = { docs: (await payload.find({ collection: c.slug, ...all })).docs }
    if (c.versions) entry.versions = (await payload.findVersions({ collection: c.slug, ...all })).docs
    out.collections[c.slug] = entry
  }
  const email = process.env.CLES_TEST_LOGIN_EMAIL
  if (email) {
    const result = await payload.login({ collection: 'users', data: { email, password: process.env.CLES_TEST_LOGIN_PASSWORD } })
    out.login = { token: Boolean(result.token), email: result.user.email }
    out.wrongPasswordRefused = await payload
      .login({ collection: 'users', data: { email, password: 'pas-le-bon-mot-de-passe' } })
      .then(() => false, () => true)
  }
} finally {
  await closePayload(payload)
}
writeFileSync(process.env.CLES_TEST_DUMP_OUT, JSON.stringify(out))
`

async function tsx(args: string[], env: Record<string, string>) {
  try {
    return await run(TSX, args, { cwd: CMS_ROOT, env: { ...process.env, ...env }, timeout: 600_000, maxBuffer: 64 * 1024 * 1024 })
  } catch (error) {
    const e = error as Error & { stdout?: string; stderr?: string; code?: number }
    throw Object.assign(
      new Error(`${args.join(' ')} a échoué (${e.code}) : ${e.message}\n${e.stderr ?? ''}\n${(e.stdout ?? '').slice(-3000)}`),
      {
        code: e.code,
        stdout: e.stdout,
        stderr: e.stderr,
      },
    )
  }
}

const installEnv = (dir: string) => ({ DATABASE_URL: `file:${path.join(dir, 'cles.db')}`, CLES_MEDIA_DIR: path.join(dir, 'media') })

async function dump(env: { DATABASE_URL: string; CLES_MEDIA_DIR: string }, login: boolean): Promise<Dump> {
  const script = path.join(work, 'dump.mts')
  if (!existsSync(script)) writeFileSync(script, DUMP_SCRIPT)
  const out = path.join(work, `dump-${Math.random().toString(36).slice(2)}.json`)
  await tsx([script], {
    ...env,
    CLES_TEST_PAYLOAD_MODULE: path.join(CMS_ROOT, 'src/lib/payload.ts'),
    CLES_TEST_DUMP_OUT: out,
    CLES_TEST_LOGIN_EMAIL: login ? EMAIL : '',
    CLES_TEST_LOGIN_PASSWORD: PASSWORD,
  })
  return JSON.parse(readFileSync(out, 'utf8')) as Dump
}

/** Writers that keep creating news and uploading images until stopped, each in order. */
function startWriters() {
  let stopping = false
  const news: number[] = []
  const media: number[] = []
  let failure: unknown
  const loop = async (make: (i: number) => Promise<number>, into: number[]) => {
    try {
      for (let i = 0; !stopping; i++) {
        into.push(await make(i))
        // libsql answers synchronously: without this, one writer's promise chain would never let the
        // event loop run (timers, sharp, file writes), as a server's requests do between two writes.
        await new Promise((resolve) => setImmediate(resolve))
      }
    } catch (error) {
      failure ??= error
      stopping = true
    }
  }
  const done: Promise<unknown> = Promise.all([
    loop(async (i) => {
      const doc = await payload.create({
        collection: 'news',
        data: {
          title: `Écrite pendant la sauvegarde ${i}`,
          slug: `pendant-la-sauvegarde-${i}`,
          originSite: hub.id,
          publishedAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
          _status: 'published',
        } as never,
        ...quiet,
      })
      return doc.id
    }, news),
    loop(async (i) => (await uploadPng(`pendant-${i}.png`, 480, '#226644')).id, media),
  ])
  return {
    news,
    media,
    counts: () => ({ news: news.length, media: media.length }),
    until: async (n: number) => {
      while ((news.length < n || media.length < n) && !failure) await new Promise((r) => setTimeout(r, 20))
      if (failure) throw failure
    },
    stop: async () => {
      stopping = true
      await done
      if (failure) throw failure
    },
  }
}

beforeAll(async () => {
  process.env.CLES_PUBLISHER_URL = 'http://127.0.0.1:9'
  cms = await startTempCms()
  payload = cms.payload
  sourceUrl = process.env.DATABASE_URL!
  work = path.join(cms.dir, 'travail')
  mkdirSync(work, { recursive: true })

  hub = (await createTestSite(payload, 'cles', 'CLES')) as { id: number }
  await payload.update({ collection: 'sites', id: hub.id, data: { isHub: true }, ...quiet })
  const partner = (await createTestSite(payload, 'partenaire')) as { id: number }
  const comms = await payload.create({
    collection: 'users',
    data: { email: 'comms@sauvegarde.example', password: 'a-long-password-1', globalRole: 'network-editor' },
    ...quiet,
  })
  editor = (await payload.create({
    collection: 'users',
    data: { email: EMAIL, password: PASSWORD, memberships: [{ site: hub.id, role: 'site-admin' }] },
    ...quiet,
  })) as never
  const partnerEditor = await createStaff(payload, 'partenaire@sauvegarde.example', partner.id, 'site-editor')

  const hero = await uploadPng('photo-principale.png', 900, '#884422')
  const inText = await uploadPng('dans-le-texte.png', 600, '#224488')

  // A news item with several published versions, then a draft on top; a draft-only one; a proposed one.
  const news = await payload.create({
    collection: 'news',
    data: {
      title: 'Première version',
      slug: 'actualite-versionnee',
      excerpt: 'Résumé',
      originSite: hub.id,
      publishedAt: '2026-01-01T10:00:00.000Z',
      hero: hero.id,
      body: richText('Un paragraphe.', upload(inText.id)),
      _status: 'published',
    } as never,
    user: comms,
    ...quiet,
  })
  await payload.update({ collection: 'news', id: news.id, data: { title: 'Deuxième version' }, user: comms, ...quiet })
  await payload.update({ collection: 'news', id: news.id, data: { title: 'Troisième version' }, locale: 'en', user: comms, ...quiet })
  await payload.update({ collection: 'news', id: news.id, data: { title: 'Brouillon par-dessus' }, draft: true, user: comms, ...quiet })
  await payload.create({
    collection: 'news',
    data: { title: 'Jamais publiée', originSite: hub.id, publishedAt: '2026-01-02T10:00:00.000Z' } as never,
    draft: true,
    user: comms,
    ...quiet,
  })
  const proposed = await payload.create({
    collection: 'news',
    data: {
      title: 'Proposée aux partenaires',
      originSite: hub.id,
      targetSites: [partner.id],
      publishedAt: '2026-01-03T10:00:00.000Z',
      _status: 'published',
    } as never,
    user: comms,
    ...quiet,
  })
  await payload.create({
    collection: 'syndication-decisions',
    data: { news: proposed.id, site: partner.id, decision: 'accepted' },
    user: partnerEditor,
    ...quiet,
  })
  const parent = await payload.create({
    collection: 'pages',
    data: { title: 'À propos', site: hub.id, _status: 'published', layout: [] } as never,
    ...quiet,
  })
  await payload.create({
    collection: 'pages',
    data: { title: 'Équipe (brouillon)', site: hub.id, parent: parent.id } as never,
    draft: true,
    ...quiet,
  })

  for (const [key, ids] of await idsNow()) atStart.set(key, ids)
  mediaAtStart = mediaHashes(cms.mediaDir)
  expect(mediaAtStart.size).toBeGreaterThanOrEqual(4)
  expect(atStart.get('news#versions')!.size).toBeGreaterThanOrEqual(6)
}, 300_000)

afterAll(async () => cms?.close())

describe('backup while the CMS writes', () => {
  it('backs up in this process and through the script while news and uploads keep coming', async () => {
    const writers = startWriters()
    try {
      await writers.until(2)
      const inProcessStart = writers.counts()
      const lines: string[] = []
      inProcess = await createBackup({
        databaseUrl: sourceUrl,
        mediaDir: cms.mediaDir,
        out: path.join(work, 'sauvegardes', 'en-processus.tar.gz'),
        collections: collectionTables(payload.config),
        log: (line) => lines.push(line),
      })
      console.log(
        `[sauvegarde] en processus : ${inProcess.durationMs} ms, ${inProcess.bytes} octets, ` +
          `${inProcess.manifest.media.files} médias, ${inProcess.manifest.collections.news?.documents} actualités`,
      )
      expect(lines.some((l) => /^médias : \d+\/\d+$/.test(l))).toBe(true)
      const inProcessEnd = writers.counts()

      scriptArchive = path.join(work, 'sauvegardes', 'script.tar.gz')
      const t0 = Date.now()
      const scriptStart = writers.counts()
      const { stdout } = await tsx(['src/scripts/backup.ts', '--out', scriptArchive], {
        DATABASE_URL: sourceUrl,
        CLES_MEDIA_DIR: cms.mediaDir,
      })
      console.log(
        `[sauvegarde] script (processus enfant, démarrage compris) : ${Date.now() - t0} ms, ${statSync(scriptArchive).size} octets`,
      )
      expect(stdout).toMatch(/\[sauvegarde\] médias : \d+\/\d+/)
      expect(stdout).toMatch(/\[sauvegarde\] terminé en .* sha256 [0-9a-f]{64}/)
      expect(stdout).toMatch(/news : \d+ document\(s\), \d+ version\(s\)/)
      windows = {
        'in-process archive': { start: inProcessStart, end: inProcessEnd },
        'script archive': { start: scriptStart, end: writers.counts() },
      }
    } finally {
      await writers.stop()
    }
    writtenDuring = { news: writers.news, media: writers.media }
    console.log(`[sauvegarde] écrits pendant les sauvegardes : ${writers.news.length} actualités, ${writers.media.length} médias`)
    // The script ran while both writers kept writing.
    expect(windows['script archive'].end.news).toBeGreaterThan(windows['script archive'].start.news)
    expect(windows['script archive'].end.media).toBeGreaterThan(windows['script archive'].start.media)
  })

  it('writes a manifest with a checksum for every file and the counts of every collection', async () => {
    const script = await verifyArchive(scriptArchive)
    scriptManifest = script
    for (const manifest of [inProcess.manifest, script]) {
      expect(manifest).toMatchObject({
        format: 'cles-sauvegarde',
        version: 1,
        source: { databaseUrl: 'sqlite-file', method: 'VACUUM INTO' },
      })
      expect(manifest.files[0]).toMatchObject({ path: 'database.sqlite' })
      expect(manifest.files.every((f) => /^[0-9a-f]{64}$/.test(f.sha256) && f.size > 0)).toBe(true)
      expect(manifest.media.missing).toEqual([])
      expect(manifest.schema.lastMigration).toBe(migrations[migrations.length - 1]!.name)
      for (const name of mediaAtStart.keys()) expect(manifest.files.some((f) => f.path === `media/${name}`)).toBe(true)
      expect(manifest.collections.news!.documents).toBeGreaterThanOrEqual(atStart.get('news')!.size)
      expect(manifest.collections['syndication-decisions']).toEqual({ documents: 1 })
      expect(manifest.collections.pages).toEqual({ documents: 2, versions: atStart.get('pages#versions')!.size })
    }
    // The script reads collections from the tables instead of loading the config: same answer.
    const withTimestamps = payload.config.collections.filter((c) => c.timestamps !== false).map((c) => c.slug)
    expect(Object.keys(script.collections).sort()).toEqual([...withTimestamps].sort())
  })
})

describe('restore into an empty install', () => {
  const installA = () => path.join(work, 'installation-a')
  const installB = () => path.join(work, 'installation-b')
  let source: Dump
  let restoredA: Dump
  let restoredB: Dump

  beforeAll(async () => {
    const result = await restoreBackup({ archive: inProcess.file, ...mediaOf(installA()) })
    expect(result.keptDatabase).toBeUndefined()
    expect(sha256(path.join(installA(), 'cles.db'))).toBe(inProcess.manifest.files[0]!.sha256)
    const { stdout } = await tsx(['src/scripts/restore.ts', scriptArchive], installEnv(installB()))
    expect(stdout).toMatch(/base restaurée : .*installation-b\/cles\.db/)
    expect(stdout).toMatch(/news : \d+ document\(s\)/)
    ;[source, restoredA, restoredB] = await Promise.all([
      dump({ DATABASE_URL: sourceUrl, CLES_MEDIA_DIR: cms.mediaDir }, false),
      dump(installEnv(installA()), true),
      dump(installEnv(installB()), true),
    ])
  }, 900_000)

  const mediaOf = (dir: string) => ({ databaseUrl: installEnv(dir).DATABASE_URL, mediaDir: installEnv(dir).CLES_MEDIA_DIR })

  for (const [label, restored, manifest] of [
    ['in-process archive', () => restoredA, () => inProcess.manifest],
    ['script archive', () => restoredB, () => scriptManifest],
  ] as const) {
    it(`${label}: every document, version and user present at the start is back and equal`, () => {
      for (const [slug, { docs, versions }] of Object.entries(source.collections)) {
        const back = restored().collections[slug]!
        for (const [kind, sourceDocs, backDocs] of [
          ['', docs, back.docs],
          ['#versions', versions, back.versions],
        ] as const) {
          if (!sourceDocs) continue
          const byId = new Map(sourceDocs.map((d) => [String(d.id), d]))
          // Nothing restored that the source does not hold, identically (the writers only add).
          for (const doc of backDocs!) expect(doc, `${slug}${kind} ${doc.id}`).toEqual(byId.get(String(doc.id)))
          const backIds = new Set(backDocs!.map((d) => String(d.id)))
          expect(
            [...(atStart.get(`${slug}${kind}`) ?? [])].filter((id) => !backIds.has(id)),
            `${slug}${kind} perdus`,
          ).toEqual([])
        }
      }
      // The manifest's counts are those of the restored database.
      for (const [slug, count] of Object.entries(manifest().collections)) {
        expect(restored().collections[slug]!.docs.length, slug).toBe(count.documents)
        if (count.versions !== undefined) expect(restored().collections[slug]!.versions!.length, `${slug} versions`).toBe(count.versions)
      }
    })

    it(`${label}: the password still works (signed in by another process)`, () => {
      expect(restored().login).toEqual({ token: true, email: EMAIL })
      expect(restored().wrongPasswordRefused).toBe(true)
    })

    it(`${label}: what was written during the backup is one consistent snapshot`, () => {
      // Each writer creates in order: the restored ones must be the first k, for some k.
      for (const [slug, created] of [
        ['news', writtenDuring.news],
        ['media', writtenDuring.media],
      ] as const) {
        const back = new Set(restored().collections[slug]!.docs.map((d) => Number(d.id)))
        const k = created.filter((id) => back.has(id)).length
        expect(
          created.slice(0, k).every((id) => back.has(id)),
          `${slug} : les ${k} premiers`,
        ).toBe(true)
        // Taken between the start and the end of that backup.
        const { start, end } = windows[label]
        console.log(`[sauvegarde] ${label}, ${slug} : ${k} écrits pendant les sauvegardes restaurés (fenêtre ${start[slug]}–${end[slug]})`)
        expect(k).toBeGreaterThanOrEqual(start[slug])
        expect(k).toBeLessThanOrEqual(end[slug])
      }
      // Every file a restored media document refers to is there.
      const dir = installEnv(label.startsWith('in-process') ? installA() : installB()).CLES_MEDIA_DIR
      for (const doc of restored().collections.media!.docs) {
        const sizes = Object.values((doc.sizes ?? {}) as Record<string, { filename?: string | null }>)
        for (const name of [doc.filename, ...sizes.map((s) => s.filename)].filter(Boolean)) {
          expect(existsSync(path.join(dir, String(name))), String(name)).toBe(true)
        }
      }
    })

    it(`${label}: media files are byte for byte the same`, () => {
      const dir = installEnv(label.startsWith('in-process') ? installA() : installB()).CLES_MEDIA_DIR
      const back = mediaHashes(dir)
      const now = mediaHashes(cms.mediaDir)
      for (const [name, hash] of mediaAtStart) expect(back.get(name), name).toBe(hash)
      for (const [name, hash] of back) expect(now.get(name), name).toBe(hash)
    })
  }
})

describe('refusals', () => {
  const target = () => path.join(work, 'installation-a')
  const into = () => ({ databaseUrl: installEnv(target()).DATABASE_URL, mediaDir: installEnv(target()).CLES_MEDIA_DIR })
  const damaged = /^Archive refusée .*rien n’a été modifié\.$/s

  async function expectRefusedAndUnchanged(archive: string, kind: abstract new (...args: never[]) => Error = DamagedArchiveError) {
    const before = tree(target())
    const parent = tree(path.dirname(target()))
    const error = await restoreBackup({ archive, ...into(), force: true }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(kind)
    if (kind === DamagedArchiveError) expect((error as Error).message).toMatch(damaged)
    expect(tree(target())).toEqual(before)
    expect(Object.keys(tree(path.dirname(target()))).sort()).toEqual(Object.keys(parent).sort())
    return error as Error
  }

  it('a truncated archive is refused and nothing changes', async () => {
    const size = statSync(inProcess.file).size
    for (const keep of [Math.floor(size / 2), size - 1, 600]) {
      const file = path.join(work, `tronquee-${keep}.tar.gz`)
      writeFileSync(file, readFileSync(inProcess.file))
      truncateSync(file, keep)
      const error = await expectRefusedAndUnchanged(file)
      if (keep === Math.floor(size / 2)) expect(error.message).toMatch(/tronqué/)
    }
    // Through the command: the same French message, exit code 2.
    const file = path.join(work, `tronquee-${Math.floor(size / 2)}.tar.gz`)
    const failed = await tsx(['src/scripts/restore.ts', file, '--force'], installEnv(target())).catch((e: unknown) => e)
    expect((failed as { code: number }).code).toBe(2)
    expect((failed as { stderr: string }).stderr).toMatch(/\[restauration\] ERREUR : Archive refusée .*rien n’a été modifié/)
  })

  it('an archive with one flipped byte is refused and nothing changes', async () => {
    const bytes = readFileSync(inProcess.file)
    for (const at of [Math.floor(bytes.length / 4), Math.floor(bytes.length / 2), bytes.length - 6, 12]) {
      const copy = Buffer.from(bytes)
      copy[at] = copy[at]! ^ 0x01
      const file = path.join(work, `alteree-${at}.tar.gz`)
      writeFileSync(file, copy)
      await expectRefusedAndUnchanged(file)
    }
  })

  describe('archives built by hand', () => {
    let parts: { manifest: Manifest; files: Map<string, Buffer> }

    /** One tar entry (header + data padded to 512 bytes), any path or type. */
    const entry = (name: string, data: Buffer, type: 'File' | 'SymbolicLink' = 'File', linkpath?: string) => {
      const block = Buffer.alloc(512)
      new Header({
        path: name,
        mode: 0o644,
        size: type === 'File' ? data.length : 0,
        type,
        linkpath,
        mtime: new Date(),
        uid: 0,
        gid: 0,
      }).encode(block, 0)
      return Buffer.concat(type === 'File' ? [block, data, Buffer.alloc((512 - (data.length % 512)) % 512)] : [block])
    }
    const build = (name: string, manifest: Manifest | null, entries: Buffer[]) => {
      const file = path.join(work, `${name}.tar.gz`)
      const head = manifest ? [entry('manifest.json', Buffer.from(JSON.stringify(manifest)))] : []
      writeFileSync(file, gzipSync(Buffer.concat([...head, ...entries, Buffer.alloc(1024)])))
      return file
    }
    const genuine = () => [...parts.files].map(([name, data]) => entry(name, data))
    const listing = (name: string, data: Buffer) => ({
      path: name,
      size: data.length,
      sha256: createHash('sha256').update(data).digest('hex'),
    })

    beforeAll(async () => {
      const dir = path.join(work, 'extrait')
      mkdirSync(dir, { recursive: true })
      await extract({ file: inProcess.file, cwd: dir })
      const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest
      parts = { manifest, files: new Map(manifest.files.map((f) => [f.path, readFileSync(path.join(dir, f.path))])) }
    })

    it('the hand-built copy of a genuine archive is accepted (so the refusals below are about their one fault)', async () => {
      expect(await verifyArchive(build('copie', parts.manifest, genuine()))).toEqual(parts.manifest)
    })

    it.each([
      ['an entry climbing out with ../', '../evasion.txt'],
      ['an absolute path', '/tmp/cles-evasion-absolue.txt'],
      ['a ./ segment', 'media/./evasion.txt'],
    ])('refuses %s, even listed in the manifest', async (_label, name) => {
      const data = Buffer.from('ne doit jamais être écrit')
      const manifest = { ...parts.manifest, files: [...parts.manifest.files, listing(name, data)] }
      const file = build(`piege-${Math.random().toString(36).slice(2)}`, manifest, [...genuine(), entry(name, data)])
      const error = await expectRefusedAndUnchanged(file)
      expect(error.message).toMatch(/chemin interdit/)
      expect(Object.keys(tree(cms.dir)).filter((n) => n.includes('evasion'))).toEqual([])
      expect(existsSync('/tmp/cles-evasion-absolue.txt')).toBe(false)
    })

    it('refuses an entry the manifest does not list, a symbolic link, a missing file, a missing manifest', async () => {
      const extra = build('en-trop', parts.manifest, [...genuine(), entry('media/en-trop.png', Buffer.from('x'))])
      expect((await expectRefusedAndUnchanged(extra)).message).toMatch(/n’est pas cité/)
      const link = build('lien', parts.manifest, [...genuine(), entry('media/lien', Buffer.alloc(0), 'SymbolicLink', '/etc/passwd')])
      expect((await expectRefusedAndUnchanged(link)).message).toMatch(/SymbolicLink/)
      const missing = build('manquant', parts.manifest, genuine().slice(0, -1))
      expect((await expectRefusedAndUnchanged(missing)).message).toMatch(/manque dans l’archive/)
      const noManifest = build('sans-manifeste', null, genuine())
      expect((await expectRefusedAndUnchanged(noManifest)).message).toMatch(/manifest\.json absent/)
      const other = path.join(work, 'pas-une-archive.tar.gz')
      writeFileSync(other, 'ceci n’est pas une archive, seulement du texte assez long')
      expect((await expectRefusedAndUnchanged(other)).message).toMatch(/pas un fichier \.tar\.gz/)
    })
  })

  it('an existing database is replaced only with --force, and then kept aside with its media', async () => {
    const before = tree(target())
    const refused = await restoreBackup({ archive: scriptArchive, ...into() }).catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(RestoreRefusedError)
    expect((refused as Error).message).toMatch(/une base existe déjà .* --force .*Rien n’a été modifié/)
    expect(tree(target())).toEqual(before)

    const oldDatabase = sha256(path.join(target(), 'cles.db'))
    const oldMedia = mediaHashes(path.join(target(), 'media'))
    const result = await restoreBackup({ archive: scriptArchive, ...into(), force: true })
    expect(result.keptDatabase).toMatch(/cles\.db\.avant-restauration-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ$/)
    expect(sha256(result.keptDatabase!)).toBe(oldDatabase)
    expect(mediaHashes(result.keptMedia!)).toEqual(oldMedia)
    expect(sha256(path.join(target(), 'cles.db'))).toBe(result.manifest.files[0]!.sha256)
    expect(mediaHashes(path.join(target(), 'media'))).toEqual(
      new Map(result.manifest.files.filter((f) => f.path.startsWith('media/')).map((f) => [f.path.slice('media/'.length), f.sha256])),
    )
    // No leftovers from the extraction next to the targets.
    expect(readdirSync(target()).filter((n) => n.startsWith('.'))).toEqual([])
  })

  it('a database the CMS has open is refused: stop the CMS first', async () => {
    const error = await restoreBackup({ archive: scriptArchive, databaseUrl: sourceUrl, mediaDir: cms.mediaDir, force: true }).catch(
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(RestoreRefusedError)
    expect((error as Error).message).toMatch(/ouverte par un autre processus .*Arrêtez le CMS/)
    expect(readdirSync(cms.dir).filter((n) => n.includes('restauration'))).toEqual([])
    expect((await payload.count({ collection: 'news' })).totalDocs).toBeGreaterThan(0)
  })

  it('MongoDB and remote databases get the way to do it instead', async () => {
    const options = { out: path.join(work, 'jamais.tar.gz'), mediaDir: cms.mediaDir }
    await expect(createBackup({ ...options, databaseUrl: 'mongodb://127.0.0.1:27017/cles' })).rejects.toThrow(/MongoDB.*mongodump.*médias/)
    await expect(
      restoreBackup({ archive: scriptArchive, databaseUrl: 'mongodb+srv://u:p@cluster/cles', mediaDir: cms.mediaDir }),
    ).rejects.toThrow(/MongoDB.*mongorestore/)
    await expect(createBackup({ ...options, databaseUrl: 'libsql://base.example.turso.io' })).rejects.toThrow(
      /ne désigne pas un fichier SQLite local/,
    )
    expect(existsSync(options.out)).toBe(false)
  })
})
