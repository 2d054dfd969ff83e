// Incremental releases against the reference: the CLES site (its own project,
// with its local MDX page) is built in full from the committed fixture and made
// live; then a random sequence of publications, withdrawals (a syndicated copy
// among them), slug changes with their redirect and edits goes live through
// the publisher's quick path (incrementalRelease.ts: the warm renderer, only
// the touched pages, half of them in folders prepared in advance). At the end, after the search index's follow-up release,
// the live release must equal, file for file and byte for byte, a full
// `astro build` of the same snapshot.
import { routePath, snapshotFile, type SiteSnapshot, type SnapshotArticle } from '@cles/content'
import { createReleaseStore } from '@cles/releases'
import { spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { incrementalRelease, searchIndexRelease } from '../src/publish/incrementalRelease'
import { PreviewRenderer } from '../src/publish/previewRenderer'

const repoRoot = path.resolve(process.cwd(), '..')
const work = mkdtempSync(path.join(tmpdir(), 'cles-incremental-test-'))
const snapshotDir = path.join(work, 'snapshots')
const releases = createReleaseStore({ root: path.join(work, 'releases') })
let renderer: PreviewRenderer

/** A full static build of sites/cles from `snapshotDir` into `outDir` (Astro's API: the project's own dist/ is left alone). */
function fullBuild(outDir: string): void {
  const script = `import { build } from 'astro'; await build({ root: process.cwd(), outDir: ${JSON.stringify(outDir)}, cacheDir: ${JSON.stringify(
    path.join(work, 'astro-cache'),
  )}, logLevel: 'error' })`
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: path.join(repoRoot, 'sites', 'cles'),
    env: { ...process.env, CLES_SNAPSHOT_DIR: snapshotDir, ASTRO_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
  })
  if (result.status !== 0) throw new Error(`astro build : ${result.stderr}\n${result.stdout}`)
}

/** Every file of a folder, relative, with its bytes. */
function files(dir: string): Map<string, Buffer> {
  const all = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile())
  return new Map(
    all.map((entry) => [
      path.relative(dir, path.join(entry.parentPath, entry.name)),
      readFileSync(path.join(entry.parentPath, entry.name)),
    ]),
  )
}

/** A small deterministic random generator (the sequence is the same on every run, and printed on failure). */
function random(seed: number) {
  let state = seed
  return (n: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31
    return state % n
  }
}

beforeAll(() => {
  process.env.CLES_SITE_WORK_DIR = path.join(work, 'sites')
  cpSync(path.join(repoRoot, 'packages/content/fixtures/basic'), snapshotDir, { recursive: true })
  renderer = new PreviewRenderer(repoRoot, snapshotDir, path.join(work, 'releases'))
})

afterAll(() => {
  renderer?.stop()
  delete process.env.CLES_SITE_WORK_DIR
  rmSync(work, { recursive: true, force: true })
})

describe('incremental release', () => {
  it('after random publications, withdrawals, slug changes and edits, the live release equals a full build', async () => {
    // A partner's article CLES shows as a syndicated copy (canonical on the partner's site, not in CLES's sitemap).
    const partner = JSON.parse(readFileSync(snapshotFile(snapshotDir, 'maison-de-marthe'), 'utf8')) as SiteSnapshot
    const initial = JSON.parse(readFileSync(snapshotFile(snapshotDir, 'cles'), 'utf8')) as SiteSnapshot
    initial.news = [...initial.news, partner.news.find((article) => article.originSite === 'maison-de-marthe')!]
    writeFileSync(snapshotFile(snapshotDir, 'cles'), JSON.stringify(initial))
    fullBuild(path.join(work, 'initial'))
    await releases.createReleaseFrom('cles', path.join(work, 'initial'))
    const read = () => JSON.parse(readFileSync(snapshotFile(snapshotDir, 'cles'), 'utf8')) as SiteSnapshot
    const next = random(20261201)
    const steps: string[] = []
    let created = 0
    for (let step = 0; step < 10; step++) {
      const liveSnapshot = readFileSync(snapshotFile(snapshotDir, 'cles'))
      const snapshot = read()
      const own = snapshot.news.filter((article) => article.originSite === 'cles')
      const pick = <T>(list: T[]) => list[next(list.length)]!
      const kind =
        step < 4
          ? (['publish', 'unpublish', 'slug', 'syndicated'] as const)[step]!
          : pick(['publish', 'unpublish', 'slug', 'edit'] as const)
      if (kind === 'publish') {
        const model = pick(own)
        const slug = `nouvelle-${++created}-${next(1000)}`
        const article: SnapshotArticle = {
          ...model,
          id: String(1000 + created),
          slug,
          title: { fr: `Nouvelle publication ${created}` },
          canonicalUrl: new URL(routePath('article', 'fr', { slug }), snapshot.site.url).href,
          publishedAt: new Date(Date.UTC(2026, 10, 1 + created)).toISOString(),
        }
        snapshot.news = [article, ...snapshot.news]
      } else if (kind === 'unpublish') {
        // An article with an image first: its image files must go too.
        const withImage = own.filter((article) => article.hero)
        const gone = pick(withImage.length ? withImage : own)
        snapshot.news = snapshot.news.filter((article) => article.id !== gone.id)
      } else if (kind === 'syndicated') {
        const copy = snapshot.news.find((article) => article.originSite !== 'cles')
        if (copy) snapshot.news = snapshot.news.filter((article) => article !== copy)
      } else if (kind === 'slug') {
        const moved = pick(own)
        const slug = `${moved.slug}-${next(1000)}`
        const from = routePath('article', 'fr', { slug: moved.slug })
        Object.assign(moved, { slug, canonicalUrl: new URL(routePath('article', 'fr', { slug }), snapshot.site.url).href })
        snapshot.redirects = [...snapshot.redirects, { from, to: routePath('article', 'fr', { slug }) }]
      } else {
        const edited = pick(snapshot.news)
        edited.title = { ...edited.title, fr: `${edited.title.fr} (modifié)` }
      }
      steps.push(kind)
      writeFileSync(snapshotFile(snapshotDir, 'cles'), JSON.stringify(snapshot))
      // Every other release has its folders made in advance, as the publisher does when idle.
      if (step % 2) await releases.prepareNext('cles')
      const outcome = await incrementalRelease({ renderer, releases, repoRoot, snapshotDir, slug: 'cles', liveSnapshot })
      expect(outcome, `étape ${step} (${steps.join(', ')})`).toHaveProperty('release')
      if (!('release' in outcome)) return
      expect(outcome.release.created).toBe(true)
      expect(outcome.stats.rendered).toBeLessThan(outcome.release.files)
    }
    // The search index's follow-up release.
    const indexed = await searchIndexRelease({
      renderer,
      releases,
      repoRoot,
      snapshotDir,
      slug: 'cles',
      live: (await releases.currentRelease('cles'))!,
    })
    expect(indexed.release.created).toBe(true)
    await releases.pruneOld('cles')
    expect((await releases.listReleases('cles')).length).toBe(5)

    mkdirSync(path.join(work, 'reference'))
    fullBuild(path.join(work, 'reference'))
    const reference = files(path.join(work, 'reference'))
    const released = files(releases.currentPath('cles'))
    expect([...released.keys()].sort(), steps.join(', ')).toEqual([...reference.keys()].sort())
    const different = [...reference].filter(([file, bytes]) => !released.get(file)!.equals(bytes)).map(([file]) => file)
    expect(different, steps.join(', ')).toEqual([])
    // The release's content hash (computed from what each quick release said it changed) is the full build's.
    const same = await releases.createReleaseFrom('cles', path.join(work, 'reference'))
    expect(same.created, 'même empreinte que la version en ligne').toBe(false)
  }, 300_000)
})
