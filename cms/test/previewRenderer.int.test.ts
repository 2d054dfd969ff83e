// The publisher's preview renderer with a real server bundle of the CLES site
// (packages/site-kit/preview), built from the committed fixture snapshot: a
// draft with a title and an image no release has yet is rendered in the
// site's design, its image encoded and served, and nothing is written to the
// snapshots or the releases.
import type { SiteSnapshot, SnapshotArticle } from '@cles/content'
import { readSnapshot, routePath } from '@cles/content'
import { createHash } from 'node:crypto'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { previewDir } from '../src/lib/paths'
import { PreviewRenderer } from '../src/publish/previewRenderer'

const repoRoot = path.resolve(process.cwd(), '..')
const work = mkdtempSync(path.join(tmpdir(), 'cles-apercu-test-'))
const snapshotDir = path.join(work, 'snapshots')
const releasesRoot = path.join(work, 'releases')
let renderer: PreviewRenderer
let snapshot: SiteSnapshot
const listing = (dir: string) => (existsSync(dir) ? readdirSync(dir, { recursive: true }).map(String).sort() : [])

beforeAll(() => {
  process.env.CLES_SITE_WORK_DIR = path.join(work, 'sites')
  cpSync(path.join(repoRoot, 'packages/content/fixtures/basic'), snapshotDir, { recursive: true })
  mkdirSync(releasesRoot)
  snapshot = readSnapshot(snapshotDir, 'cles')
  renderer = new PreviewRenderer(repoRoot, snapshotDir, releasesRoot)
})

afterAll(() => {
  renderer?.stop()
  delete process.env.CLES_SITE_WORK_DIR
  rmSync(work, { recursive: true, force: true })
})

describe('PreviewRenderer', () => {
  it('renders a draft with a new image in the site’s design, serves the encoded image, writes no snapshot or release', async () => {
    // An image the CMS put in the preview's folder for this draft (content-addressed, as the exporter names it).
    const bytes = await sharp({ create: { width: 1400, height: 800, channels: 3, background: { r: 20, g: 120, b: 90 } } })
      .jpeg()
      .toBuffer()
    const file = `media/${createHash('sha256').update(bytes).digest('hex')}.jpg`
    mkdirSync(path.join(previewDir(), 'media'), { recursive: true })
    writeFileSync(path.join(previewDir(), file), bytes)
    const published = snapshot.news[0]!
    const draft: SnapshotArticle = {
      ...published,
      title: { ...published.title, fr: 'Titre du brouillon en aperçu' },
      hero: { ...published.hero!, file, width: 1400, height: 800 },
    }
    const before = { snapshots: listing(snapshotDir), releases: listing(releasesRoot) }

    const page = await renderer.render({
      site: 'cles',
      path: routePath('article', 'fr', { slug: draft.slug }),
      overlay: { kind: 'news', article: draft, categories: [] },
    })
    expect(page.status).toBe(200)
    expect(page.html).toContain('<h1')
    expect(page.html).toContain('Titre du brouillon en aperçu')
    expect(page.html).toContain('class="quick-exit"')
    // The hero: every source of its <picture> is a file the preview serves.
    const hero = /<picture[\s\S]*?<\/picture>/.exec(page.html.slice(page.html.indexOf('Titre du brouillon')))![0]
    const urls = [...hero.matchAll(/(?:src|srcset)="([^"]+)"/g)].flatMap((m) => m[1]!.split(',').map((part) => part.trim().split(' ')[0]!))
    expect(urls.length).toBeGreaterThan(0)
    for (const url of urls) expect(renderer.file('cles', url), url).not.toBeNull()

    // Files outside the site's folders are never served.
    expect(renderer.file('cles', '../../../../etc/passwd')).toBeNull()
    expect({ snapshots: listing(snapshotDir), releases: listing(releasesRoot) }).toEqual(before)
  }, 180_000)
})
