import { spawnSync } from 'node:child_process'
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { serveStatic } from '@cles/static-server'
import { createReleaseStore, isReleaseId, type ReleaseStore } from '../src/index.mjs'

const moduleUrl = pathToFileURL(join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'index.mjs')).href

let root: string
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'cles-releases-'))
})
afterEach(() => {
  rmSync(root, { recursive: true, force: true })
})

/** Writes a build output folder (replacing any previous one) and returns its path. */
function writeBuild(files: Record<string, string>, dir = join(root, 'dist')) {
  rmSync(dir, { recursive: true, force: true })
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), content)
  }
  return dir
}

/** A small site whose every file names the build it comes from. */
const site = (name: string, extra: Record<string, string> = {}) => ({
  'index.html': `<h1>Accueil</h1>R=${name};`,
  '404.html': `<h1>Page introuvable</h1>R=${name};`,
  'actualites/index.html': `<h1>Actualités</h1>R=${name};`,
  '_astro/style.css': `body{}/*R=${name};*/`,
  ...extra,
})

/** Every file of a folder as path → content. */
function tree(dir: string, rel = ''): Record<string, string> {
  const out: Record<string, string> = {}
  for (const entry of readdirSync(join(dir, rel), { withFileTypes: true })) {
    const path = rel ? `${rel}/${entry.name}` : entry.name
    if (entry.isDirectory()) Object.assign(out, tree(dir, path))
    else out[path] = readFileSync(join(dir, path), 'utf8')
  }
  return out
}

/** Names in the site's release folder (releases, `current`, leftovers, lock). */
const entries = (store: ReleaseStore, slug = 'cles') => readdirSync(store.siteDir(slug)).sort()

describe('createReleaseFrom', () => {
  it('publishes a build as a new release, hard-linked, and points current at it', async () => {
    const store = createReleaseStore({ root })
    const dist = writeBuild(site('un'))
    const result = await store.createReleaseFrom('cles', dist)

    expect(result.created).toBe(true)
    expect(isReleaseId(result.id)).toBe(true)
    expect(result.id).toMatch(/^\d{8}T\d{6}Z-[0-9a-f]{10}$/)
    expect(result).toMatchObject({ previous: null, files: 4, linked: 4, copied: 0, pruned: [] })
    expect(result.dir).toBe(join(root, '.releases', 'cles', result.id))
    // `current` is a relative symlink to the release, and the release is exactly the build.
    expect(readlinkSync(store.currentPath('cles'))).toBe(result.id)
    expect(tree(store.currentPath('cles'))).toEqual(tree(dist))
    expect(statSync(join(result.dir, 'index.html')).ino).toBe(statSync(join(dist, 'index.html')).ino)
    expect(await store.currentRelease('cles')).toBe(result.id)
    expect(await store.listReleases('cles')).toEqual([{ id: result.id, dir: result.dir, createdAt: expect.any(Date), current: true }])
    expect(entries(store)).toEqual([result.id, 'current']) // no lock, no staging left behind
  })

  it('copies instead of linking when hard links are off (or refused by the filesystem)', async () => {
    const store = createReleaseStore({ root, hardLinks: false })
    const dist = writeBuild(site('copie'))
    const result = await store.createReleaseFrom('cles', dist)
    expect(result).toMatchObject({ created: true, linked: 0, copied: 4 })
    expect(statSync(join(result.dir, 'index.html')).ino).not.toBe(statSync(join(dist, 'index.html')).ino)
    expect(tree(result.dir)).toEqual(tree(dist))
  })

  it('publishes nothing when the build equals the release online', async () => {
    const store = createReleaseStore({ root })
    const first = await store.createReleaseFrom('cles', writeBuild(site('même')))
    const again = await store.createReleaseFrom('cles', writeBuild(site('même'))) // a fresh build, same bytes
    expect(again).toMatchObject({ created: false, id: first.id, previous: first.id })
    expect((await store.listReleases('cles')).map((r) => r.id)).toEqual([first.id])
  })

  it('never writes into an existing release: later builds leave earlier releases byte for byte', async () => {
    const store = createReleaseStore({ root })
    const first = await store.createReleaseFrom('cles', writeBuild(site('un')))
    const before = tree(first.dir)
    const inode = statSync(join(first.dir, 'index.html')).ino
    // The next build replaces dist/ (Astro empties it, turbo restores into it) …
    const second = await store.createReleaseFrom('cles', writeBuild(site('deux', { 'nouveau.html': 'R=deux;' })))
    // … the same second: the new id still sorts after the first one.
    expect(second.id > first.id).toBe(true)
    expect(second.previous).toBe(first.id)
    expect(tree(first.dir)).toEqual(before)
    expect(statSync(join(first.dir, 'index.html')).ino).toBe(inode)
    expect(readlinkSync(store.currentPath('cles'))).toBe(second.id)
  })

  it('a page deleted in the CMS is gone from the next release, even when turbo restores a cached build over a newer dist/', async () => {
    const store = createReleaseStore({ root })
    const server = await serve(store)
    try {
      // Build 1 has three pages that are then deleted in the CMS.
      const newer = site('récent', { 'page-a/index.html': 'A', 'page-b/index.html': 'B', 'actualites/article-x/index.html': 'X' })
      await store.createReleaseFrom('cles', writeBuild(newer))
      for (const path of ['/page-a/', '/page-b/', '/actualites/article-x/']) expect((await fetch(server.url + path)).status).toBe(200)

      // The rebuilt content equals an earlier build, which turbo has in its cache (a plain folder here).
      const cached = writeBuild(site('ancien'), join(root, 'turbo-cache'))

      // What turbo does on a cache hit: copy its files over dist/ without deleting the others.
      const dist = writeBuild(newer)
      cpSync(cached, dist, { recursive: true, force: true })
      expect(existsSync(join(dist, 'page-a/index.html'))).toBe(true) // the bug of issue 8: stale pages survive

      // The rebuild empties dist/ before turbo runs, so the restore lands in an empty folder.
      rmSync(dist, { recursive: true, force: true })
      cpSync(cached, dist, { recursive: true })
      const release = await store.createReleaseFrom('cles', dist)

      expect(tree(release.dir)).toEqual(tree(cached))
      for (const path of ['/page-a/', '/page-b/', '/actualites/article-x/']) {
        const response = await fetch(server.url + path)
        expect(response.status, path).toBe(404)
        expect(await response.text()).toContain('R=ancien;')
      }
    } finally {
      await server.close()
    }
  })

  it('keeps the last 5 releases by default and deletes older ones', async () => {
    const store = createReleaseStore({ root })
    const ids: string[] = []
    for (let i = 1; i <= 7; i++) {
      const result = await store.createReleaseFrom('cles', writeBuild(site(`n${i}`)))
      ids.push(result.id)
      if (i === 6) expect(result.pruned).toEqual([ids[0]])
    }
    const kept = (await store.listReleases('cles')).map((r) => r.id)
    expect(kept).toEqual(ids.slice(2).reverse())
    expect(entries(store)).toEqual([...ids.slice(2), 'current'])
    expect(readlinkSync(store.currentPath('cles'))).toBe(ids[6])
  })

  it('honours another number of releases to keep (at least 2)', async () => {
    expect(() => createReleaseStore({ root, keep: 1 })).toThrow(/≥ 2/)
    const store = createReleaseStore({ root, keep: 2 })
    const ids: string[] = []
    for (let i = 1; i <= 4; i++) ids.push((await store.createReleaseFrom('cles', writeBuild(site(`k${i}`)))).id)
    expect((await store.listReleases('cles')).map((r) => r.id)).toEqual([ids[3], ids[2]])
  })

  it('refuses a build without index.html or 404.html, before writing anything', async () => {
    const store = createReleaseStore({ root })
    const good = await store.createReleaseFrom('cles', writeBuild(site('bon')))
    const { ['404.html']: _, ...without404 } = site('sans-404')
    await expect(store.createReleaseFrom('cles', writeBuild(without404))).rejects.toMatchObject({
      code: 'EINVALID',
      message: expect.stringMatching(/404\.html absent/),
    })
    await expect(store.createReleaseFrom('cles', writeBuild({ ...site('vide'), 'index.html': '' }))).rejects.toMatchObject({
      code: 'EINVALID',
    })
    await expect(store.createReleaseFrom('cles', join(root, 'nulle-part'))).rejects.toMatchObject({ code: 'ENOSOURCE' })
    expect(readlinkSync(store.currentPath('cles'))).toBe(good.id)
    expect(entries(store)).toEqual([good.id, 'current'])
  })

  it('refuses a build holding a symlink or special file, before writing anything', async () => {
    const store = createReleaseStore({ root })
    const good = await store.createReleaseFrom('cles', writeBuild(site('bon')))
    const dist = writeBuild(site('lien'))
    symlinkSync('/etc/hostname', join(dist, 'zz-lien'))
    await expect(store.createReleaseFrom('cles', dist)).rejects.toMatchObject({ code: 'EUNSUPPORTED' })
    expect(readlinkSync(store.currentPath('cles'))).toBe(good.id)
    expect(entries(store)).toEqual([good.id, 'current'])
  })

  it('a copy that fails midway leaves current unchanged and no half-written folder', async () => {
    const store = createReleaseStore({ root })
    const good = await store.createReleaseFrom('cles', writeBuild(site('bon')))
    // A file whose path fits under dist/ but not under the (longer) staging folder:
    // its link fails with ENAMETOOLONG once the other files are already in place.
    const dist = writeBuild(site('long'))
    const staging = join(store.siteDir('cles'), `.staging-${process.pid}-00000000`)
    const name = 'f'.repeat(200)
    const deep = 4095 - staging.length - name.length + 2 // the link target is just over PATH_MAX - 1
    const dirs = Array.from({ length: Math.ceil(deep / 200) }, (_, i) => 'd'.repeat(Math.min(199, deep - i * 200 - 1))).filter(
      (d) => d.length > 0,
    )
    const rel = [...dirs, name].join('/')
    expect(join(dist, rel).length).toBeLessThan(4096)
    expect(join(staging, rel).length).toBeGreaterThan(4095)
    expect(join(staging, ...dirs).length).toBeLessThan(4096) // its folders can be made: the file is what fails
    mkdirSync(join(dist, ...dirs), { recursive: true })
    writeFileSync(join(dist, rel), 'R=long;')
    await expect(store.createReleaseFrom('cles', dist)).rejects.toMatchObject({
      code: 'ECOPY',
      message: expect.stringMatching(/ENAMETOOLONG.*n’a pas changé/),
    })
    expect(readlinkSync(store.currentPath('cles'))).toBe(good.id)
    expect(entries(store)).toEqual([good.id, 'current'])
  })

  it('a release refused by the validation hook leaves current unchanged', async () => {
    const seen: string[] = []
    const store = createReleaseStore({
      root,
      validate: (dir) => {
        seen.push(dir)
        if (readFileSync(join(dir, 'index.html'), 'utf8').includes('R=refusé;')) throw new Error('lien interne cassé')
      },
    })
    const good = await store.createReleaseFrom('cles', writeBuild(site('bon')))
    await expect(store.createReleaseFrom('cles', writeBuild(site('refusé')))).rejects.toMatchObject({
      code: 'EINVALID',
      message: expect.stringMatching(/lien interne cassé/),
    })
    // The hook saw the assembled release (a staging folder), never the build folder.
    expect(seen.every((dir) => dir.startsWith(store.siteDir('cles')))).toBe(true)
    expect(readlinkSync(store.currentPath('cles'))).toBe(good.id)
    expect(entries(store)).toEqual([good.id, 'current'])
  })

  it('a releases folder that cannot be written leaves current unchanged', async () => {
    const store = createReleaseStore({ root })
    const good = await store.createReleaseFrom('cles', writeBuild(site('bon')))
    const dist = writeBuild(site('nouveau'))
    const siteDir = store.siteDir('cles')
    chmodSync(siteDir, 0o555)
    try {
      let code: string | undefined
      if (process.getuid?.() === 0) {
        // root ignores permissions: publish from a child process running as `nobody`.
        chmodSync(root, 0o755)
        const script = `import { createReleaseStore } from ${JSON.stringify(moduleUrl)}
          try { await createReleaseStore({ root: ${JSON.stringify(root)} }).createReleaseFrom('cles', ${JSON.stringify(dist)}); console.log('ok') }
          catch (error) { console.log(error.code) }`
        const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { uid: 65534, gid: 65534, encoding: 'utf8' })
        expect(child.stderr).toBe('')
        code = child.stdout.trim()
      } else {
        code = await store.createReleaseFrom('cles', dist).then(
          () => 'ok',
          (error) => error.code,
        )
      }
      expect(code).toBe('ELOCK')
    } finally {
      chmodSync(siteDir, 0o755)
    }
    expect(readlinkSync(store.currentPath('cles'))).toBe(good.id)
    expect(entries(store)).toEqual([good.id, 'current'])
  })

  it('serialises two publications of the same site and cleans what an interrupted run left', async () => {
    const store = createReleaseStore({ root })
    await store.createReleaseFrom('cles', writeBuild(site('zéro')))
    mkdirSync(join(store.siteDir('cles'), '.staging-99999-dead'))
    writeFileSync(join(store.siteDir('cles'), '.staging-99999-dead', 'index.html'), 'à moitié')
    const [a, b] = await Promise.all([
      store.createReleaseFrom('cles', writeBuild(site('a'), join(root, 'dist-a'))),
      store.createReleaseFrom('cles', writeBuild(site('b'), join(root, 'dist-b'))),
    ])
    expect(a.id).not.toBe(b.id)
    const ids = (await store.listReleases('cles')).map((r) => r.id)
    expect(ids).toHaveLength(3)
    expect(readlinkSync(store.currentPath('cles'))).toBe(ids[0])
    expect(entries(store).filter((name) => name.startsWith('.'))).toEqual([])
  })

  it('refuses site names that could leave the releases folder', async () => {
    const store = createReleaseStore({ root })
    expect(() => store.currentPath('../cles')).toThrow(/invalide/)
    await expect(store.createReleaseFrom('../x', writeBuild(site('x')))).rejects.toMatchObject({ code: 'EBADSLUG' })
  })
})

describe('rollback', () => {
  it('goes back one release at a time, or to a named one, without touching any release', async () => {
    const store = createReleaseStore({ root })
    const ids: string[] = []
    for (const name of ['un', 'deux', 'trois']) ids.push((await store.createReleaseFrom('cles', writeBuild(site(name)))).id)
    const before = Object.fromEntries(ids.map((id) => [id, tree(join(store.siteDir('cles'), id))]))

    expect(await store.rollback('cles')).toEqual({ from: ids[2], to: ids[1], changed: true })
    expect(tree(store.currentPath('cles'))['index.html']).toContain('R=deux;')
    expect(await store.rollback('cles')).toEqual({ from: ids[1], to: ids[0], changed: true })
    await expect(store.rollback('cles')).rejects.toMatchObject({ code: 'ENOPREVIOUS' })
    expect(await store.rollback('cles', ids[2])).toEqual({ from: ids[0], to: ids[2], changed: true })
    expect(await store.rollback('cles', ids[2])).toEqual({ from: ids[2], to: ids[2], changed: false })
    await expect(store.rollback('cles', '20000101T000000Z-0000000000')).rejects.toMatchObject({ code: 'ENOTFOUND' })
    await expect(store.rollback('cles', '../../etc')).rejects.toMatchObject({ code: 'ENOTFOUND' })
    await expect(store.rollback('calacs-outaouais')).rejects.toMatchObject({ code: 'ENORELEASE' })

    expect(Object.fromEntries(ids.map((id) => [id, tree(join(store.siteDir('cles'), id))]))).toEqual(before)
    const list = await store.listReleases('cles')
    expect(list.map((r) => [r.id, r.current])).toEqual([
      [ids[2], true],
      [ids[1], false],
      [ids[0], false],
    ])
  })

  it('refuses to switch to a release that has become invalid', async () => {
    const store = createReleaseStore({ root })
    const first = await store.createReleaseFrom('cles', writeBuild(site('un')))
    const second = await store.createReleaseFrom('cles', writeBuild(site('deux')))
    rmSync(join(first.dir, '404.html'))
    await expect(store.rollback('cles')).rejects.toMatchObject({ code: 'EINVALID' })
    expect(readlinkSync(store.currentPath('cles'))).toBe(second.id)
  })

  it('a new release after a rollback becomes current; the release it replaced survives one pruning', async () => {
    const store = createReleaseStore({ root, keep: 3 })
    const ids: string[] = []
    for (const name of ['r1', 'r2', 'r3']) ids.push((await store.createReleaseFrom('cles', writeBuild(site(name)))).id)
    await store.rollback('cles', ids[0])
    const r4 = await store.createReleaseFrom('cles', writeBuild(site('r4')))
    expect(r4.previous).toBe(ids[0])
    expect(r4.pruned).toEqual([]) // r1 was online a moment ago: kept although beyond the newest 3
    expect((await store.listReleases('cles')).map((r) => r.id)).toEqual([r4.id, ids[2], ids[1], ids[0]])
    const r5 = await store.createReleaseFrom('cles', writeBuild(site('r5')))
    expect(r5.pruned).toEqual([ids[1], ids[0]])
    expect((await store.listReleases('cles')).map((r) => r.id)).toEqual([r5.id, r4.id, ids[2]])
  })
})

/** Serves the site's `current` link on a free port. */
async function serve(store: ReleaseStore, slug = 'cles') {
  const server: Server = await serveStatic({ dir: store.currentPath(slug), port: 0 })
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((r) => server.close(r)),
  }
}

describe('switching while readers read', () => {
  it('every response comes wholly from one release, through releases, rollbacks and pruning', async () => {
    const store = createReleaseStore({ root, keep: 3 })
    const names = ['aa', 'bb', 'cc', 'dd', 'ee', 'ff', 'gg', 'hh']
    // ~200 kB, read in many chunks; a different length per release, so a Content-Length from one
    // release and a body from another cannot go unnoticed.
    const big = (name: string) => `<main>${`R=${name};`.repeat(40_000 + names.indexOf(name) * 1000)}</main>`
    const build = (name: string) => site(name, { 'grand.html': big(name), [`seulement-${name}.html`]: `R=${name};` })
    for (const name of names.slice(0, 2)) await store.createReleaseFrom('cles', writeBuild(build(name)))
    const server = await serve(store)

    let switching = true
    const problems: string[] = []
    const seen = new Set<string>()
    let requests = 0
    const reader = async () => {
      while (switching) {
        const only = names[Math.floor(Math.random() * names.length)]!
        const [path, file, status] = [
          ['/', 'index.html', 200],
          ['/grand', 'grand.html', 200],
          ['/actualites/', 'actualites/index.html', 200],
          ['/nulle-part', '404.html', 404],
          [`/seulement-${only}`, `seulement-${only}.html`, 200],
        ][Math.floor(Math.random() * 5)] as [string, string, number]
        try {
          const response = await fetch(server.url + path)
          const body = await response.text()
          requests++
          // The first marker names the release; the whole answer must then be that release's file.
          const from = /R=(\w+);/.exec(body)?.[1]
          const files = from === undefined ? undefined : (build(from) as Record<string, string>)
          if (!from || !files) {
            problems.push(`${path}: ${response.status} without a release marker`)
            continue
          }
          seen.add(from)
          const [wantStatus, wantBody] = file in files ? [status, files[file]] : [404, files['404.html']]
          if (response.status !== wantStatus || body !== wantBody)
            problems.push(`${path}: ${response.status}, ${body.length} bytes, not release ${from}'s answer`)
        } catch (error) {
          problems.push(`${path}: ${(error as Error).message}`)
        }
      }
    }
    const readers = Array.from({ length: 8 }, reader)

    const pause = () => new Promise((r) => setTimeout(r, 40))
    let switches = 0
    try {
      for (const name of names.slice(2)) {
        await pause()
        await store.createReleaseFrom('cles', writeBuild(build(name)))
        switches++
        await pause()
        await store.rollback('cles')
        switches++
        await pause()
        const list = await store.listReleases('cles')
        await store.rollback('cles', list[0]!.id)
        switches++
      }
      // Then as fast as the lock allows, between the releases still kept.
      const kept = (await store.listReleases('cles')).map((r) => r.id)
      for (let i = 0; i < 150; i++) {
        await store.rollback('cles', kept[i % kept.length])
        switches++
        await new Promise((r) => setImmediate(r))
      }
      await pause()
    } finally {
      switching = false
      await Promise.all(readers)
      await server.close()
    }

    expect(problems).toEqual([])
    expect(switches).toBe(168)
    expect(requests).toBeGreaterThan(200)
    expect(seen.size).toBeGreaterThanOrEqual(5) // the readers did see the switches
    expect((await store.listReleases('cles')).length).toBe(3)
  }, 120_000)
})
