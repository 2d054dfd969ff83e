// The incremental release: the next release of a site assembled from the live
// one in about a second, instead of a full static build. Runs in the renderer
// (renderer.mjs), with the site's server bundle loaded.
//
// 1. The page list (paths.ts) is asked for the live snapshot and for the new one.
// 2. `outDir` already holds the live release's files as hard links
//    (@cles/releases createReleaseFromCurrent): nothing of the live release is
//    ever written; a file that changes is unlinked first.
// 3. Pages that no longer exist are removed; pages whose key is unchanged are
//    kept; every other page is rendered again from the new snapshot.
// 4. What the static build writes after its pages is written the same way:
//    images and assets the new pages use, documents, sitemap, `_redirects`.
// The publisher then makes `outDir` a release (@cles/releases). Anything it
// cannot do exactly as the static build would throws: the publisher falls back
// to the full build. The search index (Pagefind) follows in a second release.
import {
  existsSync,
  linkSync,
  copyFileSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmdirSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs'
import { dirname, join, relative, sep } from 'node:path'
import { pathToFileURL } from 'node:url'
import { snapshotMedia, isEncodable } from '../src/images/mediaModule.ts'
import { REDIRECTS_FILE, writeRedirects } from '../src/integrations/redirects.ts'
import { searchIndexFiles } from '../src/searchIndex.ts'
import { PATHS_ROUTE } from './pathsRoute.mjs'

const SITEMAP_DEFAULTS = await import(sitemapModule('config-defaults.js')).then((m) => m.SITEMAP_CONFIG_DEFAULTS)
const { generateSitemap } = await import(sitemapModule('generate-sitemap.js'))
const { writeSitemap } = await import(sitemapModule('write-sitemap.js'))
/** The sitemap is written by @astrojs/sitemap's own code, as in the static build (integrations/sitemap.ts). */
function sitemapModule(file) {
  return pathToFileURL(join(dirname(new URL(import.meta.resolve('@astrojs/sitemap')).pathname), file)).href
}
const SITEMAP_FILE = new RegExp(`^${SITEMAP_DEFAULTS.filenameBase}-(\\d+|index)\\.xml$`)
const ASSET_REF = /\/_astro\/[^"'\s,?#)<>]+/g
const LOC = /<loc>([^<]+)<\/loc>/g

/**
 * Every change made to `outDir`, reported to @cles/releases: it hashes only
 * these files, every other one being the live release's own (same inode).
 * All writes below go through it.
 */
function changesOf(outDir) {
  const written = new Set()
  const removed = new Set()
  const removedDirs = new Set()
  const rel = (file) => relative(outDir, file).split(sep).join('/')
  const unlinked = (file) => {
    written.delete(rel(file))
    removed.add(rel(file))
  }
  return {
    unlinkIfThere(file) {
      try {
        unlinkSync(file)
        unlinked(file)
      } catch (error) {
        if (error.code !== 'ENOENT') throw error
      }
    },
    /** Writes a file as a new inode (the old one belongs to the live release too). */
    replaceFile(file, data) {
      this.unlinkIfThere(file)
      mkdirSync(dirname(file), { recursive: true })
      writeFileSync(file, data)
      this.wrote(file)
    },
    placeFile(source, target) {
      mkdirSync(dirname(target), { recursive: true })
      try {
        linkSync(source, target)
      } catch {
        copyFileSync(source, target)
      }
      this.wrote(target)
    },
    /** Removes a page's file and the folders it leaves empty. */
    removePage(file) {
      this.unlinkIfThere(join(outDir, file))
      for (let dir = dirname(join(outDir, file)); dir.startsWith(`${outDir}/`); dir = dirname(dir)) {
        if (readdirSync(dir).length) break
        rmdirSync(dir)
        removedDirs.add(rel(dir))
      }
    },
    wrote(file) {
      removed.delete(rel(file))
      written.add(rel(file))
    },
    report: () => ({ written: [...written], removed: [...removed], removedDirs: [...removedDirs] }),
  }
}

const unescapeXml = (text) =>
  text.replace(/&(amp|lt|gt|quot|apos);/g, (_, name) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[name])

/** URLs of the sitemap files of a release. */
function sitemapUrls(dir) {
  const urls = new Set()
  for (const name of readdirSync(dir).filter((n) => SITEMAP_FILE.test(n) && !n.endsWith('-index.xml'))) {
    for (const [, loc] of readFileSync(join(dir, name), 'utf8').matchAll(LOC)) urls.add(unescapeXml(loc))
  }
  return urls
}

/** Styles and scripts are named by their content: the live release must have every one of the bundle's, or its pages come from other code. */
function assertSameCode(clientDir, liveDir) {
  const assets = join(clientDir, '_astro')
  const code = existsSync(assets) ? readdirSync(assets).filter((name) => /\.(css|js)$/.test(name)) : []
  const missing = code.filter((name) => !existsSync(join(liveDir, '_astro', name)))
  if (missing.length) throw new Error(`le code du site a changé depuis la version en ligne (${missing.slice(0, 3).join(', ')})`)
}

/**
 * @param {object} options
 * @param {(path: string, lists: object) => Promise<Response>} options.render  one page of the bundle for a snapshot
 * @param {(outDir: string) => Promise<string[]>} options.placeImages  every image the rendered pages use, into outDir (the files it wrote)
 * @param {{ news: unknown[], pages: unknown[], resources: unknown[], categories: unknown[] }} options.before  lists of the live release
 * @param {object} options.after  the new snapshot (the whole file)
 * @param {string} options.snapshotDir  where the new snapshot's media are
 * @param {string} options.liveDir  the live release (resolved)
 * @param {string} options.clientDir  the bundle's browser files (`dist/client`)
 * @param {string} options.outDir  the staging folder, holding the live release's files as hard links
 */
export async function writeIncrementalRelease({ render, placeImages, before, after, snapshotDir, liveDir, clientDir, outDir }) {
  const phases = {}
  let mark = performance.now()
  /** Milliseconds of each phase, in the result (the publisher's log shows where the time goes). */
  const phase = (name) => {
    const now = performance.now()
    phases[name] = Math.round(now - mark)
    mark = now
  }
  assertSameCode(clientDir, liveDir)
  const changes = changesOf(outDir)
  const listsAfter = { news: after.news, pages: after.pages, resources: after.resources, categories: after.categories }
  const plan = async (lists) => {
    // trailingSlash: always, as every route of the sites.
    const response = await render(`${PATHS_ROUTE}/`, lists)
    if (response.status !== 200) throw new Error(`liste des pages indisponible (${response.status})`)
    return response.json()
  }
  const old = await plan(before)
  const next = await plan(listsAfter)
  const oldByPath = new Map(old.pages.map((page) => [page.path, page]))
  const newPaths = new Set(next.pages.map((page) => page.path))
  phase('plan')

  const oldAssets = new Set()
  const collectOld = (file) => {
    const text = existsSync(join(outDir, file)) ? readFileSync(join(outDir, file), 'utf8') : ''
    for (const [ref] of text.matchAll(ASSET_REF)) oldAssets.add(ref.slice(1))
  }
  let removed = 0
  for (const page of old.pages) {
    if (newPaths.has(page.path)) continue
    collectOld(page.file)
    changes.removePage(page.file)
    removed++
  }
  const newAssets = new Set()
  const rewritten = new Set()
  let kept = 0
  for (const page of next.pages) {
    const previous = oldByPath.get(page.path)
    if (page.key && previous?.key === page.key && previous.file === page.file && existsSync(join(outDir, page.file))) {
      kept++
      continue
    }
    const response = await render(page.path, listsAfter)
    const expected = page.file === '404.html' ? 404 : 200
    if (response.status !== expected) throw new Error(`${page.path} : réponse ${response.status} au lieu de ${expected}`)
    const body = Buffer.from(await response.arrayBuffer())
    collectOld(page.file)
    for (const [ref] of body.toString('utf8').matchAll(ASSET_REF)) newAssets.add(ref.slice(1))
    changes.replaceFile(join(outDir, page.file), body)
    rewritten.add(page.file)
  }

  phase('render')
  // Images the new pages use, then their other assets (styles, scripts, fonts) from the bundle.
  for (const file of await placeImages(outDir)) changes.wrote(file)
  for (const asset of newAssets) {
    if (existsSync(join(outDir, asset))) continue
    const source = join(clientDir, asset)
    if (!existsSync(source)) throw new Error(`fichier ${asset} introuvable (ni dans la version en ligne, ni dans le rendu)`)
    changes.placeFile(source, join(outDir, asset))
  }
  // Images only the old pages used go, as in a full build; a page kept as it was may still use them.
  const orphans = [...oldAssets].filter((asset) => !newAssets.has(asset) && existsSync(join(outDir, asset)))
  if (orphans.length) {
    const stillUsed = new Set()
    for (const page of next.pages) {
      if (rewritten.has(page.file)) continue
      for (const [ref] of readFileSync(join(outDir, page.file), 'utf8').matchAll(ASSET_REF)) stillUsed.add(ref.slice(1))
    }
    for (const asset of orphans) if (!stillUsed.has(asset)) changes.unlinkIfThere(join(outDir, asset))
  }

  // Documents (PDF) as postBuild.ts copies them: exactly the snapshot's.
  const documents = new Set(
    snapshotMedia(after)
      .filter((item) => !isEncodable(item))
      .map((item) => item.file),
  )
  for (const file of documents) {
    if (existsSync(join(outDir, file))) continue
    if (!existsSync(join(snapshotDir, file))) throw new Error(`média manquant dans l’instantané : ${file}`)
    changes.placeFile(join(snapshotDir, file), join(outDir, file))
  }
  const mediaDir = join(outDir, 'media')
  if (existsSync(mediaDir)) {
    for (const name of readdirSync(mediaDir))
      if (!documents.has(`media/${name}`) && statSync(join(mediaDir, name)).isFile()) changes.unlinkIfThere(join(mediaDir, name))
  }

  phase('files')
  // The sitemap: the site's own pages (sites/<slug>/src/pages) stay, the kit's are the new list's.
  const oldKitUrls = new Set(old.pages.map((page) => new URL(page.path, old.site).href))
  const urls = [...sitemapUrls(liveDir)].filter((url) => !oldKitUrls.has(url))
  urls.push(...next.pages.filter((page) => page.sitemap).map((page) => new URL(page.path, next.site).href))
  for (const name of readdirSync(outDir).filter((n) => SITEMAP_FILE.test(n))) changes.unlinkIfThere(join(outDir, name))
  await writeSitemap({
    filenameBase: SITEMAP_DEFAULTS.filenameBase,
    hostname: next.site,
    destinationDir: outDir,
    publicBasePath: '/',
    sourceData: generateSitemap([...new Set(urls)], next.site, {}),
    limit: SITEMAP_DEFAULTS.entryLimit,
    customSitemaps: [],
  })
  for (const name of readdirSync(outDir).filter((n) => SITEMAP_FILE.test(n))) changes.wrote(join(outDir, name))

  phase('sitemap')
  // Redirects last: a page that now exists wins over a redirect from its path (redirects.ts).
  changes.unlinkIfThere(join(outDir, REDIRECTS_FILE))
  const warnings = []
  await writeRedirects(outDir, after.redirects ?? [], (message) => warnings.push(message))
  if (existsSync(join(outDir, REDIRECTS_FILE))) changes.wrote(join(outDir, REDIRECTS_FILE))
  phase('redirects')
  return { stats: { rendered: rewritten.size, kept, removed, warnings, phases }, changes: changes.report() }
}

/**
 * The search index's follow-up, in a staging folder holding the live release:
 * the Pagefind index of its pages, as the static build writes it into
 * `pagefind/`, changing only the files that differ.
 */
export async function writeSearchIndex({ outDir }) {
  const { pages, files } = await searchIndexFiles(outDir)
  const changes = changesOf(outDir)
  const root = join(outDir, 'pagefind')
  const wanted = new Set()
  for (const { path, content } of files) {
    const file = join(root, path)
    wanted.add(file)
    const data = Buffer.from(content)
    if (existsSync(file) && readFileSync(file).equals(data)) continue
    changes.replaceFile(file, data)
  }
  const present = existsSync(root) ? readdirSync(root, { recursive: true, withFileTypes: true }) : []
  for (const entry of present) {
    const file = join(entry.parentPath, entry.name)
    if (entry.isFile() && !wanted.has(file)) changes.removePage(relative(outDir, file))
  }
  return { pages, changes: changes.report() }
}
