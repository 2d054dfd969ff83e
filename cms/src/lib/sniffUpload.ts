// Uploads are judged by their bytes, not their name: the real type is read
// with file-type (the library Payload itself uses) and checked against our list.
import { fileTypeFromBuffer } from 'file-type'
import { MAX_UPLOAD_BYTES } from './uploadLimit'

export const ALLOWED_UPLOAD_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/avif', 'application/pdf'] as const

export type UploadVerdict =
  { ok: true; mimeType: string; ext: string } | { ok: false; reason: 'too-large' | 'unknown' | 'svg' | 'not-allowed'; detected?: string }

export async function judgeUpload(data: Buffer, size = data.length): Promise<UploadVerdict> {
  if (size > MAX_UPLOAD_BYTES) return { ok: false, reason: 'too-large' }
  const head = data.subarray(0, 512).toString('utf8').trimStart().toLowerCase()
  if (head.startsWith('<svg') || (head.startsWith('<?xml') && head.includes('<svg'))) return { ok: false, reason: 'svg' }
  const type = await fileTypeFromBuffer(data)
  if (!type) return { ok: false, reason: 'unknown' }
  if (!(ALLOWED_UPLOAD_TYPES as readonly string[]).includes(type.mime)) return { ok: false, reason: 'not-allowed', detected: type.mime }
  return { ok: true, mimeType: type.mime, ext: type.ext }
}

/**
 * The name a file is stored under: its own name, with the extension of what it
 * really is (servers pick the Content-Type from the extension, so a PNG named
 * `x.html` must not stay `.html`). Other dots become dashes, so no server that
 * reads every extension (`x.html.png`) sees an active type either.
 */
export function storedFileName(name: string, ext: string): string {
  const base = name.replace(/\\/g, '/').split('/').pop() ?? ''
  const dot = base.lastIndexOf('.')
  const given = dot > 0 ? base.slice(dot + 1).toLowerCase() : ''
  const stem = (dot > 0 ? base.slice(0, dot) : base).replace(/\./g, '-').replace(/^-+/, '') || 'fichier'
  // A JPEG may keep `.jpeg`; every other type gets its canonical extension.
  const extension = ext === 'jpg' && given === 'jpeg' ? 'jpeg' : ext
  return `${stem}.${extension}`
}
