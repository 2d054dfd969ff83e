// Every page type of every site, in Chromium: axe-core (WCAG 2.2 AA), requests
// to the page's own origin only, and nothing stored (cookies, Web Storage,
// IndexedDB). Each site is built from the committed fixture snapshot (the
// shared test build the site-kit tests and quickExit.test.ts also use, made
// once per distinct input) and served with the production headers. The pages are
// found in each build's output (src/pageTypes.ts), not listed by hand, so a
// site that gains a page type is checked without editing this file.
import { buildFixtureSites, siteSlugs } from '@cles/site-kit/testing'
import { serveStatic } from '@cles/static-server'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../src/browser.ts'
import { pagesToVisit, REQUIRED_TYPES } from '../src/pageTypes.ts'
import { repoRoot } from '../src/processes.ts'
import { checkPages, openRecordedTab } from '../src/readerChecks.ts'
import { offOriginProblems, storageProblems } from '../src/readerTrace.ts'

const SITES = siteSlugs()

/** Per site: where it is served, or why it could not be built. */
const served = new Map<string, { origin: string; dist: string; server: Server } | Error>()
let browser: Browser

beforeAll(async () => {
  // Every site, one after another; with keepGoing a failed build fails only its site's test (and nothing is cached).
  const builds = await buildFixtureSites({ keepGoing: true })
  for (const slug of SITES) {
    try {
      // The shared build is read only: served as it is, never written to.
      const dist = builds.siteDir(slug)
      const server = await serveStatic({ dir: dist, port: 0 })
      served.set(slug, { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, dist, server })
    } catch (error) {
      served.set(slug, error instanceof Error ? error : new Error(String(error)))
    }
  }
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  for (const site of served.values()) {
    if (!(site instanceof Error)) await new Promise((r) => site.server.close(r))
  }
})

function site(slug: string) {
  const entry = served.get(slug)
  if (!entry) throw new Error(`${slug} was not built`)
  if (entry instanceof Error) throw new Error(`${slug} did not build: ${entry.message}`)
  return entry
}

/** A fresh recording tab (see src/readerChecks.ts). */
const openTab = () => openRecordedTab(browser)

describe('reader privacy and accessibility on every page type of every site', () => {
  it('finds the five sites', () => {
    expect(SITES).toHaveLength(5)
  })

  // ~20 pages a site, two at a time, take 40–55 s on two cores.
  for (const slug of SITES) {
    it(`${slug}: every page type passes axe, stays same-origin, stores nothing`, { timeout: 180_000 }, async ({ annotate }) => {
      const { origin, dist } = site(slug)
      const visits = pagesToVisit(dist, join(repoRoot, 'sites', slug))
      const types = new Set(visits.map((visit) => visit.type))
      const problems = REQUIRED_TYPES.filter((type) => !types.has(type)).map((type) => `no ${type} page in the build`)
      problems.push(...(await checkPages(browser, origin, visits)))
      // Which page stood for each type, in the reporter's output.
      await annotate(`${visits.length} pages: ${visits.map((visit) => `${visit.type} ${visit.url}`).join(', ')}`)
      expect(problems, `${slug}: ${problems.length} problem(s) on ${visits.length} pages`).toEqual([])
    })
  }

  it('reports an off-origin request and stored data when a page makes them (control)', { timeout: 60_000 }, async () => {
    const origin = site('cles').origin
    const tab = await openTab()
    await tab.page.goto(`${origin}/`)
    expect(offOriginProblems(tab, origin)).toEqual([])
    expect(await storageProblems(tab)).toEqual([])

    await tab.page.evaluate(async () => {
      const img = document.createElement('img')
      img.src = 'https://example.invalid/x.png'
      img.alt = ''
      document.body.append(img)
      localStorage.setItem('visited', 'yes')
      sessionStorage.setItem('visited', 'yes')
      await new Promise((resolve, reject) => {
        const request = indexedDB.open('visits')
        request.onsuccess = () => resolve(request.result.close())
        request.onerror = () => reject(request.error)
      })
    })
    await expect.poll(() => tab.outside).toContain('https://example.invalid/x.png')
    expect(offOriginProblems(tab, origin)).toEqual(['request to another origin: https://example.invalid/x.png'])
    const stored = await storageProblems(tab)
    expect(stored).toContain('localStorage not empty: ["visited"]')
    expect(stored).toContain('sessionStorage not empty: ["visited"]')
    expect(stored).toContain('indexedDB not empty: ["visits"]')
    expect(stored.some((problem) => problem.startsWith(`storage kept for ${origin}`))).toBe(true)
    await tab.context.close()
  })
})
