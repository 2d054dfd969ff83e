// Uploads are judged by content: disguised, SVG and oversized files are refused
// in French and nothing is stored (no document, no file on disk).
import { readdirSync } from 'node:fs'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MAX_UPLOAD_BYTES } from '../src/lib/uploadLimit'
import { createStaff, createTestSite, startTempCms, type TempCms } from './helpers/tempCms'

let cms: TempCms
let siteId: number
let editor: Record<string, unknown> & { id: number }

beforeAll(async () => {
  cms = await startTempCms()
  const site = await createTestSite(cms.payload, 'site-media')
  siteId = site.id
  editor = (await createStaff(cms.payload, 'media@test.example', site.id, 'site-editor')) as never
})
afterAll(async () => cms?.close())

const upload = (data: Buffer, name: string, mimetype: string) =>
  cms.payload.create({
    collection: 'media',
    data: { alt: 'Essai', site: siteId },
    file: { data, name, mimetype, size: data.length },
    user: editor,
    overrideAccess: false,
  })

const stored = () => readdirSync(cms.mediaDir, { withFileTypes: true }).filter((f) => f.isFile()).length
const count = async () => (await cms.payload.count({ collection: 'media' })).totalDocs

describe('media uploads', () => {
  it('accepts a real PNG and stores its sizes', async () => {
    const png = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#884422' } })
      .png()
      .toBuffer()
    const doc = await upload(png, 'carre.png', 'image/png')
    expect(doc.mimeType).toBe('image/png')
    expect(doc.sizes?.thumbnail?.width).toBe(400)
  })

  it.each([
    [
      'an HTML page named .jpg',
      Buffer.from('<!doctype html><script>alert(1)</script>'),
      'photo.jpg',
      'image/jpeg',
      /Type de fichier non reconnu/,
    ],
    ['a ZIP named .png', Buffer.from('504b0304140000000800', 'hex'), 'image.png', 'image/png', /en réalité de type application\/zip/],
    [
      'an SVG with a script',
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
      'logo.svg',
      'image/svg+xml',
      /SVG sont refusés/,
    ],
    [
      'an SVG disguised as PNG',
      Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
      'logo.png',
      'image/png',
      /SVG sont refusés/,
    ],
  ])('refuses %s in French and stores nothing', async (_label, data, name, mimetype, expected) => {
    const [docsBefore, filesBefore] = [await count(), stored()]
    await expect(upload(data, name, mimetype)).rejects.toThrow(expected)
    expect(await count()).toBe(docsBefore)
    expect(stored()).toBe(filesBefore)
  })

  it('refuses a file over the size limit', async () => {
    const jpeg = await sharp({ create: { width: 16, height: 16, channels: 3, background: '#000' } })
      .jpeg()
      .toBuffer()
    const huge = Buffer.concat([jpeg, Buffer.alloc(MAX_UPLOAD_BYTES)])
    const [docsBefore, filesBefore] = [await count(), stored()]
    await expect(upload(huge, 'enorme.jpg', 'image/jpeg')).rejects.toThrow(/trop lourd : la limite est de 10 Mo/)
    expect(await count()).toBe(docsBefore)
    expect(stored()).toBe(filesBefore)
  })

  it('requires alternative text', async () => {
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#123456' } })
      .png()
      .toBuffer()
    await expect(
      cms.payload.create({
        collection: 'media',
        data: { site: siteId } as never,
        file: { data: png, name: 'sans-alt.png', mimetype: 'image/png', size: png.length },
        user: editor,
        overrideAccess: false,
      }),
    ).rejects.toThrow(/Texte alternatif/)
  })
})
