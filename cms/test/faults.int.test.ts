// What the CMS survives, with real processes on a real SQLite file and real
// HTTP on loopback (the CMS runs as test/helpers/cmsProcess.ts: Payload and its
// REST routes as Next serves them). Each block prints its figures.
// - SIGKILL during writes and uploads: the CMS restarts, every save it
//   acknowledged (2xx) is there with its file intact, and no file without a
//   document (half-written upload) is left in the media folder.
// - A full disk (a tiny tmpfs in the CMS process's own mount namespace) and a
//   media folder that refuses writes: a French 507 / 503, no document created,
//   a replaced file and the document's other fields kept, nothing half-written.
// - The database locked by another process (BEGIN EXCLUSIVE, like a script):
//   writes wait for it, or fail after the busy timeout with a French 503 and
//   change nothing; reads go on; PRAGMA integrity_check says ok.
// - The CMS down: every site keeps serving and is rebuilt from its last
//   snapshot (`npm run rebuild`, without the database) and served.
import { serveStatic } from '@cles/static-server'
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, statfsSync, statSync, unlinkSync, writeFileSync } from 'node:fs'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import type { Payload } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportSnapshots } from '../src/export'
import { BUSY_TIMEOUT_MS } from '../src/lib/database'
import { createStaff, createTestSite, startTempCms, type TempCms } from './helpers/tempCms'

const cmsDir = path.resolve(import.meta.dirname, '..')
const repoRoot = path.resolve(cmsDir, '..')
const PASSWORD = 'a-long-password-1'
const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex')
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const figures: string[] = []
const figure = (line: string) => {
  figures.push(line)
  console.log(`[pannes] ${line}`)
}

let cms: TempCms
let payload: Payload
let siteId: number
const editor = { email: 'redaction@pannes.example' }
const running: ChildProcess[] = []
const dbFile = () => process.env.DATABASE_URL!.slice('file:'.length)

interface CmsProcess {
  child: ChildProcess
  url: string
  /** Everything it printed. */
  output: () => string
  /** The process's view of a path (its own mount namespace, e.g. a tmpfs only it sees). */
  seen: (file: string) => string
  kill: (signal?: NodeJS.Signals) => Promise<void>
}

/** Starts the CMS in a process group of its own; `wrap` runs it inside another command (unshare). */
async function startCms(env: Record<string, string> = {}, wrap: (cmd: string[]) => string[] = (cmd) => cmd): Promise<CmsProcess> {
  const [command, ...args] = wrap([path.join(cmsDir, 'node_modules/.bin/tsx'), 'test/helpers/cmsProcess.ts'])
  const child = spawn(command!, args, {
    cwd: cmsDir,
    env: { ...process.env, CLES_PUBLISHER_URL: 'http://127.0.0.1:9', CLES_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  running.push(child)
  let output = ''
  child.stdout!.on('data', (d) => (output += d))
  child.stderr!.on('data', (d) => (output += d))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const deadline = Date.now() + 90_000
  let url: string | undefined
  while (!url) {
    url = /prêt (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1]
    if (child.exitCode !== null) throw new Error(`le CMS s’est arrêté (code ${child.exitCode}) :\n${output.slice(-3000)}`)
    if (Date.now() > deadline) throw new Error(`le CMS ne démarre pas :\n${output.slice(-3000)}`)
    await sleep(100)
  }
  return {
    child,
    url,
    output: () => output,
    seen: (file) => `/proc/${child.pid}/root${file}`,
    kill: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, signal)
      await exited
    },
  }
}

async function login(url: string, email = editor.email): Promise<string> {
  const response = await fetch(`${url}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  })
  const body = (await response.json()) as { token?: string }
  if (!body.token) throw new Error(`connexion refusée (${response.status}) : ${JSON.stringify(body)}`)
  return body.token
}

interface Answer {
  status: number
  body: { doc?: Record<string, unknown> & { id: number }; errors?: { message: string }[] } & Record<string, unknown>
  ms: number
  headers: Headers
}

async function call(url: string, token: string, method: string, route: string, body?: unknown): Promise<Answer> {
  const started = performance.now()
  const response = await fetch(`${url}/api${route}`, {
    method,
    headers: {
      authorization: `JWT ${token}`,
      ...(body instanceof FormData || body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body instanceof FormData ? body : body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  let json: Answer['body']
  try {
    json = JSON.parse(text) as Answer['body']
  } catch {
    json = { text } as never
  }
  return { status: response.status, body: json, ms: performance.now() - started, headers: response.headers }
}

const uploadForm = (data: Buffer, name: string, mimetype: string, fields: Record<string, unknown> = {}) => {
  const form = new FormData()
  form.append('_payload', JSON.stringify({ alt: `Image ${name}`, site: siteId, ...fields }))
  form.append('file', new Blob([new Uint8Array(data)], { type: mimetype }), name)
  return form
}

/** A PNG of noise (incompressible: its files take real time and room to write). */
const noisyPng = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#000000', noise: { type: 'gaussian', mean: 128, sigma: 40 } } })
    .png()
    .toBuffer()
/** A PDF the upload check accepts, of random bytes. */
const randomPdf = (bytes: number) =>
  Buffer.concat([
    Buffer.from('%PDF-1.4\n'),
    randomBytes(bytes),
    Buffer.from('\nxref\n0 1\n0000000000 65535 f \ntrailer\n<<>>\nstartxref\n0\n%%EOF\n'),
  ])

/** Every file name the media documents point to (original and sizes). */
async function referencedFiles(): Promise<Set<string>> {
  const { docs } = await payload.find({ collection: 'media', pagination: false, limit: 0, depth: 0 })
  return new Set(
    docs.flatMap((doc) => [doc.filename, ...Object.values(doc.sizes ?? {}).map((s) => (s as { filename?: string | null })?.filename)]),
  ) as Set<string>
}

const integrity = () => {
  const db = new DatabaseSync(dbFile(), { readOnly: true })
  try {
    return {
      check: (db.prepare('PRAGMA integrity_check').all() as { integrity_check: string }[]).map((r) => r.integrity_check),
      foreignKeys: db.prepare('PRAGMA foreign_key_check').all(),
    }
  } finally {
    db.close()
  }
}

beforeAll(async () => {
  cms = await startTempCms()
  payload = cms.payload
  const site = await createTestSite(payload, 'site-pannes', 'Site des pannes')
  siteId = site.id
  await createStaff(payload, editor.email, siteId, 'site-editor')
})

afterAll(async () => {
  for (const child of running) {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid!, 'SIGKILL')
      } catch {
        // already gone
      }
    }
  }
  if (figures.length) console.log(`\n[pannes] récapitulatif :\n  ${figures.join('\n  ')}`)
  await cms?.close()
})

describe('SIGKILL during writes and uploads', { timeout: 600_000 }, () => {
  it('loses nothing it acknowledged and leaves no half-written upload, over three kills', async () => {
    const images = await Promise.all(Array.from({ length: 8 }, () => noisyPng(640, 420)))
    const acked: { kind: 'news' | 'media'; id: number; title?: string; hash?: string; size?: number }[] = []
    let server = await startCms({ CLES_MEDIA_SWEEP: '1', CLES_MEDIA_SWEEP_GRACE_MS: '3000' })
    let token = await login(server.url)
    let uploadsInFlightAtKill = 0
    let orphansAfterKills = 0
    let counter = 0
    for (let round = 1; round <= 3; round++) {
      let stop = false
      let inFlightUploads = 0
      const before = acked.length
      const worker = async (kind: 'news' | 'image' | 'pdf') => {
        while (!stop) {
          const n = counter++
          try {
            if (kind === 'news') {
              const title = `Article ${round}-${n}`
              const answer = await call(server.url, token, 'POST', '/news', { title, excerpt: 'Résumé.', _status: 'published' })
              if (answer.status === 201) acked.push({ kind: 'news', id: answer.body.doc!.id, title })
            } else {
              const data = kind === 'image' ? images[n % images.length]! : randomPdf(200_000 + (n % 5) * 50_000)
              // Distinct bytes for every upload, so each stored original can be matched to what was sent.
              const bytes =
                kind === 'image'
                  ? await sharp(data)
                      .png({ compressionLevel: n % 10 })
                      .toBuffer()
                  : data
              inFlightUploads++
              try {
                const answer = await call(
                  server.url,
                  token,
                  'POST',
                  '/media',
                  uploadForm(bytes, `envoi-${n}.${kind === 'image' ? 'png' : 'pdf'}`, kind === 'image' ? 'image/png' : 'application/pdf'),
                )
                if (answer.status === 201) acked.push({ kind: 'media', id: answer.body.doc!.id, hash: sha(bytes), size: bytes.length })
              } finally {
                inFlightUploads--
              }
            }
          } catch {
            // The connection died with the process: not acknowledged.
            await sleep(50)
          }
        }
      }
      const workers = [worker('news'), worker('news'), worker('image'), worker('image'), worker('pdf')]
      // Kill once this round has acknowledged some work and while uploads are on their way.
      const deadline = Date.now() + 60_000
      const mediaAcked = () => acked.slice(before).filter((a) => a.kind === 'media').length
      while (!(mediaAcked() >= 3 && inFlightUploads > 0) && Date.now() < deadline) await sleep(20)
      const cut = inFlightUploads
      uploadsInFlightAtKill += cut
      await server.kill('SIGKILL')
      stop = true
      await Promise.all(workers)
      // What the kill left: files no document points to.
      const used = await referencedFiles()
      const orphans = readdirSync(cms.mediaDir).filter((name) => !used.has(name))
      orphansAfterKills += orphans.length
      const restarted = performance.now()
      server = await startCms({ CLES_MEDIA_SWEEP: '1', CLES_MEDIA_SWEEP_GRACE_MS: '3000' })
      token = await login(server.url)
      figure(
        `SIGKILL ${round} : ${acked.length - before} enregistrement(s) confirmé(s) avant, ${cut} envoi(s) de fichier coupé(s), ` +
          `${orphans.length} fichier(s) sans document laissé(s), redémarrage en ${Math.round(performance.now() - restarted)} ms`,
      )
    }

    // Every acknowledged save is there, through the restarted CMS, files intact.
    const missing: string[] = []
    for (const item of acked) {
      const answer = await call(server.url, token, 'GET', `/${item.kind}/${item.id}?depth=0`)
      if (answer.status !== 200) {
        missing.push(`${item.kind} #${item.id} : HTTP ${answer.status}`)
        continue
      }
      const doc = answer.body as unknown as { title?: string; filename?: string; sizes?: Record<string, { filename?: string }> }
      if (item.kind === 'news' && doc.title !== item.title) missing.push(`news #${item.id} : titre ${doc.title}`)
      if (item.kind === 'media') {
        const file = path.join(cms.mediaDir, doc.filename!)
        if (!existsSync(file) || sha(readFileSync(file)) !== item.hash)
          missing.push(`media #${item.id} : fichier ${doc.filename} absent ou différent`)
        for (const size of Object.values(doc.sizes ?? {})) {
          if (!size?.filename) continue
          const meta = await sharp(path.join(cms.mediaDir, size.filename))
            .metadata()
            .catch(() => null)
          if (!meta?.width) missing.push(`media #${item.id} : taille ${size.filename} illisible`)
        }
        const served = await fetch(`${server.url}/api/media/file/${encodeURIComponent(doc.filename!)}`, {
          headers: { authorization: `JWT ${token}` },
        })
        if (served.status !== 200 || sha(Buffer.from(await served.arrayBuffer())) !== item.hash)
          missing.push(`media #${item.id} : servi ${served.status}`)
      }
    }
    expect(missing).toEqual([])
    expect(acked.filter((a) => a.kind === 'media').length).toBeGreaterThan(0)

    // The restarted CMS sweeps what the kills left once it is older than the grace period.
    const deadline = Date.now() + 20_000
    let leftovers: string[]
    do {
      await sleep(500)
      const used = await referencedFiles()
      leftovers = readdirSync(cms.mediaDir).filter((name) => !used.has(name))
    } while (leftovers.length && Date.now() < deadline)
    expect(leftovers, server.output().slice(-2000)).toEqual([])
    expect(integrity()).toEqual({ check: ['ok'], foreignKeys: [] })
    // And it takes new work.
    expect((await call(server.url, token, 'POST', '/news', { title: 'Après les pannes', _status: 'published' })).status).toBe(201)
    figure(
      `SIGKILL, total : ${acked.length} enregistrement(s) confirmé(s) (${acked.filter((a) => a.kind === 'media').length} fichiers), 0 perdu ; ` +
        `${uploadsInFlightAtKill} envoi(s) coupé(s), ${orphansAfterKills} fichier(s) sans document balayé(s) au redémarrage ; intégrité SQLite : ok`,
    )
    await server.kill()
  })
})

/** `unshare` into a user and mount namespace of its own, where a tmpfs can be mounted without privileges. */
const canUnshare = (() => {
  try {
    return spawnSync('unshare', ['-Urm', 'sh', '-c', 'mount -t tmpfs -o size=64k tmpfs /mnt'], { timeout: 10_000 }).status === 0
  } catch {
    return false
  }
})()
if (!canUnshare)
  console.warn('[pannes] ⚠ unshare/tmpfs indisponible ici : le test « disque plein » est sauté (il tourne où unshare -Urm est permis).')

describe('disk full and media folder not writable', { timeout: 300_000 }, () => {
  it.skipIf(!canUnshare)(
    'a full disk: French 507, no document, no half-written file; a replaced file and the other fields are kept',
    async () => {
      const media = path.join(cms.dir, 'media-plein')
      mkdirSync(media)
      // A 4 MiB tmpfs only the CMS process sees, over its media folder.
      const server = await startCms({ CLES_MEDIA_DIR: media, CLES_MEDIA_SWEEP: '0' }, (cmd) => [
        'unshare',
        '-Urm',
        'sh',
        '-c',
        `mount -t tmpfs -o size=4m tmpfs "${media}" && exec "$0" "$@"`,
        ...cmd,
      ])
      const seen = (name = '') => server.seen(path.join(media, name))
      const token = await login(server.url)
      const first = randomPdf(100_000)
      const kept = await call(server.url, token, 'POST', '/media', uploadForm(first, 'a-garder.pdf', 'application/pdf'))
      expect(kept.status).toBe(201)
      const keptDoc = kept.body.doc as { id: number; filename: string; alt: string }
      // Fill the disk to 1.5 MiB free, then send five 400 kB files at once: each passes the check
      // made before writing, together they do not fit.
      const free = () => {
        const fs = statfsSync(seen())
        return fs.bavail * fs.bsize
      }
      writeFileSync(seen('remplissage.bin'), Buffer.alloc(free() - 1.5 * 1024 * 1024))
      const answers = await Promise.all(
        Array.from({ length: 5 }, (_, i) =>
          call(server.url, token, 'POST', '/media', uploadForm(randomPdf(400_000), `plein-${i}.pdf`, 'application/pdf')),
        ),
      )
      const statuses = answers.map((a) => a.status)
      const refused = answers.filter((a) => a.status !== 201)
      expect(refused.length, JSON.stringify(statuses)).toBeGreaterThan(0)
      for (const answer of refused) {
        expect([503, 507]).toContain(answer.status)
        expect(answer.body.errors?.[0]?.message).toMatch(/^Le fichier n’a pas pu être enregistré.*Rien n’a été modifié/)
      }
      const stored = await payload.find({ collection: 'media', where: { filename: { like: 'plein-' } }, limit: 0, pagination: false })
      expect(stored.docs.length).toBe(statuses.filter((s) => s === 201).length)
      // No half-written file: every file in the folder belongs to a document (or is the filler).
      const used = await referencedFiles()
      expect(readdirSync(seen()).filter((name) => !used.has(name) && name !== 'remplissage.bin')).toEqual([])
      for (const doc of stored.docs) expect(statSync(seen(doc.filename!)).size).toBe(doc.filesize)

      // The disk is full now: a replacement of the first file with a new alt text is refused, and changes nothing.
      const replacement = await call(
        server.url,
        token,
        'PATCH',
        `/media/${keptDoc.id}`,
        uploadForm(randomPdf(300_000), 'remplacement.pdf', 'application/pdf', { alt: 'Nouveau texte' }),
      )
      expect(replacement.status).toBe(507)
      expect(replacement.body.errors?.[0]?.message).toContain('le disque du serveur est plein')
      const after = await payload.findByID({ collection: 'media', id: keptDoc.id, depth: 0 })
      expect([after.filename, after.alt, after.filesize]).toEqual([keptDoc.filename, keptDoc.alt, first.length])
      expect(sha(readFileSync(seen(keptDoc.filename)))).toBe(sha(first))
      const refusedAtOnce = await call(server.url, token, 'POST', '/media', uploadForm(randomPdf(300_000), 'encore.pdf', 'application/pdf'))
      figure(
        `disque plein : 5 envois simultanés → ${JSON.stringify(statuses)} ; remplacement → ${replacement.status} en ${Math.round(replacement.ms)} ms ; ` +
          `nouvel envoi → ${refusedAtOnce.status} en ${Math.round(refusedAtOnce.ms)} ms ; aucun fichier à moitié écrit`,
      )

      // Room again: the same replacement goes through, and the replaced file is gone.
      unlinkSync(seen('remplissage.bin'))
      const retried = await call(
        server.url,
        token,
        'PATCH',
        `/media/${keptDoc.id}`,
        uploadForm(randomPdf(300_000), 'remplacement.pdf', 'application/pdf', { alt: 'Nouveau texte' }),
      )
      expect(retried.status).toBe(200)
      expect(existsSync(seen(keptDoc.filename))).toBe(false)
      expect(readdirSync(seen()).filter((name) => name.startsWith('.conserve-'))).toEqual([])
      await server.kill()
    },
  )

  it('a media folder that refuses writes (even to root): French 503, no document, the replaced document untouched', async () => {
    // A folder whose parent is a regular file: no account, root included, can write there.
    const blocker = path.join(cms.dir, 'pas-un-dossier')
    writeFileSync(blocker, 'ceci est un fichier')
    const pdf = randomPdf(10_000)
    const existing = await payload.create({
      collection: 'media',
      data: { alt: 'Déjà là', site: siteId },
      file: { data: pdf, name: 'deja-la.pdf', mimetype: 'application/pdf', size: pdf.length },
    })
    const server = await startCms({ CLES_MEDIA_DIR: path.join(blocker, 'media'), CLES_MEDIA_SWEEP: '0' })
    const token = await login(server.url)
    const created = await call(server.url, token, 'POST', '/media', uploadForm(randomPdf(50_000), 'bloque.pdf', 'application/pdf'))
    expect(created.status).toBe(503)
    expect(created.body.errors?.[0]?.message).toContain('le dossier des médias du serveur refuse l’écriture')
    expect((await payload.count({ collection: 'media', where: { filename: { like: 'bloque' } } })).totalDocs).toBe(0)
    const replaced = await call(
      server.url,
      token,
      'PATCH',
      `/media/${existing.id}`,
      uploadForm(randomPdf(50_000), 'autre.pdf', 'application/pdf', { alt: 'Changé', credit: 'Quelqu’un' }),
    )
    expect(replaced.status).toBe(503)
    const after = await payload.findByID({ collection: 'media', id: existing.id, depth: 0 })
    expect([after.filename, after.alt, after.credit ?? null]).toEqual([existing.filename, 'Déjà là', null])
    expect(existsSync(path.join(cms.mediaDir, existing.filename!))).toBe(true)
    figure(`dossier des médias non inscriptible : création → ${created.status}, remplacement → ${replaced.status}, document inchangé`)
    await server.kill()
  })
})

describe('the database locked by another process', { timeout: 300_000 }, () => {
  /** Another process takes the database's write lock (BEGIN EXCLUSIVE) for `ms`, like a script or a seed would. */
  async function holdLock(ms: number): Promise<{ released: Promise<number> }> {
    const script = `
      const { DatabaseSync } = require('node:sqlite')
      const db = new DatabaseSync(process.argv[1])
      db.exec('BEGIN EXCLUSIVE')
      db.exec("UPDATE sites SET updated_at = updated_at WHERE id = (SELECT min(id) FROM sites)")
      console.log('verrou pris')
      setTimeout(() => { db.exec('COMMIT'); console.log('verrou rendu'); db.close() }, Number(process.argv[2]))`
    const child = spawn(process.execPath, ['-e', script, dbFile(), String(ms)], { stdio: ['ignore', 'pipe', 'inherit'] })
    running.push(child)
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (d) => String(d).includes('verrou pris') && resolve())
      child.once('exit', (code) => reject(new Error(`le processus du verrou s’est arrêté (code ${code})`)))
    })
    const taken = performance.now()
    return { released: new Promise((resolve) => child.once('exit', () => resolve(performance.now() - taken))) }
  }

  let server: CmsProcess
  let token: string
  beforeAll(async () => {
    server = await startCms({ CLES_MEDIA_SWEEP: '0' })
    token = await login(server.url)
    // The first write of a connection and the ones after a transaction behave differently in libsql: warm up.
    for (let i = 0; i < 3; i++) expect((await call(server.url, token, 'POST', '/news', { title: `Échauffement ${i}` })).status).toBe(201)
  })
  afterAll(async () => server?.kill())

  it('a write waits for a short lock and is saved; reads go on meanwhile', async () => {
    const lock = await holdLock(2000)
    const read = await call(server.url, token, 'GET', '/news?limit=5&depth=0')
    const write = await call(server.url, token, 'POST', '/news', { title: 'Écrit pendant le verrou', _status: 'published' })
    const heldMs = await lock.released
    expect(read.status).toBe(200)
    expect(read.ms).toBeLessThan(1500)
    expect(write.status, JSON.stringify(write.body)).toBe(201)
    expect(write.ms).toBeGreaterThan(1000)
    const stored = await payload.find({ collection: 'news', where: { title: { equals: 'Écrit pendant le verrou' } } })
    expect(stored.totalDocs).toBe(1)
    figure(
      `base verrouillée ${Math.round(heldMs)} ms : lecture en ${Math.round(read.ms)} ms, écriture en attente puis enregistrée en ${Math.round(write.ms)} ms`,
    )
  })

  it('a lock held past the busy timeout: a French 503 to retry, nothing written, then the same save works', async () => {
    const lock = await holdLock(BUSY_TIMEOUT_MS + 3000)
    const title = 'Écrit pendant un long verrou'
    const write = await call(server.url, token, 'POST', '/news', { title, _status: 'published' })
    await lock.released
    expect(write.status, JSON.stringify(write.body)).toBe(503)
    expect(write.headers.get('retry-after')).toBe('5')
    expect(write.body.errors?.[0]?.message).toMatch(/^La base de données est occupée.*rien n’a été enregistré/)
    expect(write.ms).toBeGreaterThanOrEqual(BUSY_TIMEOUT_MS - 500)
    expect((await payload.count({ collection: 'news', where: { title: { equals: title } } })).totalDocs).toBe(0)
    const retried = await call(server.url, token, 'POST', '/news', { title, _status: 'published' })
    expect(retried.status).toBe(201)
    expect((await payload.count({ collection: 'news', where: { title: { equals: title } } })).totalDocs).toBe(1)
    expect(integrity()).toEqual({ check: ['ok'], foreignKeys: [] })
    figure(
      `base verrouillée au-delà de ${BUSY_TIMEOUT_MS} ms : réponse ${write.status} (Retry-After 5) en ${Math.round(write.ms)} ms, rien d’écrit ; ` +
        `nouvel essai → ${retried.status} ; intégrité SQLite : ok`,
    )
  })
})

describe('the CMS down', { timeout: 300_000 }, () => {
  it('every site keeps serving, and one is rebuilt from its last snapshot without the database, then served', async () => {
    const slug = 'site-hors-ligne'
    const work = path.join(cms.dir, 'hors-ligne')
    const env = {
      ...process.env,
      CLES_SNAPSHOT_DIR: path.join(work, 'snapshots'),
      CLES_RELEASES_ROOT: path.join(work, 'releases'),
      CLES_SITE_WORK_DIR: path.join(work, 'builds'),
    }
    const site = await createTestSite(payload, slug, 'Site hors ligne')
    await payload.create({
      collection: 'news',
      data: { title: 'Toujours en ligne', slug: 'toujours-en-ligne', originSite: site.id, _status: 'published' } as never,
    })
    await exportSnapshots(payload, { outDir: env.CLES_SNAPSHOT_DIR, mediaDir: cms.mediaDir, only: [slug] })

    const rebuild = (args: string[], extra: Record<string, string> = {}) =>
      new Promise<{ code: number | null; output: string; ms: number }>((resolve) => {
        const started = performance.now()
        const child = spawn(process.execPath, [path.join(repoRoot, 'scripts/rebuild.mjs'), ...args], {
          cwd: repoRoot,
          env: { ...env, ...extra },
          stdio: ['ignore', 'pipe', 'pipe'],
        })
        running.push(child)
        let output = ''
        child.stdout!.on('data', (d) => (output += d))
        child.stderr!.on('data', (d) => (output += d))
        child.once('exit', (code) => resolve({ code, output, ms: performance.now() - started }))
      })
    // The CMS is down and so is its database: DATABASE_URL points where no database can be opened.
    const noDatabase = { DATABASE_URL: `file:${path.join(cms.dir, 'pas-un-dossier-bd', 'x', 'cles.db')}` }
    writeFileSync(path.join(cms.dir, 'pas-un-dossier-bd'), 'fichier')
    const first = await rebuild([slug], noDatabase)
    expect(first.code, first.output.slice(-3000)).toBe(0)
    expect(first.output).toContain('Export impossible')
    expect(first.output).toContain('reconstruits depuis les derniers instantanés')
    const current = path.join(work, 'releases', '.releases', slug, 'current')
    const server: Server = await serveStatic({ dir: current, port: 0 })
    try {
      const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
      const article = await fetch(`${origin}/actualites/toujours-en-ligne/`)
      expect(article.status).toBe(200)
      expect(await article.text()).toContain('Toujours en ligne')
      // Readers keep being served while the site is rebuilt again (explicitly from the snapshots this time).
      let reading = true
      const statuses: number[] = []
      const reader = (async () => {
        while (reading) {
          statuses.push((await fetch(`${origin}/`)).status)
          await sleep(50)
        }
      })()
      const second = await rebuild(['--depuis-instantanes', slug], noDatabase)
      reading = false
      await reader
      expect(second.code, second.output.slice(-3000)).toBe(0)
      expect(second.output).toContain('Reconstruction depuis les derniers instantanés')
      expect(statuses.length).toBeGreaterThan(10)
      expect(statuses.every((s) => s === 200)).toBe(true)
      figure(
        `CMS arrêté : site reconstruit depuis son instantané en ${(first.ms / 1000).toFixed(1)} s (repli automatique) puis ` +
          `${(second.ms / 1000).toFixed(1)} s (--depuis-instantanes), ${statuses.length} lectures pendant la reconstruction, toutes en 200`,
      )
    } finally {
      await new Promise((r) => server.close(r))
    }
  })
})
