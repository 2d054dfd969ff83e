// Content-addressed media: the file name is the SHA-256 of the bytes, so an
// image shared by several sites is stored (and later encoded) once. Each
// reference also carries what the CMS says about the image: alt text, focal
// point, caption (per locale) and credit.
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { extname, join } from 'node:path'
import type { Localized, SnapshotMedia } from '@cles/content'
import { createLocalReq, type Payload } from 'payload'
import type { MediaDoc } from './docs'
import { localized, textOrNull } from './fields'

/** A focal point in %, clamped; the centre when the CMS has none. */
const focal = (value: number | null | undefined) =>
  typeof value === 'number' && Number.isFinite(value) ? Math.min(100, Math.max(0, Math.round(value))) : 50

/** The upload of a Lexical node (untyped JSON), or null (not readable, or only an id). */
export const mediaDoc = (value: unknown): MediaDoc | null =>
  value && typeof value === 'object' && 'filename' in value ? (value as MediaDoc) : null

/** Reads the original bytes of an upload. */
export type MediaReader = (doc: MediaDoc & { filename: string }) => Promise<Buffer>

/**
 * Where the originals are read from: the media folder on local disk, or, when
 * a storage adapter keeps them elsewhere (S3_BUCKET, lib/storage.ts), that
 * adapter's own file handler — the one Payload uses to serve /api/media/file/…
 * (called here after the exporter has read the document as an anonymous reader).
 */
export function mediaReader(payload: Payload, mediaDir: string): MediaReader {
  const upload = payload.collections.media?.config.upload
  const handlers = upload?.disableLocalStorage ? (upload.handlers ?? []) : []
  if (!handlers.length) return (doc) => readFile(join(mediaDir, doc.filename))
  return async (doc) => {
    const req = await createLocalReq({}, payload)
    for (const handler of handlers) {
      const response = await handler(req, {
        doc: doc as never,
        headers: new Headers(),
        params: { collection: 'media', filename: doc.filename },
      })
      if (!(response instanceof Response)) continue
      if (!response.ok) {
        throw new Error(
          `Média « ${doc.filename} » illisible dans le stockage des médias (${response.status}) : vérifiez le seau S3 et ses identifiants.`,
        )
      }
      return Buffer.from(await response.arrayBuffer())
    }
    throw new Error(`Média « ${doc.filename} » introuvable : aucun stockage ne l’a fourni.`)
  }
}

export class MediaStore {
  private readonly byFilename = new Map<string, string>()
  private readonly read: MediaReader
  written = 0
  reused = 0

  /** `source`: the folder holding the originals, or a reader (see mediaReader). */
  constructor(
    source: string | MediaReader,
    private readonly outDir: string,
  ) {
    this.read = typeof source === 'string' ? (doc) => readFile(join(source, doc.filename)) : source
  }

  async add(doc: MediaDoc | null, alt: Localized<string> = localized(doc?.alt)): Promise<SnapshotMedia | null> {
    if (!doc) return null
    if (!doc.filename) return null
    let file = this.byFilename.get(doc.filename)
    if (!file) {
      const bytes = await this.read(doc as MediaDoc & { filename: string })
      const hash = createHash('sha256').update(bytes).digest('hex')
      const ext =
        extname(doc.filename)
          .toLowerCase()
          .replace(/[^.a-z0-9]/g, '') || '.bin'
      file = `media/${hash}${ext}`
      const target = join(this.outDir, file)
      if (existsSync(target)) {
        this.reused++
      } else {
        await mkdir(join(this.outDir, 'media'), { recursive: true })
        // Written aside then renamed: an export stopped mid-write never leaves a truncated file
        // that later exports would take for this content (the name is its hash) and builds would read.
        await writeFile(`${target}.${process.pid}.tmp`, bytes)
        await rename(`${target}.${process.pid}.tmp`, target)
        this.written++
      }
      this.byFilename.set(doc.filename, file)
    }
    const caption = localized(doc.caption)
    const credit = textOrNull(doc.credit)
    return {
      file,
      mimeType: doc.mimeType ?? 'application/octet-stream',
      width: doc.width ?? null,
      height: doc.height ?? null,
      alt,
      focalX: focal(doc.focalX),
      focalY: focal(doc.focalY),
      // Left out when empty, so an image without them is written as before.
      ...(caption.fr.trim() || caption.en?.trim() ? { caption } : {}),
      ...(credit ? { credit } : {}),
    }
  }
}
