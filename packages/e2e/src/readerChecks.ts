// The reader checks every site's pages pass (readerPrivacyAllSites.test.ts, and
// addedSiteReader.test.ts for a site added in the CMS): in a fresh recording tab,
// the expected status, axe-core (WCAG 2.2 AA), requests to the page's own origin
// only, and nothing stored (cookies, Web Storage, IndexedDB).
import pLimit from 'p-limit'
import type { Browser } from 'playwright-core'
import { axeViolations } from './axe.ts'
import { loopbackContext } from './browser.ts'
import type { PageToVisit } from './pageTypes.ts'
import { offOriginProblems, storageProblems, type RecordedTab } from './readerTrace.ts'

/**
 * A fresh loopback tab per page, so each request and each stored item is
 * attributed to the page that caused it. bypassCSP lets axe be injected
 * inline, and it also means the recorder sees every request the page asks
 * for, not only those the CSP would have let through.
 */
export async function openRecordedTab(browser: Browser): Promise<RecordedTab> {
  const { context, outside } = await loopbackContext(browser, {}, { bypassCSP: true })
  const requests: string[] = []
  context.on('request', (request) => requests.push(request.url()))
  return { context, page: await context.newPage(), outside, requests }
}

const isSearch = (page: PageToVisit) => page.type === 'search' || page.type === 'English search'

/** Everything wrong with one page, each problem prefixed by the page, for one readable failure per site. */
export async function checkPage(browser: Browser, origin: string, visit: PageToVisit): Promise<string[]> {
  const tab = await openRecordedTab(browser)
  const { page } = tab
  const problems: string[] = []
  try {
    const response = await page.goto(`${origin}${visit.url}`)
    const expected = visit.type === '404' ? 404 : 200
    if (response?.status() !== expected) problems.push(`HTTP ${response?.status()} instead of ${expected}`)
    if (isSearch(visit)) {
      // Axe must see Pagefind's UI, whose input the kit labels once it exists.
      await page.locator('[data-search-ui] input').waitFor({ timeout: 15_000 })
      await page.locator('label[data-search-label]:not([hidden])').waitFor({ timeout: 5_000 })
    }
    // Lazy images and the like only load when scrolled into view.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight))
    // Every image (lazy ones included) has loaded or failed: its request is in the log.
    await page.waitForFunction(() => [...document.images].every((image) => image.complete), undefined, { timeout: 10_000 })
    await page.evaluate(() => window.scrollTo(0, 0))
    for (const violation of await axeViolations(page)) {
      const nodes = await Promise.all(violation.targets.map((target) => nodeHtml(tab, target)))
      problems.push(`axe ${violation.id} (${violation.impact}: ${violation.help}) on ${nodes.join(' | ')}`)
    }
    problems.push(...(await storageProblems(tab)), ...offOriginProblems(tab, origin))
  } catch (error) {
    problems.push(`could not be checked: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`)
  } finally {
    await tab.context.close()
  }
  return problems.map((problem) => `${visit.type} ${visit.url}${visit.url === visit.path ? '' : ` (${visit.path})`}: ${problem}`)
}

/**
 * Every page of a site, two at a time: each has its own tab and context, so
 * nothing is shared but the browser; while one page waits for the network the
 * other runs axe (15 % faster on two cores). Problems come back in the visits' order.
 */
export async function checkPages(browser: Browser, origin: string, visits: PageToVisit[], concurrency = 2): Promise<string[]> {
  const limit = pLimit(concurrency)
  const results = await Promise.all(visits.map((visit) => limit(() => checkPage(browser, origin, visit))))
  return results.flat()
}

/** The offending element's markup, cut short, so the report says which node without opening a browser. */
async function nodeHtml(tab: RecordedTab, target: string): Promise<string> {
  try {
    const html = await tab.page
      .locator(target)
      .first()
      .evaluate((el) => el.outerHTML, undefined, { timeout: 2_000 })
    return html.length > 300 ? `${html.slice(0, 300)}…` : html
  } catch {
    return target
  }
}
