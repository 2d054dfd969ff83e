// Copies one release to an S3 bucket (or any S3-compatible store) behind a CDN.
// Only what changed is uploaded; objects no longer in the release are deleted
// once the new ones are in place; redirects become S3 website redirects.
import { createHash } from 'node:crypto'
import { readFile, readdir, realpath } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import { DeleteObjectsCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3'
import { eachLimit } from '@cles/releases'
import { parseRedirects, REDIRECTS_FILE } from '@cles/static-server'
import { cacheControlFor, contentTypeFor, REVALIDATE } from './policy.mjs'

/** @typedef {import('./index.mjs').SkippedRedirect} SkippedRedirect */
/**
 * One object the bucket should hold; `redirect`: the `x-amz-website-redirect-location`, or null for a file of the release.
 * @typedef {{ path: string, body: Buffer, contentType: string, cacheControl: string, redirect: string | null }} PlannedObject
 */

/** Metadata key (`x-amz-meta-cles-sha256`) holding the SHA-256 of what we uploaded. */
export const HASH_METADATA = 'cles-sha256'

/** @param {Buffer} bytes */
const md5 = (bytes) => createHash('md5').update(bytes).digest('hex')
/** @param {Buffer} bytes */
const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex')

/**
 * @param {string} dir
 * @returns {AsyncGenerator<string>} the regular files under `dir`
 */
async function* walk(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) yield* walk(path)
    else if (entry.isFile()) yield path
  }
}

/** @param {string} text */
const escapeHtml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;')

/**
 * What the bucket should hold: one object per file of the release (but
 * `_redirects`), and for each redirect whose address is no file, two small
 * objects (`old` and `old/index.html`, for `/old` and `/old/`) that carry
 * `x-amz-website-redirect-location`. Their body names the target, so a changed
 * target changes their hash and they are uploaded again.
 * @param {string} releaseDir
 * @param {string} prefix `''` or `a/b/` (see normalizePrefix)
 * @returns {Promise<{ objects: Map<string, PlannedObject>, skipped: SkippedRedirect[] }>}
 */
async function plannedObjects(releaseDir, prefix) {
  /** @type {Map<string, PlannedObject>} */
  const objects = new Map()
  for await (const file of walk(releaseDir)) {
    const path = `/${relative(releaseDir, file).split(sep).join('/')}`
    if (path === `/${REDIRECTS_FILE}`) continue
    const body = await readFile(file)
    objects.set(`${prefix}${path.slice(1)}`, {
      path,
      body,
      contentType: contentTypeFor(path),
      cacheControl: cacheControlFor(path),
      redirect: null,
    })
  }
  let redirectsText = ''
  try {
    redirectsText = await readFile(join(releaseDir, REDIRECTS_FILE), 'utf8')
  } catch {
    // No `_redirects` in this release: no redirects.
  }
  const { redirects, skipped } = parseRedirects(redirectsText)
  for (const { from, to } of redirects) {
    const path = decodeURIComponentSafe(from).replace(/\/+$/, '')
    if (!path) continue // the home page is always a file
    const base = `${prefix}${path.slice(1)}`
    // A page of the release at that address wins, as on the other hosts.
    if ([base, `${base}/index.html`, `${base}.html`].some((key) => objects.get(key)?.redirect === null)) {
      skipped.push({ line: 0, text: `${from} ${to}`, reason: 'cette adresse est une page de la version' })
      continue
    }
    const body = Buffer.from(
      `<!doctype html><meta charset="utf-8"><title>Adresse déplacée</title><a href="${escapeHtml(to)}">${escapeHtml(to)}</a>\n`,
    )
    for (const key of [base, `${base}/index.html`]) {
      objects.set(key, {
        path: `/${key.slice(prefix.length)}`,
        body,
        contentType: 'text/html; charset=utf-8',
        cacheControl: REVALIDATE,
        redirect: to,
      })
    }
  }
  return { objects, skipped }
}

/** @param {string} path */
function decodeURIComponentSafe(path) {
  try {
    return decodeURIComponent(path)
  } catch {
    return path
  }
}

/**
 * Sync a release folder to `s3://bucket/prefix`.
 *
 * An object is up to date when its ETag is the MD5 of our bytes (single-part
 * upload without KMS, which is how this function uploads), or, when the ETag is
 * not an MD5 (KMS encryption, multipart copy), when its `cles-sha256` metadata
 * is the SHA-256 of our bytes. Upload order: assets first, then pages, then
 * redirects, then deletions, so a page never points at an asset not yet there.
 * Content-Type and Cache-Control are not compared: after a change of
 * policy.mjs, sync once with `force: true` to upload everything again.
 *
 * @param {string} releaseDir a release folder or `current` link (resolved once, so the whole sync reads one release)
 * @param {{
 *   bucket: string,
 *   prefix?: string,
 *   endpoint?: string,
 *   region?: string,
 *   credentials?: { accessKeyId: string, secretAccessKey: string, sessionToken?: string },
 *   forcePathStyle?: boolean,
 *   client?: S3Client,
 *   concurrency?: number,
 *   dryRun?: boolean,
 *   force?: boolean,
 *   log?: (message: string) => void,
 * }} options
 * @returns {Promise<{ uploaded: string[], deleted: string[], unchanged: number, redirects: number, skipped: SkippedRedirect[] }>}
 */
export async function syncReleaseToS3(releaseDir, options) {
  const { bucket, endpoint, credentials, concurrency = 8, dryRun = false, force = false, log = () => {} } = options
  if (!bucket) throw new Error('syncReleaseToS3 : bucket manquant')
  const prefix = normalizePrefix(options.prefix ?? '')
  const client =
    options.client ??
    new S3Client({
      region: options.region ?? process.env.AWS_REGION ?? 'us-east-1',
      endpoint,
      credentials,
      forcePathStyle: options.forcePathStyle ?? Boolean(endpoint),
      // S3-compatible stores do not all know the newer checksum headers.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    })
  const dir = await realpath(releaseDir)
  const { objects, skipped } = await plannedObjects(dir, prefix)
  for (const s of skipped) log(`redirection ignorée (ligne ${s.line}) : ${s.text} — ${s.reason}`)

  // What the bucket holds under the prefix now.
  /** @type {Map<string, string>} key → ETag */
  const remote = new Map()
  /** @type {string | undefined} */
  let token
  do {
    const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix || undefined, ContinuationToken: token }))
    for (const item of page.Contents ?? []) if (item.Key !== undefined) remote.set(item.Key, (item.ETag ?? '').replace(/"/g, ''))
    token = page.IsTruncated ? page.NextContinuationToken : undefined
  } while (token)

  /** @type {[string, PlannedObject][]} */
  const changed = []
  let unchanged = 0
  await eachLimit([...objects], concurrency, async ([key, object]) => {
    if (!force && (await upToDate(client, bucket, key, object, remote.get(key)))) unchanged++
    else changed.push([key, object])
  })
  /** @param {[string, PlannedObject]} entry */
  const rank = ([, o]) => (o.redirect ? 2 : o.contentType.startsWith('text/html') ? 1 : 0)
  changed.sort((a, b) => rank(a) - rank(b) || (a[0] < b[0] ? -1 : 1))

  /** @type {string[]} */
  const uploaded = []
  for (const step of [0, 1, 2]) {
    await eachLimit(
      changed.filter((entry) => rank(entry) === step),
      concurrency,
      async ([key, object]) => {
        if (!dryRun) {
          await client.send(
            new PutObjectCommand({
              Bucket: bucket,
              Key: key,
              Body: object.body,
              ContentType: object.contentType,
              CacheControl: object.cacheControl,
              Metadata: { [HASH_METADATA]: sha256(object.body) },
              ...(object.redirect ? { WebsiteRedirectLocation: object.redirect } : {}),
            }),
          )
        }
        uploaded.push(key)
      },
    )
  }

  const deleted = [...remote.keys()].filter((key) => !objects.has(key)).sort()
  for (let i = 0; i < deleted.length && !dryRun; i += 1000) {
    const batch = deleted.slice(i, i + 1000)
    const result = await client.send(
      new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true } }),
    )
    if (result.Errors?.length)
      throw new Error(`suppression refusée par le stockage : ${result.Errors.map((e) => `${e.Key} (${e.Code})`).join(', ')}`)
  }
  uploaded.sort()
  log(`${uploaded.length} fichier(s) envoyé(s), ${unchanged} inchangé(s), ${deleted.length} supprimé(s)`)
  return { uploaded, deleted, unchanged, redirects: [...objects.values()].filter((o) => o.redirect).length, skipped }
}

/**
 * @param {S3Client} client
 * @param {string} bucket
 * @param {string} key
 * @param {PlannedObject} object
 * @param {string | undefined} etag the ETag listed for `key`, without quotes; undefined when the bucket has no such object
 * @returns {Promise<boolean>}
 */
async function upToDate(client, bucket, key, object, etag) {
  if (etag === undefined) return false
  if (/^[0-9a-f]{32}$/.test(etag)) return etag === md5(object.body)
  // Not an MD5 (KMS, multipart): ask for the hash we stored.
  const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key })).catch(() => null)
  return head?.Metadata?.[HASH_METADATA] === sha256(object.body)
}

/**
 * `''`, or `a/b/` (no leading slash, one final slash).
 * @param {string} prefix
 */
function normalizePrefix(prefix) {
  const trimmed = prefix.replace(/^\/+|\/+$/g, '')
  if (/(^|\/)\.\.?(\/|$)/.test(trimmed)) throw new Error(`préfixe invalide : « ${prefix} »`)
  return trimmed ? `${trimmed}/` : ''
}
