// A site a network admin adds in the CMS has no project of its own in sites/:
// the publisher builds it with the site kit's generic project
// (packages/site-kit/generic, chosen by CLES_SITE). Built here exactly that way
// from a sixth snapshot (the fixture's CALACS de l'Outaouais under another slug,
// name, domain and brand), served with the production headers, it passes the
// reader checks the five sites pass (readerPrivacyAllSites.test.ts): every page
// type, axe-core WCAG 2.2 AA, requests to its own origin only, nothing stored.
import type { SiteSnapshot } from '@cles/content'
import { fixtureSnapshotDir } from '@cles/site-kit/testing'
import { serveStatic } from '@cles/static-server'
import { spawn } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../src/browser.ts'
import { pagesToVisit, REQUIRED_TYPES } from '../src/pageTypes.ts'
import { repoRoot } from '../src/processes.ts'
import { checkPages } from '../src/readerChecks.ts'

const SLUG = 'maison-sixieme'
const generic = join(repoRoot, 'packages/site-kit/generic')
const dir = mkdtempSync(join(tmpdir(), 'cles-e2e-added-site-'))
const dist = join(dir, 'build', 'dist')
let server: Server
let origin = ''
let browser: Browser
let buildLog = ''

beforeAll(async () => {
  // The sixth snapshot, as the exporter would write it for a new organisation.
  const snapshots = join(dir, 'snapshots')
  mkdirSync(snapshots)
  cpSync(join(fixtureSnapshotDir, 'media'), join(snapshots, 'media'), { recursive: true })
  const snapshot = JSON.parse(readFileSync(join(fixtureSnapshotDir, 'calacs-outaouais.json'), 'utf8')) as SiteSnapshot
  snapshot.site = {
    ...snapshot.site,
    slug: SLUG,
    name: 'Maison Sixième',
    domain: `${SLUG}.example`,
    url: `https://${SLUG}.example`,
    brand: { ...snapshot.site.brand, primary: '#2d4a7a' },
  }
  writeFileSync(join(snapshots, `${SLUG}.json`), JSON.stringify(snapshot))
  // The publisher's command for a site without sites/<slug>/ (cms/src/publish/siteBuild.ts).
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(join(repoRoot, 'packages/site-kit/node_modules/.bin/astro'), ['build', '--root', generic], {
      cwd: join(repoRoot, 'packages/site-kit'),
      env: {
        ...process.env,
        CLES_SITE: SLUG,
        CLES_SNAPSHOT_DIR: snapshots,
        CLES_SITE_OUT_DIR: dist,
        CLES_SITE_CACHE_DIR: join(dir, 'build', 'astro'),
        CLES_IMAGE_CACHE_DIR: join(dir, 'images'),
        ASTRO_TELEMETRY_DISABLED: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    child.stdout.on('data', (d) => (buildLog += d))
    child.stderr.on('data', (d) => (buildLog += d))
    child.once('exit', resolve)
  })
  if (code !== 0) throw new Error(`la construction du site ajouté a échoué (code ${code}) :\n${buildLog.slice(-3000)}`)
  server = await serveStatic({ dir: dist, port: 0 })
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await new Promise((r) => (server ? server.close(r) : r(undefined)))
  rmSync(dir, { recursive: true, force: true })
})

describe('a site added in the CMS, built by the generic project', () => {
  it('is a whole site of its own: its name, brand favicon, every required page type', () => {
    expect(existsSync(join(repoRoot, 'sites', SLUG))).toBe(false)
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).toContain('Maison Sixième')
    expect(readFileSync(join(dist, 'favicon.svg'), 'utf8')).toContain('fill="#2d4a7a"')
    const types = new Set(pagesToVisit(dist, generic).map((visit) => visit.type))
    expect(REQUIRED_TYPES.filter((type) => !types.has(type))).toEqual([])
  })

  it('every page type passes axe, stays same-origin, stores nothing', { timeout: 180_000 }, async ({ annotate }) => {
    const visits = pagesToVisit(dist, generic)
    const problems = await checkPages(browser, origin, visits)
    await annotate(`${visits.length} pages: ${visits.map((visit) => `${visit.type} ${visit.url}`).join(', ')}`)
    expect(problems, `${SLUG}: ${problems.length} problem(s) on ${visits.length} pages`).toEqual([])
  })
})
