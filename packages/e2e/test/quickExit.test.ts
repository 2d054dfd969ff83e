// The quick exit in Chromium, on the cles site built from the committed fixture
// and served on loopback with the production headers (CSP 'self'):
// hide first, then replace the history entry; Shift×3 also exits, Shift+letter
// never does; a plain link without JavaScript; Back gives a usable page;
// nothing stored, nothing requested off the origin. (axe-core on every page
// type of the five sites: readerPrivacyAllSites.test.ts.)
// Site search (Pagefind) under the same CSP: a result, same-origin requests only, axe.
import { buildFixtureSites } from '@cles/site-kit/testing'
import { serveStatic } from '@cles/static-server'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { axeViolations } from '../src/axe.ts'
import { launchChromium, loopbackContext } from '../src/browser.ts'

const EXIT_URL = 'https://meteo.gc.ca/'
const EXIT_PAGE = '<!doctype html><html lang="fr"><title>Météo</title><p>Météo</p></html>'
const ARTICLE = '/actualites/financement-recurrent-aide-sortie-prostitution/'
const LEAVING = 'quick-exit-leaving'

let server: Server
let origin: string
let browser: Browser

beforeAll(async () => {
  // The shared fixture build of every site (the site-kit tests and readerPrivacyAllSites use the same one), served read only.
  const builds = await buildFixtureSites()
  server = await serveStatic({ dir: builds.siteDir('cles'), port: 0 })
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await new Promise((r) => (server ? server.close(r) : r(null)))
})

/** A loopback-only tab that records every request it makes. */
async function open(options: BrowserContextOptions = {}) {
  const { context, outside, stubbed } = await loopbackContext(browser, { [EXIT_URL]: EXIT_PAGE }, options)
  const requests: string[] = []
  context.on('request', (request) => requests.push(request.url()))
  const page = await context.newPage()
  return { context, page, outside, stubbed, requests }
}

/** Reader privacy after a visit: same-origin requests only (plus the exit page), nothing stored. */
async function expectNoTrace(tab: { context: BrowserContext; outside: string[]; requests: string[] }) {
  expect(tab.outside).toEqual([])
  expect(tab.requests.filter((url) => !url.startsWith(`${origin}/`) && url !== EXIT_URL)).toEqual([])
  const state = await tab.context.storageState()
  expect(state.cookies).toEqual([])
  expect(state.origins).toEqual([])
}

const pageState = (page: Page) =>
  page.evaluate(
    (leaving) => ({
      leaving: document.documentElement.classList.contains(leaving),
      body: getComputedStyle(document.body).visibility,
      main: getComputedStyle(document.querySelector('main')!).visibility,
      status: document.querySelector('[data-quick-exit-status]')?.textContent ?? null,
    }),
    LEAVING,
  )

describe('quick exit with JavaScript', () => {
  it('hides the page before leaving, and replaces the history entry', async () => {
    const tab = await open()
    const { page } = tab
    await page.goto(`${origin}/`)
    await page.getByRole('link', { name: 'Toutes les actualités' }).click()
    await page.waitForURL(`${origin}/actualites/`)
    const before = await page.evaluate(() => history.length)
    expect(await pageState(page)).toEqual({ leaving: false, body: 'visible', main: 'visible', status: '' })

    // While a cross-origin navigation is pending Chromium answers no CDP call
    // from the test, so the page reports its own state the moment the exit
    // starts, and the exit page is held back until that report has arrived.
    const order: string[] = []
    let report!: (state: unknown) => void
    const reported = new Promise((r) => (report = r))
    await page.exposeBinding('__quickExitReport', (_source, state) => {
      order.push('page hidden')
      report(state)
    })
    await page.evaluate((leaving) => {
      new MutationObserver(() => {
        if (!document.documentElement.classList.contains(leaving)) return
        ;(window as unknown as { __quickExitReport: (s: object) => void }).__quickExitReport({
          url: location.href,
          body: getComputedStyle(document.body).visibility,
          main: getComputedStyle(document.querySelector('main')!).visibility,
          exit: getComputedStyle(document.querySelector('[data-quick-exit]')!).visibility,
          status: document.querySelector('[data-quick-exit-status]')?.textContent,
        })
      }).observe(document.documentElement, { attributes: true, attributeFilter: ['class'] })
    }, LEAVING)
    await page.route(EXIT_URL, async (route) => {
      await Promise.race([reported, new Promise((r) => setTimeout(r, 5_000))])
      order.push('exit page served')
      await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: EXIT_PAGE })
    })
    await page.locator('[data-quick-exit]').click()
    await page.waitForURL(EXIT_URL)
    expect(order).toEqual(['page hidden', 'exit page served'])
    expect(await reported).toEqual({
      url: `${origin}/actualites/`,
      body: 'hidden',
      main: 'hidden',
      exit: 'hidden',
      status: 'Sortie du site en cours.',
    })

    // Replaced, not pushed: same length, and Back skips the page that was left.
    expect(await page.evaluate(() => history.length)).toBe(before)
    await page.goBack()
    expect(page.url()).toBe(`${origin}/`)
    expect(await pageState(page)).toEqual({ leaving: false, body: 'visible', main: 'visible', status: '' })
    await page.goForward()
    expect(page.url()).toBe(EXIT_URL)
    await expectNoTrace(tab)
    await tab.context.close()
  })

  it('leaves on Shift pressed three times, announcing the presses left in French', async () => {
    const tab = await open()
    const { page, stubbed } = tab
    await page.goto(`${origin}${ARTICLE}`)
    // The link's description mentions the shortcut only once the script runs.
    expect(await page.locator('#quick-exit-hint').textContent()).toBe(
      'Quitte ce site tout de suite et ouvre une page neutre. Raccourci : appuyez trois fois sur la touche Maj.',
    )
    const before = await page.evaluate(() => history.length)
    await page.keyboard.press('Shift')
    expect((await pageState(page)).status).toBe('Touche Maj : appuyez encore 2 fois pour quitter ce site.')
    await page.keyboard.press('Shift')
    expect((await pageState(page)).status).toBe('Touche Maj : appuyez encore 1 fois pour quitter ce site.')
    await page.keyboard.press('Shift')
    await page.waitForURL(EXIT_URL)
    expect(stubbed.map((s) => s.url)).toEqual([EXIT_URL])
    expect(stubbed[0]?.referer).toBeUndefined()
    expect(await page.evaluate(() => history.length)).toBe(before)
    await expectNoTrace(tab)
    await tab.context.close()
  })

  it('does not leave on Shift, Shift+A, Shift: a letter resets the count', async () => {
    const tab = await open()
    const { page, stubbed } = tab
    await page.goto(`${origin}${ARTICLE}`)
    await page.keyboard.press('Shift')
    await page.keyboard.press('Shift+A')
    await page.keyboard.press('Shift')
    // Give a wrongly triggered exit time to start.
    await page.waitForTimeout(500)
    expect(page.url()).toBe(`${origin}${ARTICLE}`)
    expect(stubbed).toEqual([])
    expect((await pageState(page)).leaving).toBe(false)
    // The count restarted at the last lone Shift: two more leave.
    await page.keyboard.press('Shift')
    await page.keyboard.press('Shift')
    await page.waitForURL(EXIT_URL)
    await expectNoTrace(tab)
    await tab.context.close()
  })

  it('does not leave when the Shift presses are more than 5 s apart', async () => {
    const tab = await open()
    const { page, stubbed } = tab
    await page.clock.install()
    await page.goto(`${origin}${ARTICLE}`)
    await page.keyboard.press('Shift')
    await page.keyboard.press('Shift')
    await page.clock.fastForward(5_100)
    await page.keyboard.press('Shift')
    await page.waitForTimeout(500)
    expect(page.url()).toBe(`${origin}${ARTICLE}`)
    expect(stubbed).toEqual([])
    expect((await pageState(page)).status).toBe('Touche Maj : appuyez encore 2 fois pour quitter ce site.')
    await tab.context.close()
  })

  it('shows the page again when it comes back from the back/forward cache', async () => {
    const tab = await open()
    const { page } = tab
    await page.goto(`${origin}${ARTICLE}`)
    // What the exit leaves behind, then the event a bfcache restore fires.
    const state = await page.evaluate((leaving) => {
      document.documentElement.classList.add(leaving)
      const hidden = getComputedStyle(document.body).visibility
      dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }))
      return { hidden, after: getComputedStyle(document.body).visibility, leaving: document.documentElement.classList.contains(leaving) }
    }, LEAVING)
    expect(state).toEqual({ hidden: 'hidden', after: 'visible', leaving: false })
    await tab.context.close()
  })

  it('keeps nothing and asks nothing of other origins across a visit', async () => {
    const tab = await open()
    const { page } = tab
    for (const path of ['/', '/actualites/', ARTICLE, '/naviguer-en-securite/', '/a-propos/', '/page-inexistante/']) {
      await page.goto(`${origin}${path}`)
    }
    await page.getByRole('link', { name: 'Naviguer en sécurité' }).click()
    await page.waitForURL(`${origin}/naviguer-en-securite/`)
    const stored = await page.evaluate(() => ({ local: localStorage.length, session: sessionStorage.length, cookie: document.cookie }))
    expect(stored).toEqual({ local: 0, session: 0, cookie: '' })
    await page.locator('[data-quick-exit]').click()
    await page.waitForURL(EXIT_URL)
    await page.goBack()
    expect(await page.evaluate(() => sessionStorage.length + localStorage.length)).toBe(0)
    expect(tab.requests.some((url) => url.includes('/_astro/') && url.endsWith('.js'))).toBe(true)
    await expectNoTrace(tab)
    await tab.context.close()
  })
})

describe('quick exit without JavaScript', () => {
  it('is a plain link to the exit page that sends no Referer', async () => {
    const tab = await open({ javaScriptEnabled: false })
    const { page, stubbed } = tab
    await page.goto(`${origin}${ARTICLE}`)
    // No script, no shortcut: the description does not promise one.
    expect(await page.locator('#quick-exit-hint').textContent()).toBe('Quitte ce site tout de suite et ouvre une page neutre.')
    const before = await page.evaluate(() => history.length)
    await page.locator('[data-quick-exit]').click()
    await page.waitForURL(EXIT_URL)
    expect(stubbed.map((s) => s.url)).toEqual([EXIT_URL])
    expect(stubbed[0]?.referer).toBeUndefined()
    // A plain link pushes a history entry (the script is what replaces it).
    expect(await page.evaluate(() => history.length)).toBe(before + 1)
    await page.goBack()
    expect(page.url()).toBe(`${origin}${ARTICLE}`)
    expect(await page.locator('main').isVisible()).toBe(true)
    await expectNoTrace(tab)
    await tab.context.close()
  })
})

describe('site search (Pagefind)', () => {
  it('finds the funding article from /recherche/, same origin only, under the CSP', async () => {
    const tab = await open()
    const { page } = tab
    const blocked: string[] = []
    page.on('console', (message) => {
      if (/Content.Security.Policy|Refused to/i.test(message.text())) blocked.push(message.text())
    })
    await page.goto(`${origin}/recherche/`)
    const input = page.getByRole('textbox', { name: 'Mots à rechercher' })
    await input.fill('financement')
    const result = page.locator(`.pagefind-ui__result-link[href="${ARTICLE}"]`)
    await result.waitFor({ timeout: 15_000 })
    expect(await result.textContent()).toMatch(/financement/i)
    expect(blocked).toEqual([])
    expect(tab.requests.some((url) => url.startsWith(`${origin}/pagefind/`))).toBe(true)
    await expectNoTrace(tab)
    await tab.context.close()
  })

  it('has no axe violation once results are shown', async () => {
    // bypassCSP only so axe's source can be injected inline.
    const tab = await open({ bypassCSP: true })
    await tab.page.goto(`${origin}/recherche/`)
    await tab.page.getByRole('textbox', { name: 'Mots à rechercher' }).fill('financement')
    await tab.page.locator('.pagefind-ui__result-link').first().waitFor({ timeout: 15_000 })
    expect(await axeViolations(tab.page)).toEqual([])
    expect(tab.outside).toEqual([])
    await tab.context.close()
  })

  it('says without JavaScript that search needs it, and links elsewhere', async () => {
    const tab = await open({ javaScriptEnabled: false })
    await tab.page.goto(`${origin}/recherche/`)
    await expect(tab.page.locator('main').textContent()).resolves.toContain('La recherche a besoin de JavaScript')
    expect(await tab.page.locator('main a[href="/actualites/"]').isVisible()).toBe(true)
    expect(await tab.page.locator('main a[href="/ressources/"]').isVisible()).toBe(true)
    expect(tab.requests.filter((url) => url.includes('/pagefind/') && !url.endsWith('.css'))).toEqual([])
    await tab.context.close()
  })
})

// Every page type of every site is checked with axe in readerPrivacyAllSites.test.ts.
describe('accessibility (axe-core, WCAG 2.2 AA)', () => {
  it('reports a violation it is shown (control)', async () => {
    const tab = await open({ bypassCSP: true })
    await tab.page.goto(`${origin}/`)
    await tab.page.evaluate(() => document.documentElement.removeAttribute('lang'))
    expect((await axeViolations(tab.page)).map((v) => v.id)).toContain('html-has-lang')
    await tab.context.close()
  })
})
