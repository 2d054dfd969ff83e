// Content-addressed media: the file name is the SHA-256 of the bytes, so an
// image shared by several sites is stored (and later encoded) once. Each
// reference also carries what the CMS says about the image: alt text, focal
// point, caption (per locale) and credit.
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { extname, join } from 'node:path'
import type { Localized, SnapshotMedia } from '@cles/content'
import type { MediaDoc } from './docs'
import { localized, textOrNull } from './fields'

/** A focal point in %, clamped; the centre when the CMS has none. */
const focal = (value: number | null | undefined) =>
  typeof value === 'number' && Number.isFinite(value) ? Math.min(100, Math.max(0, Math.round(value))) : 50

/** The upload of a Lexical node (untyped JSON), or null (not readable, or only an id). */
export const mediaDoc = (value: unknown): MediaDoc | null =>
  value && typeof value === 'object' && 'filename' in value ? (value as MediaDoc) : null

export class MediaStore {
  private readonly byFilename = new Map<string, string>()
  written = 0
  reused = 0

  constructor(
    private readonly sourceDir: string,
    private readonly outDir: string,
  ) {}

  async add(doc: MediaDoc | null, alt: Localized<string> = localized(doc?.alt)): Promise<SnapshotMedia | null> {
    if (!doc) return null
    if (!doc.filename) return null
    let file = this.byFilename.get(doc.filename)
    if (!file) {
      const bytes = await readFile(join(this.sourceDir, doc.filename))
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
        await writeFile(target, bytes)
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
