// The draft preview's renderer: a child process of the publisher that keeps
// one site's server bundle (build.mjs) loaded and renders pages on demand from
// a snapshot it is sent, in memory.
// usage (forked): renderer.mjs <bundle dir> <folder for the images it encodes> <live release folder>
// Messages in:  { id, lists: { news, pages, resources, categories }, path }
// Messages out: { ready: true } once loaded; { id, status, html } or { id, error }.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { imageConfig } from '../src/integrations/images.ts'
import service from '../src/images/service.ts'

const [dist, encodedDir, liveDir] = process.argv.slice(2)
const LIVE_SNAPSHOT = Symbol.for('cles.liveSnapshot') // owned by src/snapshotData.ts

// Image URLs exactly as the static build names them (Astro's addStaticImage,
// base `/`, assets `_astro`), so the preview shows the live release's files;
// an image the live release does not have yet (a draft's new image) is
// encoded here, as the static build would, before the page is answered.
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
async function encodeMissing() {
  const roots = [join(dist, 'client'), liveDir, encodedDir].filter(Boolean)
  for (const [file, { options, originalFSPath }] of wanted) {
    if (roots.some((root) => existsSync(join(root, file))) || !originalFSPath || !existsSync(originalFSPath)) continue
    const { data } = await service.transform(readFileSync(originalFSPath), options, config)
    const target = join(encodedDir, file)
    mkdirSync(dirname(target), { recursive: true })
    writeFileSync(`${target}.${process.pid}.tmp`, data)
    renameSync(`${target}.${process.pid}.tmp`, target)
  }
  wanted.clear()
}

const { app } = await import(pathToFileURL(join(dist, 'server', 'preview-entry.mjs')).href)
let version = 0
let queue = Promise.resolve()

// One page at a time: the snapshot is global while a page renders.
process.on('message', ({ id, lists, path }) => {
  queue = queue.then(async () => {
    try {
      globalThis[LIVE_SNAPSHOT] = { version: ++version, lists }
      const response = await app.render(new Request(new URL(path, 'http://apercu.invalid')))
      const html = await response.text()
      await encodeMissing()
      process.send({ id, status: response.status, html })
    } catch (error) {
      process.send({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) })
    }
  })
})
// The publisher went away (stopped, or killed): so does its renderer.
process.on('disconnect', () => process.exit(0))
process.send({ ready: true })
