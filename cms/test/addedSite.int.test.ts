// Adding an organisation without a developer: a network admin creates a sixth
// site through the REST API (name, slug, domain, brand, help lines) and its
// staff; they publish; the publisher builds it with the site kit's generic
// project (no sites/<slug>/ folder, no install, no registration) and puts it
// online as a release. The release passes the reader-site checks the five
// sites pass (a complete build, the production security headers, nothing
// loaded from another origin, no inline script or style), and in the CMS the
// new site is as isolated as the others: the whole access matrix runs with it
// as the staff's own site, and the five sites' staff cannot touch its documents.
import { securityHeadersFor, serveStatic } from '@cles/static-server'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Publisher } from '../src/publish/publisher'
import { siteBuildCommand } from '../src/publish/siteBuild'
import { seed } from '../src/seed'
import { restClient } from './helpers/rest'
import { startTempCms, type TempCms } from './helpers/tempCms'
import { attempt, OPERATIONS, prepareFixtures, StoredStateError } from './matrix/localDriver'
import { cells, SCOPE_SITES } from './matrix/table'

const SLUG = 'maison-sixieme'
const PASSWORD = 'added-site-password-1'
const repoRoot = path.resolve(import.meta.dirname, '../..')
const staff = {
  siteAdmin: `admin@${SLUG}.example`,
  siteEditor: `editor@${SLUG}.example`,
  contributor: `contributor@${SLUG}.example`,
}

let cms: TempCms
let rest: ReturnType<typeof restClient>['rest']
let work: string
let siteId: number
let server: Server
let origin = ''
let liveDir = ''
const admin = { email: 'admin@cles.example' }

beforeAll(async () => {
  cms = await startTempCms()
  await seed(cms.payload, { password: PASSWORD })
  rest = restClient(cms.payload, PASSWORD).rest
  work = mkdtempSync(path.join(tmpdir(), 'cles-added-site-'))
  // Generic builds in this test's own folder; kicks go nowhere (the test drains the queue itself).
  process.env.CLES_SITE_WORK_DIR = path.join(work, 'builds')
  process.env.CLES_PUBLISHER_URL = 'http://127.0.0.1:9'
})

afterAll(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)))
  await cms?.close()
  if (work) rmSync(work, { recursive: true, force: true })
})

async function ok(answer: Promise<{ status: number; body: Record<string, unknown> }>, status = 201) {
  const { status: got, body } = await answer
  expect(got, JSON.stringify(body).slice(0, 500)).toBe(status)
  return body.doc as Record<string, unknown> & { id: number }
}

/** Every URL a page or stylesheet makes the browser load, resolved against the page. */
function loadedUrls(html: string, base: URL): string[] {
  const urls: string[] = []
  const attr = (tag: string, name: string) => new RegExp(`\\b${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag)
  for (const [tag, name] of html.matchAll(/<(script|link|img|source|iframe|embed|object|audio|video|track|input|form)\b[^>]*>/gi)) {
    const lower = name!.toLowerCase()
    if (lower === 'link') {
      const rel = attr(tag, 'rel')?.[0] ?? ''
      // canonical, alternate (hreflang, RSS) are addresses, not loads.
      if (/canonical|alternate/i.test(rel)) continue
    }
    for (const key of ['src', 'href', 'data', 'poster', 'action']) {
      const m = attr(tag, key)
      if (m) urls.push(m[2] ?? m[3] ?? m[4]!)
    }
    const srcset = attr(tag, 'srcset')
    if (srcset) for (const part of (srcset[2] ?? srcset[3] ?? srcset[4]!).split(',')) urls.push(part.trim().split(/\s+/)[0]!)
  }
  for (const [, url] of html.matchAll(/url\(\s*['"]?([^'")]+)/g)) urls.push(url!)
  return urls.filter(Boolean).map((url) => new URL(url.replaceAll('&amp;', '&'), base).href)
}

const filesUnder = (dir: string, ext: string) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith(ext))
    .sort()

describe('a sixth site added in the CMS', { timeout: 600_000 }, () => {
  it('is created through the REST API by a network admin, with its staff, and nobody else may create one', async () => {
    const site = await ok(
      rest('POST', '/sites', {
        user: admin,
        body: {
          name: 'Maison Sixième',
          slug: SLUG,
          domain: `${SLUG}.example`,
          languages: ['fr', 'en'],
          tagline: 'Accueil et accompagnement (site d’essai)',
          exitUrl: 'https://meteo.gc.ca/',
          brand: { primary: '#2d4a7a', accent: '#8a1f4f', background: '#ffffff', text: '#1d1d1f' },
          helpLines: [{ label: 'Ligne d’écoute de la Maison', phone: '1 800 555-0199', hours: '24 h sur 24' }],
          contact: { email: 'info@maison-sixieme.example' },
        },
      }),
    )
    siteId = site.id
    expect(site.slug).toBe(SLUG)
    // A partner's site admin cannot add an organisation (the matrix covers the rest of `sites`).
    const refused = await rest('POST', '/sites', {
      user: { email: 'admin@maison-de-marthe.example' },
      body: { name: 'Intruse', slug: 'intruse', domain: 'intruse.example' },
    })
    expect(refused.status).toBe(403)
    expect(JSON.stringify(refused.body)).toMatch(/[Vv]ous n.êtes pas autorisé|pas autorisé/)
    const roles = { siteAdmin: 'site-admin', siteEditor: 'site-editor', contributor: 'contributor' } as const
    for (const [actor, email] of Object.entries(staff)) {
      await ok(
        rest('POST', '/users', {
          user: admin,
          body: { email, password: PASSWORD, name: actor, memberships: [{ site: siteId, role: roles[actor as keyof typeof roles] }] },
        }),
      )
    }
  })

  it('its staff publish a news item with an image, a page and a help resource', async () => {
    const editor = { email: staff.siteEditor }
    const png = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#2d4a7a' } })
      .png()
      .toBuffer()
    const form = new FormData()
    form.append('_payload', JSON.stringify({ alt: 'La maison au printemps', site: siteId }))
    form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'maison.png')
    const image = await ok(rest('POST', '/media', { user: editor, body: form }))
    await ok(
      rest('POST', '/news', {
        user: editor,
        body: {
          title: 'La Maison Sixième ouvre ses portes',
          excerpt: 'Un nouvel organisme rejoint le réseau.',
          originSite: siteId,
          hero: image.id,
          _status: 'published',
        },
      }),
    )
    await ok(
      rest('POST', '/pages', {
        user: editor,
        body: { title: 'Nos services', slug: 'nos-services', site: siteId, _status: 'published' },
      }),
    )
    await ok(
      rest('POST', '/resources', {
        user: admin,
        body: {
          name: 'Ligne d’écoute de la Maison',
          category: 'help-line',
          phone: '1 800 555-0199',
          regions: ['quebec'],
          sites: [siteId],
          reviewBy: '2027-06-01T00:00:00.000Z',
        },
      }),
    )
  })

  it('needs no sites/<slug>/ project: the site kit’s generic project builds it', () => {
    expect(existsSync(path.join(repoRoot, 'sites', SLUG))).toBe(false)
    const build = siteBuildCommand(repoRoot, SLUG, path.join(work, 'snapshots'))
    expect(build.kind).toBe('generic')
    expect(build.dist.startsWith(path.join(work, 'builds'))).toBe(true)
    // The five keep their own projects.
    expect(siteBuildCommand(repoRoot, 'cles', path.join(work, 'snapshots')).kind).toBe('own')
  })

  it('goes online at its next publication, as a complete release', async () => {
    const { payload } = cms
    const pending = await payload.find({ collection: 'publications', where: { state: { equals: 'pending' } }, limit: 100, depth: 0 })
    expect(pending.docs.some((p) => p.site === siteId)).toBe(true)
    // Only the new site is built here: the five sites' builds have their own tests.
    await payload.delete({ collection: 'publications', where: { site: { not_equals: siteId } } })
    const lines: string[] = []
    const publisher = new Publisher(payload, {
      repoRoot,
      snapshotDir: path.join(work, 'snapshots'),
      releasesRoot: path.join(work, 'releases'),
      log: (_level: string, _event: string, fields?: { msg?: string }) => lines.push(fields?.msg ?? ''),
    } as unknown as ConstructorParameters<typeof Publisher>[1])
    await publisher.drain()
    const { docs } = await payload.find({ collection: 'publications', where: { site: { equals: siteId } }, depth: 0 })
    expect(
      docs.map((d) => [d.state, d.error]),
      lines.join('\n'),
    ).toEqual([['live', null]])
    liveDir = path.join(work, 'releases', '.releases', SLUG, 'current')
    const pages = filesUnder(liveDir, '.html')
    for (const page of [
      'index.html',
      '404.html',
      'actualites/index.html',
      'actualites/la-maison-sixieme-ouvre-ses-portes/index.html',
      'nos-services/index.html',
      'ressources/index.html',
      'reseau/index.html',
      'naviguer-en-securite/index.html',
      'recherche/index.html',
      'en/index.html',
    ])
      expect(pages, page).toContain(page)
    for (const file of ['robots.txt', 'sitemap-index.xml', 'actualites/rss.xml', 'favicon.svg', 'pagefind/pagefind.js'])
      expect(existsSync(path.join(liveDir, file)), file).toBe(true)
    const home = readFileSync(path.join(liveDir, 'index.html'), 'utf8')
    expect(home).toContain('Maison Sixième')
    expect(home).toContain('La Maison Sixième ouvre ses portes')
    expect(home).toContain('tel:18005550199')
    expect(home).toContain('class="quick-exit" href="https://meteo.gc.ca/"')
    // The favicon is drawn from its brand (the five bring their own).
    expect(readFileSync(path.join(liveDir, 'favicon.svg'), 'utf8')).toContain('fill="#2d4a7a"')
    // The network pages of the five list it once it is exported (their next build).
    const cles = JSON.parse(readFileSync(path.join(work, 'snapshots', `${SLUG}.json`), 'utf8')) as { network: { slug: string }[] }
    expect(cles.network.map((s) => s.slug)).toEqual(expect.arrayContaining(['cles', 'maison-de-marthe', SLUG]))
  })

  it('is served with the production headers and loads nothing from another origin, on every page', async () => {
    server = await serveStatic({ dir: liveDir, port: 0 })
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    const problems: string[] = []
    const pages = filesUnder(liveDir, '.html')
    expect(pages.length).toBeGreaterThanOrEqual(12)
    const css = filesUnder(liveDir, '.css')
    for (const file of [...pages, ...css]) {
      const url = new URL(`/${file.replace(/(^|\/)index\.html$/, '$1')}`, origin)
      const response = await fetch(url)
      const body = await response.text()
      if (response.status !== 200) problems.push(`${file} : HTTP ${response.status}`)
      if (file.endsWith('.html')) {
        // The production headers for that path (the search pages' policy adds WebAssembly, nothing else).
        for (const [name, value] of Object.entries(securityHeadersFor(url.pathname))) {
          if (response.headers.get(name) !== value) problems.push(`${file} : en-tête ${name} = ${response.headers.get(name)}`)
        }
        if (/https?:|\*/.test(response.headers.get('content-security-policy') ?? '')) problems.push(`${file} : CSP ouverte à un tiers`)
        if (/<script(?![^>]*\bsrc=)/i.test(body)) problems.push(`${file} : script en ligne`)
        if (/<style|\sstyle=/i.test(body)) problems.push(`${file} : style en ligne`)
      }
      // data: and blob: addresses are not requests; anything else must stay on the site's origin.
      for (const loaded of loadedUrls(body, url)) {
        const target = new URL(loaded)
        if (/^https?:$/.test(target.protocol) && target.origin !== origin) problems.push(`${file} : charge ${loaded}`)
      }
    }
    const missing = await fetch(`${origin}/nexiste-pas/`)
    expect(missing.status).toBe(404)
    expect(await missing.text()).toContain('Page introuvable')
    expect(problems).toEqual([])
  })

  it('the checks above do fail on a page that loads from another origin (control)', () => {
    const base = new URL('http://127.0.0.1:1/')
    expect(loadedUrls('<img src="https://tiers.example/pixel.gif" alt="">', base)).toEqual(['https://tiers.example/pixel.gif'])
    expect(loadedUrls('<link rel="stylesheet" href="//cdn.example/x.css">', base)).toEqual(['http://cdn.example/x.css'])
    expect(loadedUrls('<link rel="canonical" href="https://ailleurs.example/">', base)).toEqual([])
  })

  it('is isolated like the five: the whole access matrix passes with it as its staff’s own site', async () => {
    const fx = await prepareFixtures(cms.payload, {
      sites: { ...SCOPE_SITES, own: SLUG },
      accounts: { networkAdmin: 'admin@cles.example', networkEditor: 'comms@cles.example', ...staff },
    })
    const mismatches: string[] = []
    const all = cells()
    for (const cell of all) {
      const user = cell.actor === 'anonymous' ? undefined : fx.users[cell.actor]
      try {
        const got = await attempt(OPERATIONS[cell.collection]![cell.operation]!, { payload: cms.payload, fx, user, scope: cell.scope })
        if (got !== cell.allowed)
          mismatches.push(`${cell.collection}.${cell.operation} · ${cell.actor} · ${cell.scope}: ${got ? 'autorisé' : 'refusé'}`)
      } catch (error) {
        if (!(error instanceof StoredStateError)) throw error
        mismatches.push(`${cell.collection}.${cell.operation} · ${cell.actor} · ${cell.scope}: ${error.message}`)
      }
    }
    console.log(`[site ajouté] matrice d’accès : ${all.length} cellules, ${mismatches.length} écart(s)`)
    expect(mismatches).toEqual([])

    // And the other way round: the staff of the five sites neither read its drafts nor change its documents.
    const draft = await cms.payload.create({
      collection: 'news',
      draft: true,
      data: { title: 'Brouillon de la Maison Sixième', slug: 'brouillon-sixieme', originSite: siteId, _status: 'draft' } as never,
    })
    const taglineBefore = (await cms.payload.findByID({ collection: 'sites', id: siteId, depth: 0 })).tagline
    const others = ['maison-de-marthe', 'calacs-outaouais', 'calacs-agression-estrie', 'calacs-etoile-du-nord'].flatMap((slug) => [
      `admin@${slug}.example`,
      `editor@${slug}.example`,
    ])
    for (const email of others) {
      const read = await rest('GET', `/news/${draft.id}?draft=true`, { user: { email } })
      expect(read.status, `${email} lit le brouillon`).toBe(404)
      const changed = await rest('PATCH', `/news/${draft.id}`, { user: { email }, body: { title: 'Piraté' } })
      expect([403, 404], `${email} modifie l’actualité`).toContain(changed.status)
      const site = await rest('PATCH', `/sites/${siteId}`, { user: { email }, body: { tagline: 'Piraté' } })
      expect([403, 404], `${email} modifie le site`).toContain(site.status)
    }
    const after = await cms.payload.findByID({ collection: 'news', id: draft.id, draft: true, depth: 0 })
    expect(after.title).toBe('Brouillon de la Maison Sixième')
    const siteAfter = await cms.payload.findByID({ collection: 'sites', id: siteId, depth: 0 })
    expect(siteAfter.tagline).toBe(taglineBefore)
  })
})
