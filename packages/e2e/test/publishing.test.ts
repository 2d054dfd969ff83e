// Publishing without a terminal: the publisher process (as `npm start` runs it)
// puts what staff publish online as a new release, and takes away what they
// delete — the live release holds exactly the pages of the current content.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { RESERVED_SEGMENTS } from '@cles/content/routes'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { currentRelease, startPublisher, until as waitUntil, type PublisherProcess } from '../src/publisher.ts'
import { RestClient } from '../src/restClient.ts'

const cmsUrl = inject('cmsUrl')
const password = inject('password')
const dir = mkdtempSync(join(tmpdir(), 'cles-e2e-publish-'))
let publisher: PublisherProcess | undefined

const current = (site: string) => currentRelease(join(dir, 'releases'), site)
const live = (site: string, path: string) => existsSync(join(current(site), path, 'index.html'))
const until = (what: string, check: () => boolean | Promise<boolean>) => waitUntil(what, check, 120_000, () => publisher?.output() ?? '')

beforeAll(async () => {
  // The e2e CMS's own database and media (see cmsSetup.ts), a snapshot and release folder of this test's own.
  publisher = await startPublisher(inject('cmsEnv'), dir)
})

afterAll(async () => {
  await publisher?.stop()
  rmSync(dir, { recursive: true, force: true })
})

describe('publishing reaches the sites by itself', () => {
  it('a news item CLES communication publishes goes online on the CLES site', async () => {
    const comms = await RestClient.login(cmsUrl, 'comms@cles.example', password)
    const created = await comms.request('POST', '/news', {
      title: 'Publié sans terminal',
      excerpt: 'Mis en ligne par le processus de publication.',
      _status: 'published',
    })
    expect(created.status).toBe(201)
    const slug = (created.json.doc as { slug: string }).slug
    await until('l’article est en ligne', () => live('cles', `actualites/${slug}`))
    expect(readFileSync(join(current('cles'), 'index.html'), 'utf8')).toContain('Publié sans terminal')
    const admin = await RestClient.login(cmsUrl, 'admin@cles.example', password)
    const { json } = await admin.request('GET', '/publications?where[state][equals]=live&sort=-finishedAt&limit=1&depth=1')
    const last = (json.docs as { site: { slug: string }; release: string; summary: string }[])[0]
    expect(last?.site.slug).toBe('cles')
    expect(last?.summary).toContain('Publié sans terminal')
    expect(last?.release).toMatch(/^\d{8}T\d{6}Z-/)
  })

  it('deleted pages are gone from the live site, which holds exactly the current pages', async () => {
    const editor = await RestClient.login(cmsUrl, 'admin@calacs-outaouais.example', password)
    const { json } = await editor.request(
      'GET',
      '/pages?where[site.slug][equals]=calacs-outaouais&where[_status][equals]=published&sort=-path&depth=0&limit=100',
    )
    const pages = json.docs as { id: number; path: string }[]
    // Children first (sorted by path, deepest last → reversed), so each delete is allowed.
    const victim = pages.find((p) => p.path.split('/').length > 3) ?? pages[0]!
    const deleted = await editor.request('DELETE', `/pages/${victim.id}`)
    expect(deleted.status).toBe(200)
    await until(
      'la page supprimée disparaît du site en ligne',
      () => existsSync(current('calacs-outaouais')) && !live('calacs-outaouais', victim.path.slice(1, -1)),
    )
    const snapshot = JSON.parse(readFileSync(join(dir, 'snapshots', 'calacs-outaouais.json'), 'utf8')) as { pages: { path: string }[] }
    expect(snapshot.pages.map((p) => p.path)).not.toContain(victim.path)
    for (const page of snapshot.pages) expect(live('calacs-outaouais', page.path.slice(1, -1)), page.path).toBe(true)
    // Nothing else at the top level than the kit's folders, the site's own pages and the CMS pages.
    const cmsTop = new Set(snapshot.pages.map((p) => p.path.split('/')[1]))
    const unexpected = readdirSync(current('calacs-outaouais'), { withFileTypes: true })
      .filter((d) => d.isDirectory() && !cmsTop.has(d.name))
      .map((d) => d.name)
      // The kit's routes and build folders (the contract's route table) and the site's own MDX page.
      .filter((name) => !RESERVED_SEGMENTS.has(name) && name !== 'a-propos')
    expect(unexpected).toEqual([])
  })
})
