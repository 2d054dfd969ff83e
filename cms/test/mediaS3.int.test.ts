// Media on S3-compatible storage (S3_BUCKET set, lib/storage.ts) against a real
// s3rver on a loopback port: uploads through the Local API and over HTTP land
// in the bucket (original and image sizes) and not on the local disk, are
// served back through /api/media/file/… with the CMS's access rules, go into a
// site's snapshot through the exporter, and leave the bucket when deleted.
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import S3rver from 's3rver'
import sharp from 'sharp'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportSnapshots } from '../src/export'
import { s3Settings } from '../src/lib/s3Settings'
import { startHttpApi, type HttpApi } from './helpers/httpApi'
import { createStaff, createTestSite, startTempCms, type TempCms } from './helpers/tempCms'

const work = mkdtempSync(path.join(tmpdir(), 'cles-media-s3-'))
const BUCKET = 'cles-medias'
const PREFIX = 'cms'
let s3: InstanceType<typeof S3rver>
let endpoint: string
let cms: TempCms
let payload: Payload
let api: HttpApi
let site: { id: number; slug: string }
let editor: Record<string, unknown> & { id: number }
let token: string
const savedEnv = { ...process.env }

const sha256 = (data: Buffer | Uint8Array) => createHash('sha256').update(data).digest('hex')
/** The object as the bucket holds it (s3rver answers unsigned reads). */
const object = (key: string) => fetch(`${endpoint}/${BUCKET}/${key}`)
const localFiles = () => (existsSync(cms.mediaDir) ? readdirSync(cms.mediaDir, { recursive: true }) : [])

const png = (width: number, colour: string) =>
  sharp({ create: { width, height: Math.round(width / 2), channels: 3, background: colour } })
    .png()
    .toBuffer()

beforeAll(async () => {
  s3 = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: path.join(work, 's3'),
    configureBuckets: [{ name: BUCKET, configs: [] }],
  })
  const address = (await s3.run()) as AddressInfo
  endpoint = `http://127.0.0.1:${address.port}`
  Object.assign(process.env, {
    S3_BUCKET: BUCKET,
    S3_ENDPOINT: endpoint,
    S3_REGION: 'ca-central-1',
    S3_ACCESS_KEY_ID: 'S3RVER',
    S3_SECRET_ACCESS_KEY: 'S3RVER',
    S3_FORCE_PATH_STYLE: 'true',
    S3_PREFIX: PREFIX,
    CLES_LOG_FORMAT: 'json',
    CLES_PUBLISHER_URL: 'http://127.0.0.1:9',
  })
  cms = await startTempCms()
  payload = cms.payload
  site = (await createTestSite(payload, 'site-s3')) as { id: number; slug: string }
  editor = (await createStaff(payload, 'media@s3.example', site.id, 'site-editor')) as never
  token = (await payload.login({ collection: 'users', data: { email: 'media@s3.example', password: 'a-long-password-1' } })).token!
  api = await startHttpApi(payload)
})
afterAll(async () => {
  await api?.close()
  await cms?.close()
  await s3?.close()
  process.env = savedEnv
  rmSync(work, { recursive: true, force: true })
})

describe('S3 settings from the environment', () => {
  it('local disk without S3_BUCKET; a half-done configuration is refused in French', () => {
    expect(s3Settings({})).toBeNull()
    expect(() => s3Settings({ S3_ENDPOINT: 'http://minio:9000' })).toThrow(/S3_ENDPOINT est définie mais pas S3_BUCKET/)
    expect(() => s3Settings({ S3_BUCKET: 'b', S3_ACCESS_KEY_ID: 'x' })).toThrow(/S3_ACCESS_KEY_ID et S3_SECRET_ACCESS_KEY vont ensemble/)
    expect(s3Settings({ S3_BUCKET: 'b' })).toEqual({ bucket: 'b', prefix: '', config: { region: 'us-east-1', forcePathStyle: false } })
  })
})

describe('media in an S3 bucket', () => {
  let uploaded: { id: number; filename: string; sizes: Record<string, { filename?: string | null }> }
  let bytes: Buffer

  it('an upload through the Local API goes to the bucket with its image sizes, not to the local disk', async () => {
    bytes = await png(1000, '#336699')
    const doc = await payload.create({
      collection: 'media',
      data: { alt: 'Bleu', site: site.id },
      file: { data: bytes, name: 'bleu.png', mimetype: 'image/png', size: bytes.length },
      user: editor,
      overrideAccess: false,
    })
    uploaded = doc as never
    expect(doc.prefix).toBe(PREFIX)
    const original = await object(`${PREFIX}/${doc.filename}`)
    expect(original.status).toBe(200)
    expect(sha256(new Uint8Array(await original.arrayBuffer()))).toBe(sha256(bytes))
    for (const size of ['thumbnail', 'card']) {
      const name = doc.sizes?.[size as 'thumbnail']?.filename
      expect(name, size).toBeTruthy()
      expect((await object(`${PREFIX}/${name}`)).status, size).toBe(200)
    }
    expect(localFiles()).toEqual([])
  })

  it('is served back through /api/media/file/… to staff, and refused to anonymous readers while unused', async () => {
    const url = `${api.url}/api/media/file/${encodeURIComponent(uploaded.filename)}`
    const staff = await fetch(url, { headers: { authorization: `JWT ${token}` } })
    expect(staff.status).toBe(200)
    expect(staff.headers.get('content-type')).toBe('image/png')
    expect(sha256(new Uint8Array(await staff.arrayBuffer()))).toBe(sha256(bytes))
    // Not used by anything published yet: not public, even though the file is in the bucket.
    expect((await fetch(url)).status).toBe(403)
  })

  it('an upload over HTTP (multipart, as the admin sends it) lands in the bucket too; a disguised file is still refused', async () => {
    const form = new FormData()
    const jpeg = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#aa0000' } })
      .jpeg()
      .toBuffer()
    form.append('file', new Blob([new Uint8Array(jpeg)], { type: 'image/jpeg' }), 'rouge.jpg')
    form.append('_payload', JSON.stringify({ alt: 'Rouge', site: site.id }))
    const created = await fetch(`${api.url}/api/media`, { method: 'POST', headers: { authorization: `JWT ${token}` }, body: form })
    expect(created.status).toBe(201)
    const { doc } = (await created.json()) as { doc: { filename: string } }
    expect(sha256(new Uint8Array(await (await object(`${PREFIX}/${doc.filename}`)).arrayBuffer()))).toBe(sha256(jpeg))

    const disguised = new FormData()
    disguised.append('file', new Blob(['<!doctype html><script>alert(1)</script>'], { type: 'image/png' }), 'piege.png')
    disguised.append('_payload', JSON.stringify({ alt: 'Piège', site: site.id }))
    const refused = await fetch(`${api.url}/api/media`, { method: 'POST', headers: { authorization: `JWT ${token}` }, body: disguised })
    expect(refused.status).toBe(400)
    expect(((await refused.json()) as { errors: { message: string }[] }).errors[0]!.message).toMatch(/Type de fichier non reconnu/)
    expect((await object(`${PREFIX}/piege.png`)).status).toBe(404)
    expect(localFiles()).toEqual([])
  })

  it('the exporter reads the original from the bucket into the site’s snapshot', async () => {
    await payload.create({
      collection: 'news',
      data: {
        title: 'Avec image',
        slug: 'avec-image',
        publishedAt: new Date().toISOString(),
        originSite: site.id,
        hero: uploaded.id,
        _status: 'published',
      },
      user: editor as never,
      overrideAccess: false,
    })
    const out = path.join(work, 'snapshots')
    // An empty media folder: the bytes can only come from the bucket.
    const result = await exportSnapshots(payload, { outDir: out, mediaDir: path.join(work, 'dossier-vide'), only: [site.slug] })
    expect(result.mediaWritten).toBe(1)
    const snapshot = JSON.parse(readFileSync(path.join(out, `${site.slug}.json`), 'utf8'))
    const hero = snapshot.news[0].hero
    expect(hero.file).toBe(`media/${sha256(bytes)}.png`)
    expect(sha256(readFileSync(path.join(out, hero.file)))).toBe(sha256(bytes))
    // Now used by published content: public, through the CMS.
    expect((await fetch(`${api.url}/api/media/file/${encodeURIComponent(uploaded.filename)}`)).status).toBe(200)
  })

  it('deleting the document removes the original and its sizes from the bucket', async () => {
    const keys = [uploaded.filename, ...Object.values(uploaded.sizes).map((s) => s.filename)].filter(Boolean).map((f) => `${PREFIX}/${f}`)
    expect(keys.length).toBeGreaterThanOrEqual(3)
    await payload.update({ collection: 'news', where: { slug: { equals: 'avec-image' } }, data: { hero: null }, overrideAccess: true })
    const deleted = await fetch(`${api.url}/api/media/${uploaded.id}`, { method: 'DELETE', headers: { authorization: `JWT ${token}` } })
    expect(deleted.status).toBe(200)
    for (const key of keys) expect((await object(key)).status, key).toBe(404)
  })
})
