// The draft preview's renderer: a child process of the publisher that keeps
// one site's server bundle (build.mjs) loaded and renders pages on demand from
// a snapshot it is sent, in memory: nothing is written anywhere.
// Messages in:  { id, lists: { news, pages, resources, categories }, path }
// Messages out: { ready: true } once loaded; { id, status, html } or { id, error }.
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const [dist] = process.argv.slice(2)
const LIVE_SNAPSHOT = Symbol.for('cles.liveSnapshot') // owned by src/snapshotData.ts

// Image URLs exactly as the static build names them (Astro's addStaticImage,
// base `/`, assets `_astro`), so the preview shows the live release's files.
const astroDist = dirname(fileURLToPath(import.meta.resolve('astro')))
const { hashTransform, propsToFilename } = await import(pathToFileURL(join(astroDist, 'assets', 'utils', 'hash.js')).href)
globalThis.astroAsset ??= {}
globalThis.astroAsset.addStaticImage = (options, hashProperties) => {
  const src = typeof options.src === 'object' ? options.src.src : options.src
  return propsToFilename(src, options, hashTransform(options, '@cles/site-kit/image-service', hashProperties))
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
      process.send({ id, status: response.status, html: await response.text() })
    } catch (error) {
      process.send({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) })
    }
  })
})
process.send({ ready: true })
