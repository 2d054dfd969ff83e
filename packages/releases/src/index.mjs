// Atomic releases of built sites.
//
//   <root>/.releases/<slug>/<releaseId>/   one immutable copy of a build (hard links when possible)
//   <root>/.releases/<slug>/current        symlink to one release, switched with rename(2)
//
// A release is assembled in a hidden staging folder, checked, renamed to its final
// name, and only then made current by renaming a fresh symlink over `current`.
// Readers (the static server resolves `current` on every request) therefore see
// the old release or the new one, never a mix, never a half-written folder.
// Nothing ever writes into an existing release.
import { createHash, randomBytes } from 'node:crypto'
import { constants } from 'node:fs'
import { copyFile, link, lstat, mkdir, open, readdir, readFile, readlink, rename, rm, stat, symlink, unlink } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { eachLimit } from './eachLimit.mjs'

// The worker pool the S3 sync (@cles/deploy) shares.
export { eachLimit }

export const DEFAULT_KEEP = 5
export const REQUIRED_FILES = Object.freeze(['index.html', '404.html'])

const CURRENT = 'current'
const LOCK = '.lock'
const SLUG = /^[a-z0-9][a-z0-9-]*$/
const RELEASE_ID = /^(\d{8}T\d{6}Z)-([0-9a-f]{10})$/
const LEFTOVER = /^\.(staging|deleting|current)-/
// Errors for which a hard link is impossible but a copy may work.
const NO_LINK = new Set(['EXDEV', 'EPERM', 'EMLINK', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EACCES'])
const PARALLEL = 32

/** An error with a French message for people and a stable `code` for programs. */
export class ReleaseError extends Error {
  /** @param {string} code @param {string} message @param {unknown} [cause] */
  constructor(code, message, cause) {
    super(message, cause === undefined ? undefined : { cause })
    this.name = 'ReleaseError'
    this.code = code
  }
}

/**
 * The `code` of a Node.js system error (`ENOENT`…) or of a ReleaseError.
 * @param {unknown} error
 * @returns {string | undefined}
 */
const codeOf = (error) => (error instanceof Error ? /** @type {NodeJS.ErrnoException} */ (error).code : undefined)
/** @param {unknown} error */
const messageOf = (error) => (error instanceof Error ? error.message : String(error))

/**
 * `20261130T131500Z-<10 hex>`: sortable by time, then by content hash.
 * @param {unknown} value
 * @returns {value is string}
 */
export function isReleaseId(value) {
  return typeof value === 'string' && RELEASE_ID.test(value)
}

/**
 * The time part of a release id as a Date.
 * @param {string} id
 */
export function releaseDate(id) {
  const t = RELEASE_ID.exec(id)?.[1]
  if (t === undefined) throw new ReleaseError('EBADID', `Identifiant de version invalide : « ${id} ».`)
  return new Date(`${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)}T${t.slice(9, 11)}:${t.slice(11, 13)}:${t.slice(13, 15)}Z`)
}

/** @param {Date} date */
const stamp = (date) =>
  date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z')
const token = () => `${process.pid}-${randomBytes(4).toString('hex')}`
/** @param {number} ms */
const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

/**
 * Every directory and regular file under `dir` (sorted, parents first); anything else is refused.
 * @param {string} dir
 */
async function walk(dir) {
  /** @type {string[]} */
  const dirs = []
  /** @type {string[]} */
  const files = []
  /** @param {string} rel */
  const visit = async (rel) => {
    const entries = await readdir(join(dir, rel), { withFileTypes: true })
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    for (const entry of entries) {
      const path = rel ? `${rel}/${entry.name}` : entry.name
      if (entry.isDirectory()) {
        dirs.push(path)
        await visit(path)
      } else if (entry.isFile()) files.push(path)
      else {
        const kind = entry.isSymbolicLink() ? 'lien symbolique' : 'fichier spécial'
        throw new ReleaseError('EUNSUPPORTED', `Le site construit contient un ${kind}, refusé dans une version : ${path}`)
      }
    }
  }
  await visit('')
  return { dirs, files }
}

/** @param {string} path */
async function isFile(path) {
  try {
    const s = await lstat(path)
    return s.isFile() && s.size > 0
  } catch {
    return false
  }
}

/**
 * The order walk() lists paths in: folder by folder, names compared as strings.
 * @param {string} a @param {string} b
 */
function walkOrder(a, b) {
  const x = a.split('/')
  const y = b.split('/')
  for (let i = 0; i < Math.min(x.length, y.length); i++)
    if (x[i] !== y[i]) return /** @type {string} */ (x[i]) < /** @type {string} */ (y[i]) ? -1 : 1
  return x.length - y.length
}

/** @param {string} path */
async function isDir(path) {
  return (await lstat(path).catch(() => null))?.isDirectory() ?? false
}

/**
 * fsync a directory so a rename in it survives a crash (best effort where unsupported).
 * @param {string} dir
 */
async function syncDir(dir) {
  let handle
  try {
    handle = await open(dir, 'r')
    await handle.sync()
  } catch {
    // not supported on this platform: the rename is still atomic, only its durability is weaker
  } finally {
    await handle?.close()
  }
}

/**
 * The releases of every site under `<root>/.releases`.
 * @param {import('./index.d.mts').ReleaseStoreOptions} options
 * @returns {import('./index.d.mts').ReleaseStore}
 */
export function createReleaseStore({
  root,
  keep = DEFAULT_KEEP,
  requiredFiles = REQUIRED_FILES,
  hardLinks = true,
  validate,
  lockTimeoutMs = 30_000,
}) {
  if (!root) throw new TypeError('createReleaseStore: `root` est obligatoire')
  if (!Number.isInteger(keep) || keep < 2)
    throw new TypeError('createReleaseStore: `keep` doit être un entier ≥ 2 (la version en ligne et la précédente)')
  const base = join(resolve(root), '.releases')
  /** @type {Map<string, string>} */
  const digestsByInode = new Map()

  /** @param {string} slug */
  const siteDir = (slug) => {
    if (typeof slug !== 'string' || !SLUG.test(slug)) throw new ReleaseError('EBADSLUG', `Nom de site invalide : « ${slug} ».`)
    return join(base, slug)
  }
  /** @param {string} slug */
  const currentPath = (slug) => join(siteDir(slug), CURRENT)

  /** @param {string} slug */
  async function currentRelease(slug) {
    let target
    try {
      target = await readlink(currentPath(slug))
    } catch (error) {
      if (codeOf(error) === 'ENOENT') return null
      throw error
    }
    if (!isReleaseId(target))
      throw new ReleaseError('EBADCURRENT', `Le lien « current » du site ${slug} pointe vers « ${target} », qui n’est pas une version.`)
    return target
  }

  /**
   * Release ids of a site, newest first.
   * @param {string} slug
   */
  async function ids(slug) {
    let names
    try {
      names = await readdir(siteDir(slug))
    } catch (error) {
      if (codeOf(error) === 'ENOENT') return []
      throw error
    }
    return names.filter(isReleaseId).sort().reverse()
  }

  /** @param {string} slug */
  async function listReleases(slug) {
    const [all, current] = await Promise.all([ids(slug), currentRelease(slug)])
    return all.map((id) => ({ id, dir: join(siteDir(slug), id), createdAt: releaseDate(id), current: id === current }))
  }

  /**
   * One writer per site at a time: an exclusive lock file holding the owner's pid.
   * @template T
   * @param {string} slug
   * @param {(dir: string) => Promise<T>} fn
   * @returns {Promise<T>}
   */
  async function withLock(slug, fn) {
    const dir = siteDir(slug)
    const lock = join(dir, LOCK)
    await mkdir(dir, { recursive: true }).catch((error) => {
      throw new ReleaseError('ELOCK', `Impossible de créer ${dir} (${error.code}) : aucune version n’a changé.`, error)
    })
    const deadline = Date.now() + lockTimeoutMs
    for (;;) {
      try {
        const handle = await open(lock, 'wx')
        await handle.writeFile(String(process.pid))
        await handle.close()
        break
      } catch (error) {
        const code = codeOf(error)
        if (code !== 'EEXIST') {
          throw new ReleaseError('ELOCK', `Impossible d’écrire dans ${dir} (${code}) : aucune version n’a changé.`, error)
        }
        const owner = Number(await readFile(lock, 'utf8').catch(() => ''))
        if (owner && owner !== process.pid && !alive(owner)) {
          await unlink(lock).catch(() => {}) // left by a process that died
          continue
        }
        if (Date.now() > deadline) throw new ReleaseError('EBUSY', `Une autre publication du site ${slug} est en cours (verrou ${lock}).`)
        await sleep(50)
      }
    }
    try {
      await removeLeftovers(dir)
      return await fn(dir)
    } finally {
      await unlink(lock).catch(() => {})
    }
  }

  /**
   * Staging folders, half-deleted releases and temporary links of an interrupted run (we hold the lock).
   * @param {string} dir
   */
  async function removeLeftovers(dir) {
    for (const name of await readdir(dir)) {
      if (LEFTOVER.test(name)) await rm(join(dir, name), { recursive: true, force: true })
    }
  }

  /**
   * Point `current` at `id`: a new symlink renamed over the old one (rename(2) is atomic).
   * @param {string} dir
   * @param {string} id
   */
  async function switchTo(dir, id) {
    const temp = join(dir, `.current-${token()}`)
    try {
      await symlink(id, temp)
      await rename(temp, join(dir, CURRENT))
    } catch (error) {
      await rm(temp, { force: true })
      throw new ReleaseError('ESWITCH', `Impossible de basculer vers la version ${id} : ${messageOf(error)}`, error)
    }
    await syncDir(dir)
  }

  /**
   * @param {string} dir
   * @param {string} slug
   */
  async function checkFiles(dir, slug) {
    const missing = []
    for (const file of requiredFiles) if (!(await isFile(join(dir, file)))) missing.push(file)
    if (missing.length) throw new ReleaseError('EINVALID', `${slug} : version refusée, ${missing.join(', ')} absent ou vide dans ${dir}.`)
  }

  /**
   * The gate before any switch: required files, then the caller's own check.
   * @param {string} dir
   * @param {string} slug
   */
  async function check(dir, slug) {
    await checkFiles(dir, slug)
    if (validate) {
      try {
        await validate(dir, slug)
      } catch (error) {
        throw new ReleaseError('EINVALID', `${slug} : version refusée par la vérification (${messageOf(error)}).`, error)
      }
    }
  }

  /**
   * SHA-256 of a file the release holds (not of what the source holds now).
   * Files are never written in place, so a file's digest is known by its inode
   * (device, inode, size, modification time; a new link changes none of them): a release hard-linked from the live one
   * (an incremental release) reads only its new files.
   * @param {string} file
   */
  async function digestOf(file) {
    const info = await stat(file)
    const key = `${info.dev}:${info.ino}:${info.size}:${info.mtimeMs}`
    const known = digestsByInode.get(key)
    if (known) return known
    const digest = createHash('sha256')
      .update(await readFile(file))
      .digest('hex')
    if (digestsByInode.size > 500_000) digestsByInode.clear()
    digestsByInode.set(key, digest)
    return digest
  }

  /**
   * Copy `from` into the new folder `to` (hard links when possible) and return the content hash.
   * @param {string} from
   * @param {string} to
   */
  async function copyTree(from, to) {
    const { dirs, files } = await walk(from)
    await mkdir(to) // never an existing folder
    for (const rel of dirs) await mkdir(join(to, rel))
    let canLink = hardLinks
    let linked = 0
    /** @type {string[]} */
    const digests = new Array(files.length)
    await eachLimit(files, PARALLEL, async (rel, i) => {
      const source = join(from, rel)
      const target = join(to, rel)
      let done = false
      if (canLink) {
        try {
          await link(source, target)
          linked++
          done = true
        } catch (error) {
          if (!NO_LINK.has(codeOf(error) ?? '')) throw error
          canLink = false // this filesystem will not link: copy the rest
        }
      }
      if (!done) await copyFile(source, target, constants.COPYFILE_EXCL)
      digests[i] = await digestOf(target)
    })
    const manifest = manifestOf(dirs, files, digests)
    return { hash: manifest.hash, files: files.length, linked, copied: files.length - linked, manifest }
  }

  /**
   * Keeps the newest `keep`, the current release, and the one it just replaced
   * (requests that resolved it a moment ago may still be reading from it).
   * @param {string} dir
   * @param {...(string | null)} spared
   */
  async function prune(dir, ...spared) {
    const pruned = []
    const warnings = []
    const all = (await readdir(dir)).filter(isReleaseId).sort().reverse()
    for (const id of all.slice(keep)) {
      if (spared.includes(id)) continue
      const trash = join(dir, `.deleting-${id}-${token()}`)
      try {
        await rename(join(dir, id), trash) // out of the listing at once, then deleted
        await rm(trash, { recursive: true, force: true })
        pruned.push(id)
      } catch (error) {
        warnings.push(`ancienne version ${id} non supprimée : ${messageOf(error)}`)
      }
    }
    return { pruned, warnings }
  }

  /**
   * @param {string} slug
   * @param {string} builtDir
   * @param {{ now?: Date }} [options]
   */
  async function createReleaseFrom(slug, builtDir, { now = new Date() } = {}) {
    const t0 = performance.now()
    const source = resolve(builtDir)
    const info = await lstat(source).catch(() => null)
    if (!info?.isDirectory()) throw new ReleaseError('ENOSOURCE', `Dossier construit introuvable : ${source}`)
    await checkFiles(source, slug) // fail early, before taking the lock or writing anything

    return withLock(slug, async (dir) => {
      const previous = await currentRelease(slug)
      const staging = join(dir, `.staging-${token()}`)
      let copy
      try {
        copy = await copyTree(source, staging)
        await check(staging, slug)
      } catch (error) {
        await rm(staging, { recursive: true, force: true })
        if (error instanceof ReleaseError) throw error
        throw new ReleaseError(
          'ECOPY',
          `${slug} : copie de la version impossible (${codeOf(error) ?? messageOf(error)}) ; la version en ligne n’a pas changé.`,
          error,
        )
      }

      return finishStaging(dir, slug, staging, copy, previous, now, t0, { prune: true })
    })
  }

  /**
   * The end of every release: unchanged content publishes nothing; otherwise the
   * staging folder is renamed to its id, made current, and old releases pruned
   * (now, or later with `pruneOld` when `prune` is false: deleting thousands of
   * files is slow on some disks and readers do not wait for it).
   * @param {string} dir @param {string} slug @param {string} staging
   * @param {{ hash: string, files: number, linked: number, copied: number, manifest: Manifest }} copy
   * @param {string | null} previous @param {Date} now @param {number} t0 @param {{ prune: boolean }} options
   */
  async function finishStaging(dir, slug, staging, { manifest, ...copy }, previous, now, t0, { prune: pruneNow }) {
    // Same content as what is online: nothing to publish.
    if (previous && RELEASE_ID.exec(previous)?.[2] === copy.hash) {
      remember(previous, manifest)
      await rm(staging, { recursive: true, force: true })
      return {
        created: false,
        id: previous,
        dir: join(dir, previous),
        previous,
        ...copy,
        pruned: [],
        warnings: [],
        durationMs: performance.now() - t0,
      }
    }

    // Strictly later than every existing release, so ids stay in publication order.
    const newest = (await ids(slug))[0]
    let time = new Date(Math.floor(now.getTime() / 1000) * 1000)
    if (newest && releaseDate(newest) >= time) time = new Date(releaseDate(newest).getTime() + 1000)
    const id = `${stamp(time)}-${copy.hash}`
    const final = join(dir, id)
    try {
      await rename(staging, final) // the folder appears complete, under its final name
      await switchTo(dir, id)
    } catch (error) {
      await rm(staging, { recursive: true, force: true })
      if ((await currentRelease(slug).catch(() => null)) !== id) await rm(final, { recursive: true, force: true })
      if (error instanceof ReleaseError) throw error
      throw new ReleaseError(
        'ESWITCH',
        `${slug} : publication impossible (${messageOf(error)}) ; la version en ligne n’a pas changé.`,
        error,
      )
    }
    remember(id, manifest)
    const { pruned, warnings } = pruneNow ? await prune(dir, id, previous) : { pruned: [], warnings: [] }
    return { created: true, id, dir: final, previous, ...copy, pruned, warnings, durationMs: performance.now() - t0 }
  }

  /**
   * The content hash of a folder (the same as copyTree's for the same files) and its number of files.
   * @param {string} folder
   */
  async function hashTree(folder) {
    const { dirs, files } = await walk(folder)
    /** @type {string[]} */
    const digests = new Array(files.length)
    await eachLimit(files, PARALLEL, async (rel, i) => {
      digests[i] = await digestOf(join(folder, rel))
    })
    return manifestOf(dirs, files, digests)
  }

  /**
   * What a release holds, in walk order, and its content hash.
   * @typedef {{ dirs: string[], files: Map<string, string>, hash: string }} Manifest
   * @param {string[]} dirs @param {string[]} files @param {string[]} digests
   * @returns {Manifest}
   */
  function manifestOf(dirs, files, digests) {
    const hash = createHash('sha256')
    for (const rel of dirs) hash.update(`d ${rel}\0`)
    files.forEach((rel, i) => hash.update(`f ${rel}\0${digests[i]}\0`))
    return { dirs, files: new Map(files.map((rel, i) => [rel, digests[i] ?? ''])), hash: hash.digest('hex').slice(0, 10) }
  }

  /**
   * Manifests of the releases this store made or read lately, by id (the live
   * one is what the next quick release starts from).
   * @type {Map<string, Manifest>}
   */
  const manifests = new Map()
  /** @param {string} id @param {Manifest} manifest */
  const remember = (id, manifest) => {
    manifests.set(id, manifest)
    for (const old of [...manifests.keys()].slice(0, -keep)) manifests.delete(old)
  }

  /**
   * The manifest of a staging folder made from `live` and changed only as `report` says.
   * @param {Manifest} live @param {string} staging
   * @param {{ written: string[], removed: string[], removedDirs: string[] }} report
   */
  async function applyReport(live, staging, report) {
    const files = new Map(live.files)
    const dirs = new Set(live.dirs)
    for (const rel of report.removed) files.delete(rel)
    for (const rel of report.removedDirs) dirs.delete(rel)
    const written = [...new Set(report.written)]
    /** @type {(string | null)[]} */
    const digests = new Array(written.length)
    await eachLimit(written, PARALLEL, async (rel, i) => {
      digests[i] = await digestOf(join(staging, rel)).catch((error) => {
        if (codeOf(error) === 'ENOENT') return null // written, then removed again
        throw error
      })
    })
    written.forEach((rel, i) => {
      const digest = digests[i]
      if (digest === null || digest === undefined) {
        files.delete(rel)
        return
      }
      files.set(rel, digest)
      for (let at = rel.lastIndexOf('/'); at > 0; at = rel.lastIndexOf('/', at - 1)) dirs.add(rel.slice(0, at))
    })
    const orderedFiles = [...files.keys()].sort(walkOrder)
    return manifestOf(
      [...dirs].sort(walkOrder),
      orderedFiles,
      orderedFiles.map((rel) => files.get(rel) ?? ''),
    )
  }

  /** @type {Map<string, Promise<string | null>>} */
  const preparing = new Map()
  const FOLDERS = '.dossiers-'
  /** @param {string} id */
  const foldersName = (id) => `${FOLDERS}${id}`

  /**
   * Creates in advance, outside the lock, the folder tree of the live release
   * for the next release made from it (createReleaseFromCurrent). Creating
   * thousands of folders is most of the time of such a release on some disks
   * (ext4 here: about half a millisecond each); done while nothing is being
   * published, it is not on the way to readers. A tree is named after the
   * release it copies, so it is never used for another one.
   * @param {string} slug
   * @returns {Promise<string | null>} the prepared folder, or null (no live release, or it failed: the release makes its folders itself)
   */
  function prepareNext(slug) {
    const dir = siteDir(slug)
    const run = (async () => {
      const id = await currentRelease(slug)
      if (!id) return null
      const target = join(dir, foldersName(id))
      for (const name of await readdir(dir)) {
        if (name.startsWith(FOLDERS) && name !== foldersName(id)) await rm(join(dir, name), { recursive: true, force: true })
      }
      if (await isDir(target)) return target
      const temp = join(dir, `${FOLDERS}tmp-${token()}`)
      const { dirs } = await walk(join(dir, id))
      await mkdir(temp)
      for (const rel of dirs) await mkdir(join(temp, rel))
      await rename(temp, target)
      return target
    })().catch(() => null)
    preparing.set(slug, run)
    return run
  }

  /**
   * A release made from the live one: a staging folder holding every file of
   * the live release as hard links (in the folders prepareNext made, when it
   * did) is given to `assemble(staging, live)`, which changes what it must —
   * always by unlinking a file before writing it, never writing into one: the
   * same inode is the live release's — then checked and switched like any
   * release. When `assemble` returns what it changed (files written and
   * removed, folders removed), only those files are read to hash the release;
   * otherwise the whole staging folder is. Pruning waits for `pruneOld`
   * (`prune: false`) or happens now.
   * @param {string} slug
   * @param {(staging: string, live: string) => Promise<void | { written: string[], removed: string[], removedDirs: string[] }>} assemble
   * @param {{ now?: Date, prune?: boolean }} [options]
   */
  async function createReleaseFromCurrent(slug, assemble, { now = new Date(), prune: pruneNow = true } = {}) {
    const t0 = performance.now()
    const ready = preparing.get(slug)
    preparing.delete(slug)
    await ready
    return withLock(slug, async (dir) => {
      const previous = await currentRelease(slug)
      if (!previous) throw new ReleaseError('ENORELEASE', `Le site ${slug} n’a aucune version en ligne à reprendre.`)
      const live = join(dir, previous)
      const staging = join(dir, `.staging-${token()}`)
      let copy
      try {
        const manifest = manifests.get(previous) ?? (await hashTree(live))
        const prepared = await rename(join(dir, foldersName(previous)), staging).then(
          () => true,
          () => false,
        )
        // A prepared tree is the live release's own (named after it): only an unprepared staging needs its folders.
        if (!prepared) {
          await mkdir(staging)
          for (const rel of manifest.dirs) await mkdir(join(staging, rel))
        }
        const files = [...manifest.files.keys()]
        let linked = 0
        await eachLimit(files, PARALLEL, async (rel) => {
          try {
            await link(join(live, rel), join(staging, rel))
            linked++
          } catch (error) {
            if (!NO_LINK.has(codeOf(error) ?? '')) throw error
            await copyFile(join(live, rel), join(staging, rel), constants.COPYFILE_EXCL)
          }
        })
        const report = await assemble(staging, live)
        const next = report ? await applyReport(manifest, staging, report) : await hashTree(staging)
        copy = { hash: next.hash, files: next.files.size, linked, copied: files.length - linked, manifest: next }
        await check(staging, slug)
      } catch (error) {
        await rm(staging, { recursive: true, force: true })
        if (error instanceof ReleaseError) throw error
        throw new ReleaseError(
          'ECOPY',
          `${slug} : version impossible à assembler (${codeOf(error) ?? messageOf(error)}) ; la version en ligne n’a pas changé.`,
          error,
        )
      }
      return finishStaging(dir, slug, staging, copy, previous, now, t0, { prune: pruneNow })
    })
  }

  /**
   * Prunes a site's old releases (after releases made with `prune: false`).
   * @param {string} slug
   */
  async function pruneOld(slug) {
    return withLock(slug, async (dir) => prune(dir, await currentRelease(slug)))
  }

  /**
   * @param {string} slug
   * @param {string} [releaseId]
   */
  async function rollback(slug, releaseId) {
    if (!(await ids(slug)).length) throw new ReleaseError('ENORELEASE', `Le site ${slug} n’a aucune version publiée.`)
    return withLock(slug, async (dir) => {
      const all = await ids(slug)
      const from = await currentRelease(slug)
      let to = releaseId
      if (to === undefined || to === null || to === '') {
        const older = from ? all.filter((id) => id < from) : []
        const previous = older[0]
        if (previous === undefined)
          throw new ReleaseError('ENOPREVIOUS', `Le site ${slug} n’a pas de version antérieure à ${from ?? '(aucune)'}.`)
        to = previous
      } else if (!isReleaseId(to) || !all.includes(to)) {
        throw new ReleaseError('ENOTFOUND', `Version « ${to} » introuvable pour le site ${slug}.`)
      }
      if (to === from) return { from, to, changed: false }
      await check(join(dir, to), slug)
      await switchTo(dir, to)
      return { from, to, changed: true }
    })
  }

  return {
    dir: base,
    siteDir,
    currentPath,
    currentRelease,
    listReleases,
    createReleaseFrom,
    createReleaseFromCurrent,
    prepareNext,
    pruneOld,
    rollback,
  }
}

/** @param {number} pid */
function alive(pid) {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return codeOf(error) === 'EPERM'
  }
}
