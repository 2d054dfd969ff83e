// Uploads and the disk. Payload writes an upload's files before the database
// row, and when a file is replaced it deletes the old files first; a full disk,
// a folder that refuses writes or a process killed mid-way could then leave
// half-written files nobody points to, or a document pointing to a file that is
// gone. Here:
// - before anything is touched, an upload is refused in French when the media
//   folder cannot take it (disk full: 507, folder not writable: 503);
// - the files a replacement would delete are kept aside (a hard link) until the
//   operation succeeds, and put back if it fails;
// - after a failed upload, the files it wrote are removed; and the CMS server
//   sweeps the folder at start (and every hour): files no document points to,
//   older than a grace period, are removed, and files kept aside by an
//   interrupted replacement are put back.
import { randomBytes } from 'node:crypto'
import { access, constants, copyFile, link, mkdir, readdir, rename, stat, statfs, unlink } from 'node:fs/promises'
import path from 'node:path'
import {
  APIError,
  type CollectionAfterErrorHook,
  type CollectionAfterOperationHook,
  type CollectionBeforeOperationHook,
  type CollectionBeforeValidateHook,
  type Payload,
  type PayloadRequest,
  type SanitizedCollectionConfig,
} from 'payload'
import { message, type Bilingual } from './message'

export type MediaWriteProblem = 'full' | 'not-writable' | 'failed'

/** Room kept free besides the file itself: its resized copies, the database's journal. */
export const MEDIA_HEADROOM_BYTES = 1024 * 1024

const KEPT = '.conserve-'
const keptName = (token: string, filename: string) => `${KEPT}${token}-${filename}`
const KEPT_FILE = /^\.conserve-([0-9a-f]{12})-(.+)$/

const NOTHING_CHANGED = {
  fr: 'Rien n’a été modifié : le document et ses autres champs restent tels qu’ils étaient enregistrés.',
  en: 'Nothing was changed: the document and its other fields stay as they were saved.',
}

const SAVE_FAILED = { fr: 'Le fichier n’a pas pu être enregistré', en: 'The file could not be saved' }

export const MEDIA_WRITE_MESSAGES: Record<MediaWriteProblem, Bilingual> = {
  full: {
    fr:
      `${SAVE_FAILED.fr} : le disque du serveur est plein. ${NOTHING_CHANGED.fr} ` +
      'Réessayez plus tard et prévenez l’administration du réseau, qui doit libérer de la place.',
    en: `${SAVE_FAILED.en}: the server’s disk is full. ${NOTHING_CHANGED.en} Try again later and tell the network administrators.`,
  },
  'not-writable': {
    fr:
      `${SAVE_FAILED.fr} : le dossier des médias du serveur refuse l’écriture. ${NOTHING_CHANGED.fr} ` +
      'Prévenez l’administration du réseau (droits du dossier des médias, CLES_MEDIA_DIR).',
    en:
      `${SAVE_FAILED.en}: the server’s media folder refuses writes. ${NOTHING_CHANGED.en} ` +
      'Tell the network administrators (permissions of the media folder, CLES_MEDIA_DIR).',
  },
  failed: {
    fr: `${SAVE_FAILED.fr} sur le serveur. ${NOTHING_CHANGED.fr} Réessayez ; si l’erreur revient, prévenez l’administration du réseau.`,
    en: `${SAVE_FAILED.en} on the server. ${NOTHING_CHANGED.en} Try again; if it happens again, tell the network administrators.`,
  },
}

const STATUS: Record<MediaWriteProblem, number> = { full: 507, 'not-writable': 503, failed: 503 }

/** The French (or English) refusal for a media write problem, public, with its status. */
export const mediaWriteError = (req: Pick<PayloadRequest, 'i18n'> | undefined, problem: MediaWriteProblem) =>
  new APIError(message(req, MEDIA_WRITE_MESSAGES[problem]), STATUS[problem], null, true)

/** Why `dir` cannot take `bytes` more (plus the headroom), or null when it can. */
export async function mediaWriteProblem(dir: string, bytes = 0): Promise<MediaWriteProblem | null> {
  try {
    // A fresh install has no media folder yet: Payload creates it, so its parent must allow that.
    await mkdir(dir, { recursive: true })
    await access(dir, constants.W_OK)
    if (!(await stat(dir)).isDirectory()) return 'not-writable'
  } catch {
    return 'not-writable'
  }
  try {
    const fs = await statfs(dir)
    if (fs.bavail * fs.bsize < bytes + MEDIA_HEADROOM_BYTES) return 'full'
  } catch {
    // statfs unsupported here: the write itself will tell.
  }
  return null
}

const uploadOf = (collection: SanitizedCollectionConfig) =>
  collection.upload && !collection.upload.disableLocalStorage ? { dir: path.resolve(collection.upload.staticDir!) } : null

/** Every file name of an upload document: the original and its sizes. */
function filesOf(doc: { filename?: string | null; sizes?: unknown } | null | undefined): string[] {
  const sizes = Object.values((doc?.sizes ?? {}) as Record<string, { filename?: string | null } | null>)
  return [doc?.filename, ...sizes.map((s) => s?.filename)].filter((name): name is string => typeof name === 'string' && name !== '')
}

interface UploadContext {
  /** Hard links to the files a replacement deletes first: `[original, kept]`. */
  clesKeptFiles?: [string, string][]
  /** Files the operation asked Payload to write. */
  clesWrittenFiles?: string[]
}

/**
 * Before an upload (beforeOperation): refuses it at once when the media folder cannot take
 * it, and keeps aside the files a replacement would delete.
 */
export const guardUploadWrite: CollectionBeforeOperationHook = async ({ args, collection, operation, req }) => {
  const upload = uploadOf(collection)
  if (!upload || !req.file || (operation !== 'create' && operation !== 'update')) return args
  const problem = await mediaWriteProblem(upload.dir, req.file.size)
  if (problem) throw mediaWriteError(req, problem)
  const id = (args as { id?: number | string }).id
  if (operation === 'update' && id !== undefined) {
    const current = await req.payload
      .findByID({ collection: collection.slug as 'media', id, depth: 0, overrideAccess: true, disableErrors: true })
      .catch(() => null)
    const token = randomBytes(6).toString('hex')
    const kept: [string, string][] = []
    for (const name of filesOf(current)) {
      const original = path.join(upload.dir, name)
      const aside = path.join(upload.dir, keptName(token, name))
      try {
        await link(original, aside).catch(() => copyFile(original, aside))
        kept.push([original, aside])
      } catch {
        // Already missing: nothing to keep.
      }
    }
    ;(req.context as UploadContext).clesKeptFiles = kept
  }
  return args
}

/** The names Payload is about to write (beforeValidate sees them, before the files are written). */
export const noteUploadFiles: CollectionBeforeValidateHook = ({ data, req }) => {
  if (req.file && data) (req.context as UploadContext).clesWrittenFiles = filesOf(data as never)
  return data
}

/** After a successful upload operation: the kept copies are no longer needed. */
export const dropKeptFiles: CollectionAfterOperationHook = async ({ operation, req, result }) => {
  if (operation === 'create' || operation === 'update' || operation === 'updateByID') {
    for (const [, aside] of (req.context as UploadContext).clesKeptFiles ?? []) await unlink(aside).catch(() => {})
    delete (req.context as UploadContext).clesKeptFiles
  }
  return result
}

/** Which of `names` no document of the collection points to. */
async function unreferenced(payload: Payload, collection: SanitizedCollectionConfig, names: string[]): Promise<string[]> {
  if (!names.length) return []
  const sizes = (collection.upload && collection.upload.imageSizes ? collection.upload.imageSizes : []).map((s) => s.name)
  const where = { or: [{ filename: { in: names } }, ...sizes.map((size) => ({ [`sizes.${size}.filename`]: { in: names } }))] }
  const { docs } = await payload.find({
    collection: collection.slug as 'media',
    where: where as never,
    depth: 0,
    limit: 0,
    pagination: false,
    // Only the file names (the sweep runs over every media document).
    select: { filename: true, sizes: true },
    overrideAccess: true,
  })
  const used = new Set(docs.flatMap((doc) => filesOf(doc as never)))
  return names.filter((name) => !used.has(name))
}

/**
 * After a failed upload (REST): the kept files go back, the files it wrote are removed, and a
 * write the disk refused gets its French message and status instead of Payload's generic one.
 */
export const undoFailedUpload: CollectionAfterErrorHook = async ({ collection, error, req }) => {
  const upload = uploadOf(collection)
  if (!upload || !req.file) return
  const context = req.context as UploadContext
  for (const [original, aside] of context.clesKeptFiles ?? []) {
    try {
      await stat(original)
      await unlink(aside)
    } catch {
      await rename(aside, original).catch(() => {})
    }
  }
  delete context.clesKeptFiles
  const written = context.clesWrittenFiles ?? []
  delete context.clesWrittenFiles
  for (const name of await unreferenced(req.payload, collection, written).catch(() => [])) {
    await unlink(path.join(upload.dir, name)).catch(() => {})
  }
  // Payload's own file errors (writing the new file, deleting the replaced one): say why, in French.
  const err = error as APIError
  const fileErrors = [req.t('error:problemUploadingFile'), req.t('error:deletingFile')]
  if (fileErrors.includes(err.message) || /ENOSPC|EACCES|EROFS|ENOTDIR|EPERM|EDQUOT/.test(String(err.message))) {
    const problem = (await mediaWriteProblem(upload.dir, req.file.size)) ?? 'failed'
    const refusal = mediaWriteError(req, problem)
    // The site-wide error hook (publicErrors) answers with the error's message and status.
    err.message = refusal.message
    err.status = refusal.status
    err.isPublic = true
  }
}

export interface SweepResult {
  removed: string[]
  restored: string[]
}

/** CLES_MEDIA_SWEEP_GRACE_MS: how old a file without a document must be before the sweep removes it (5 min). */
export function sweepGraceMs(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.CLES_MEDIA_SWEEP_GRACE_MS)
  return Number.isFinite(value) && value >= 0 ? value : 5 * 60_000
}

/**
 * Puts back the files an interrupted replacement kept aside, and removes the files no media
 * document points to (a half-written or abandoned upload) once older than `graceMs`: an upload
 * in progress writes its files a moment before its document is saved.
 */
export async function sweepMediaFolder(payload: Payload, { graceMs = sweepGraceMs(), now = Date.now() } = {}): Promise<SweepResult> {
  const result: SweepResult = { removed: [], restored: [] }
  const collection = payload.collections.media?.config
  const upload = collection && uploadOf(collection)
  if (!upload) return result
  let entries
  try {
    entries = await readdir(upload.dir, { withFileTypes: true })
  } catch {
    return result
  }
  const { docs } = await payload.find({
    collection: 'media',
    depth: 0,
    limit: 0,
    pagination: false,
    select: { filename: true, sizes: true },
    overrideAccess: true,
  })
  const used = new Set(docs.flatMap((doc) => filesOf(doc as never)))
  const old = async (file: string) => now - (await stat(file)).mtimeMs >= graceMs
  const files = entries.filter((e) => e.isFile()).map((e) => e.name)
  const present = new Set(files)
  for (const name of files) {
    const kept = KEPT_FILE.exec(name)
    if (!kept) continue
    const original = kept[2]!
    const aside = path.join(upload.dir, name)
    if (used.has(original) && !present.has(original)) {
      await rename(aside, path.join(upload.dir, original))
      present.add(original)
      result.restored.push(original)
    } else if (await old(aside)) {
      await unlink(aside)
      result.removed.push(name)
    }
  }
  for (const name of files) {
    if (KEPT_FILE.test(name) || used.has(name)) continue
    const file = path.join(upload.dir, name)
    if (await old(file).catch(() => false)) {
      await unlink(file).catch(() => {})
      result.removed.push(name)
    }
  }
  if (result.removed.length || result.restored.length) {
    payload.logger.warn({
      msg:
        `médias : ${result.restored.length} fichier(s) remis en place après un remplacement interrompu, ` +
        `${result.removed.length} fichier(s) sans document supprimé(s)`,
      restored: result.restored,
      removed: result.removed,
    })
  }
  return result
}

/**
 * The CMS server sweeps its media folder at start, once more when the grace period has passed
 * (what a crash left is then old enough), then every hour. Scripts set CLES_MEDIA_SWEEP=0.
 */
export function scheduleMediaSweeps(payload: Payload, env: NodeJS.ProcessEnv = process.env): void {
  if (env.CLES_MEDIA_SWEEP === '0') return
  const sweep = () =>
    sweepMediaFolder(payload).catch((error: Error) => payload.logger.error({ msg: `médias : balayage impossible : ${error.message}` }))
  void sweep()
  setTimeout(sweep, sweepGraceMs(env) + 1000).unref()
  setInterval(sweep, 60 * 60_000).unref()
}
