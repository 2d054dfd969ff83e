// The site's warm renderer: a child process of the publisher that keeps one
// site's server bundle (build.mjs) loaded and renders pages on demand from a
// snapshot it is given, in memory: a draft preview (« Aperçu »), or the pages
// of an incremental release (release.mjs).
// usage (forked): renderer.mjs <bundle dir> <folder for the images it encodes> <live release folder>
// Messages in:  { id, lists: { news, pages, resources, categories }, path }                      a preview
//               { id, release: { before, after, snapshotDir, liveDir, outDir } }                  an incremental release
//               (before: a file with the live release's snapshot; after: the new snapshot's file)
//               { id, searchIndex: { outDir } }                                                  the search index of the release in outDir
// Messages out: { ready: true } once loaded; { id, status, html } / { id, result } or { id, error }.
import { copyFileSync, existsSync, linkSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { imageConfig } from '../src/integrations/images.ts'
import service from '../src/images/service.ts'
import { writeIncrementalRelease, writeSearchIndex } from './release.mjs'

const [dist, encodedDir, liveDir] = process.argv.slice(2)
const clientDir = join(dist, 'client')
const LIVE_SNAPSHOT = Symbol.for('cles.liveSnapshot') // owned by src/snapshotData.ts

// Image URLs exactly as the static build names them (Astro's addStaticImage,
// base `/`, assets `_astro`), so a page shows the live release's files; an
// image the live release does not have yet (a new image) is encoded here, as
// the static build would.
const astroDist = dirname(fileURLToPath(import.meta.resolve('astro')))
const { hashTransform, propsToFilename } = await import(pathToFileURL(join(astroDist, 'assets', 'utils', 'hash.js')).href)
const wanted = new Map()
globalThis.astroAsset ??= {}
globalThis.astroAsset.addStaticImage = (options, hashProperties, originalFSPath) => {
  const src = typeof options.src === 'object' ? options.src.src : options.src
  const file = propsToFilename(src, options, hashTransform(options, '@cles/site-kit/image-service', hashProperties))
  wanted.set(file, { options, originalFSPath })
  return file
}
const config = { service: imageConfig(process.cwd(), {}).service }

/**
 * Every image the pages rendered since the last call use, in `target`: left
 * where it is when one of `servedFrom` has it (a preview's files are looked up
 * there), linked from `copyFrom`, else encoded as the static build would.
 */
async function placeImages(target, { servedFrom = [], copyFrom = [] }) {
  const placed = []
  for (const [file, { options, originalFSPath }] of wanted) {
    const destination = join(target, file)
    if ([target, ...servedFrom].some((root) => existsSync(join(root, file)))) continue
    mkdirSync(dirname(destination), { recursive: true })
    const found = copyFrom.find((root) => existsSync(join(root, file)))
    placed.push(destination)
    if (found) {
      linkOrCopy(join(found, file), destination)
      continue
    }
    if (!originalFSPath || !existsSync(originalFSPath)) throw new Error(`image source introuvable pour ${file}`)
    const { data } = await service.transform(readFileSync(originalFSPath), options, config)
    writeFileSync(`${destination}.${process.pid}.tmp`, data)
    renameSync(`${destination}.${process.pid}.tmp`, destination)
  }
  wanted.clear()
  return placed
}

function linkOrCopy(source, target) {
  try {
    linkSync(source, target)
  } catch {
    copyFileSync(source, target)
  }
}

const { app } = await import(pathToFileURL(join(dist, 'server', 'preview-entry.mjs')).href)
let version = 0
let current = null

/** Renders one page of the bundle for `lists` (a new snapshot version only when the lists change). */
function render(path, lists) {
  if (lists !== current) {
    current = lists
    globalThis[LIVE_SNAPSHOT] = { version: ++version, lists }
  }
  return app.render(new Request(new URL(path, 'http://rendu.invalid')))
}

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'))

async function preview({ lists, path }) {
  const response = await render(path, lists)
  const html = await response.text()
  // A preview's missing images go to its own folder, never into a release.
  await placeImages(encodedDir, { servedFrom: [clientDir, liveDir].filter(Boolean) })
  return { status: response.status, html }
}

async function release({ before, after, snapshotDir, liveDir: live, outDir }) {
  wanted.clear()
  const result = await writeIncrementalRelease({
    render,
    placeImages: (target) => placeImages(target, { copyFrom: [clientDir, encodedDir] }),
    before: readJson(before),
    after: readJson(after),
    snapshotDir,
    liveDir: live,
    clientDir,
    outDir,
  })
  current = null
  return { result }
}

// One job at a time: the snapshot is global while a page renders.
let queue = Promise.resolve()
process.on('message', (message) => {
  queue = queue.then(async () => {
    try {
      const answer = message.release
        ? await release(message.release)
        : message.searchIndex
          ? { result: await writeSearchIndex(message.searchIndex) }
          : await preview(message)
      process.send({ id: message.id, ...answer })
    } catch (error) {
      wanted.clear()
      process.send({ id: message.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) })
    }
  })
})
// The publisher went away (stopped, or killed): so does its renderer.
process.on('disconnect', () => process.exit(0))
process.send({ ready: true })
