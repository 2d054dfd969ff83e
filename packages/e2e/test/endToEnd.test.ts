// CMS → snapshot → site build → serve → Chromium, all on loopback with real parts:
// a seeded SQLite CMS and `next start` (global setup), the exporter, Astro, the static server.
import { buildSiteForTests } from '@cles/site-kit/testing'
import { serveStatic } from '@cles/static-server'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchChromium, loopbackContext } from '../src/browser.ts'

const FUNDING_TITLE = 'Un financement récurrent de 2,75 M$ pour l’aide à la sortie de la prostitution'
const EXIT_URL = 'https://meteo.gc.ca/'
const PASSWORD = inject('password')
const cmsUrl = inject('cmsUrl')
let site: Server
let siteUrl: string
let browser: Browser

// The CMS was seeded, exported and started by the global setup (test/cmsSetup.ts).
beforeAll(async () => {
  // Through the shared test build cache, keyed by the export's content: rebuilt
  // whenever the export differs from the last run's, reused when it is the same.
  const dist = await buildSiteForTests({ site: 'cles', snapshotDir: inject('snapshotDir') })
  site = await serveStatic({ dir: dist, port: 0 })
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await new Promise((r) => (site ? site.close(r) : r(null)))
})

describe('reader site built from the seeded CMS', () => {
  it('shows the French home page with the funding news, then the article', async () => {
    const { context, outside } = await loopbackContext(browser)
    const page = await context.newPage()
    const response = await page.goto(`${siteUrl}/`)
    expect(response?.status()).toBe(200)
    expect(await page.getAttribute('html', 'lang')).toBe('fr-CA')
    await expect(page.locator('h2#latest-title').textContent()).resolves.toBe('Dernières actualités')
    await page.getByRole('link', { name: FUNDING_TITLE }).click()
    await page.waitForURL('**/actualites/financement-recurrent-aide-sortie-prostitution/')
    await expect(page.locator('h1').textContent()).resolves.toBe(FUNDING_TITLE)
    await expect(page.locator('.article-body').textContent()).resolves.toContain('Bailaou Diallo')
    expect(await page.locator('.article-body a[href^="https://www.lacles.org"]').count()).toBe(1)
    expect(outside).toEqual([])
    expect(await context.cookies()).toEqual([])
    await context.close()
  })

  it('reaches the quick-exit link first with Tab, and leaving sends no Referer', async () => {
    const { context, stubbed } = await loopbackContext(browser, { [EXIT_URL]: '<title>Météo</title><p>Météo</p>' })
    const page = await context.newPage()
    await page.goto(`${siteUrl}/actualites/financement-recurrent-aide-sortie-prostitution/`)
    await page.keyboard.press('Tab')
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLAnchorElement
      return { text: el.textContent?.trim(), href: el.href, quickExit: el.hasAttribute('data-quick-exit') }
    })
    expect(focused).toEqual({ text: 'Quitter ce site', href: EXIT_URL, quickExit: true })
    await page.keyboard.press('Enter')
    await page.waitForURL(EXIT_URL)
    expect(stubbed.map((s) => s.url)).toEqual([EXIT_URL])
    expect(stubbed[0]?.referer).toBeUndefined()
    await context.close()
  })

  it('keeps the quick-exit link visible at 320 px after scrolling', async () => {
    const { context } = await loopbackContext(browser)
    const page = await context.newPage()
    await page.setViewportSize({ width: 320, height: 640 })
    await page.goto(`${siteUrl}/actualites/financement-recurrent-aide-sortie-prostitution/`)
    await page.mouse.wheel(0, 2000)
    await page.waitForFunction(() => window.scrollY > 0)
    const box = await page.locator('[data-quick-exit]').boundingBox()
    expect(box).not.toBeNull()
    expect(box!.y).toBeGreaterThanOrEqual(0)
    expect(box!.y).toBeLessThan(5)
    expect(box!.width).toBeLessThanOrEqual(320)
    await context.close()
  })
})

describe('CMS admin', () => {
  it('serves the admin in French to an English browser, and lets the network admin in', async () => {
    const { context, outside } = await loopbackContext(browser)
    const page = await context.newPage()
    await page.goto(`${cmsUrl}/admin/login`)
    expect(await page.getAttribute('html', 'lang')).toBe('fr')
    // The form hydrates on the client: wait for the French submit button.
    await page.getByRole('button', { name: 'Se connecter' }).waitFor({ timeout: 30_000 })
    await page.locator('input[name="email"]').fill('admin@cles.example')
    await page.locator('input[name="password"]').fill(PASSWORD)
    await page.getByRole('button', { name: 'Se connecter' }).click()
    await page.waitForURL(`${cmsUrl}/admin`)
    await page.getByText('Actualités').first().waitFor()
    const dashboard = await page.locator('body').innerText()
    // French collection and group labels on the dashboard.
    for (const label of ['Actualités', 'Médias', 'Comptes', 'Contenu', 'Réseau']) expect(dashboard).toContain(label)
    expect(outside).toEqual([])
    await context.close()
  })

  it('never returns drafts to anonymous REST readers', async () => {
    const response = await fetch(`${cmsUrl}/api/news?draft=true&limit=100&depth=0`)
    const body = (await response.json()) as { docs: { title: string; _status: string }[] }
    expect(body.docs.length).toBeGreaterThan(40)
    expect(body.docs.every((d) => d._status === 'published')).toBe(true)
    expect(body.docs.some((d) => d.title.startsWith('Brouillon'))).toBe(false)
  })
})
