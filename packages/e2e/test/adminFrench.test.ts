// The French admin as partner staff and network administrators see it, in
// Chromium (issue 13): every list, create and edit screen they reach is free of
// English strings, « Sans titre » chips and broken placeholders; the sign-in
// screen and the top bar carry the network's name; the SEO preview shows the
// document's real address; lists offer « Ressources à revoir » and « Sans
// version anglaise »; each news item or page says which languages it has. The
// screens and panels this work added have no axe violation (WCAG 2.0–2.2 AA).
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { screenshotOnFailure, staffPage } from '../src/admin.ts'
import { ENGLISH_OR_UNTITLED_ADMIN_STRINGS, findBrokenAdminStrings, KNOWN_BAD_ADMIN_STRINGS } from '../src/adminStrings.ts'
import { axeViolations } from '../src/axe.ts'
import { launchChromium, loopbackContext } from '../src/browser.ts'
import { RestClient } from '../src/restClient.ts'

const cmsUrl = inject('cmsUrl')
const password = inject('password')
const knownBad = [...KNOWN_BAD_ADMIN_STRINGS, ...ENGLISH_OR_UNTITLED_ADMIN_STRINGS]
/** Panels this work added to Payload's screens: they alone are checked with axe. */
const OUR_PANELS = ['.cles-logo', '.cles-list-help', '.cles-translation-status', '.cles-icon']

let browser: Browser
let admin: RestClient

beforeAll(async () => {
  browser = await launchChromium()
  admin = await RestClient.login(cmsUrl, 'admin@cles.example', password)
  // A CMS started with `next dev` (CLES_E2E_CMS=dev) compiles the admin on its first visit.
  const { context } = await loopbackContext(browser)
  const page = await context.newPage()
  await page.goto(`${cmsUrl}/admin/login`, { timeout: 600_000 })
  await page.locator('input[name="email"]').waitFor({ timeout: 600_000 })
  await context.close()
}, 900_000)
afterAll(async () => browser?.close())

type Doc = { id: number; [key: string]: unknown }
const first = async (query: string): Promise<Doc> => {
  const { json } = await admin.request('GET', `${query}${query.includes('?') ? '&' : '?'}limit=1&depth=0`)
  const doc = (json.docs as Doc[])[0]
  if (!doc) throw new Error(`aucun document pour ${query}`)
  return doc
}

/** Opens an admin screen and waits until Payload has drawn it (forms, lists, the rich-text editor). */
async function open(page: Page, path: string) {
  const response = await page.goto(`${cmsUrl}${path}`, { timeout: 120_000 })
  expect(response?.status(), path).toBeLessThan(400)
  await page.locator('.template-default, .template-minimal').first().waitFor({ timeout: 120_000 })
  await page.waitForLoadState('networkidle', { timeout: 60_000 }).catch(() => {})
  // Fields, relationship chips and the rich-text editor load after the first paint (Payload's shimmer meanwhile).
  await page
    .waitForFunction(() => document.querySelectorAll('.shimmer-effect, .loading-overlay').length === 0, undefined, { timeout: 90_000 })
    .catch(() => {})
  await page.waitForTimeout(1000)
}

async function check(page: Page, screens: string[], findings: string[], axe: string[]) {
  for (const screen of screens) {
    await open(page, screen)
    for (const finding of await findBrokenAdminStrings(page, { knownBad })) findings.push(`${screen} → ${finding}`)
    const present: string[] = []
    for (const selector of OUR_PANELS) if ((await page.locator(selector).count()) > 0) present.push(selector)
    if (present.length)
      for (const v of await axeViolations(page, present)) axe.push(`${screen} → ${v.id}: ${v.help} (${v.targets.join(', ')})`)
  }
}

describe('the sign-in screen', () => {
  it('shows the network’s name and mark, no Payload logo, and the network’s icon in the tab', async () => {
    const { context } = await loopbackContext(browser)
    const page = await context.newPage()
    await screenshotOnFailure(page, 'admin-french-login', async () => {
      await open(page, '/admin/login')
      await expect(page.locator('.cles-logo').innerText()).resolves.toContain('Réseau CLES')
      expect(await page.locator('.graphic-logo').count(), 'logo Payload').toBe(0)
      const icons = await page.locator('link[rel="icon"]').evaluateAll((links) => links.map((l) => l.getAttribute('href')))
      expect(icons).toEqual(['/cles-icon.svg'])
      expect(await findBrokenAdminStrings(page, { knownBad })).toEqual([])
      expect(await axeViolations(page, ['.cles-logo'])).toEqual([])
    })
    await context.close()
  }, 300_000)
})

describe('a partner site editor (CALACS de l’Outaouais) sees the whole admin in French', () => {
  it('every list, create and edit screen: no English, no « Sans titre », no broken placeholder', async () => {
    const site = await first('/sites?where[slug][equals]=calacs-outaouais')
    const ownNews = await first(`/news?where[originSite][equals]=${site.id}&where[_status][equals]=published`)
    const proposal = await first(`/news?where[targetSites][in]=${site.id}&where[originSite.slug][equals]=cles`)
    const ownPage = await first(`/pages?where[site][equals]=${site.id}&where[parent][exists]=true`)
    const shared = await first(`/resources?where[sites][in]=${site.id}`)
    const media = await first(`/media?where[site][equals]=${site.id}`)
    const redirect = await first(`/redirects?where[site][equals]=${site.id}`)
    const lists = ['news', 'pages', 'media', 'resources', 'syndication-decisions', 'redirects', 'categories', 'publications', 'sites']
    const screens = [
      '/admin',
      ...lists.map((c) => `/admin/collections/${c}`),
      ...['pages', 'media', 'resources', 'redirects'].map((c) => `/admin/collections/${c}/create`),
      `/admin/collections/news/${ownNews.id}`,
      `/admin/collections/news/${proposal.id}`,
      `/admin/collections/pages/${ownPage.id}`,
      `/admin/collections/resources/${shared.id}`,
      `/admin/collections/media/${media.id}`,
      `/admin/collections/redirects/${redirect.id}`,
      `/admin/collections/sites/${site.id}`,
    ]
    const { page, outside, close } = await staffPage(browser, cmsUrl, 'editor@calacs-outaouais.example', password)
    const findings: string[] = []
    const axe: string[] = []
    await screenshotOnFailure(page, 'admin-french-partner', () => check(page, screens, findings, axe))
    await close()
    expect(findings).toEqual([])
    expect(axe).toEqual([])
    expect(outside).toEqual([])
  }, 900_000)

  it('a news item: the SEO preview shows its address on its site, and the sidebar which languages it has', async () => {
    const site = await first('/sites?where[slug][equals]=calacs-outaouais')
    const own = await first(`/news?where[originSite][equals]=${site.id}&where[_status][equals]=published`)
    const { page, close } = await staffPage(browser, cmsUrl, 'editor@calacs-outaouais.example', password)
    await screenshotOnFailure(page, 'admin-french-news', async () => {
      await open(page, `/admin/collections/news/${own.id}`)
      expect(await page.locator('[data-seo-url]').innerText()).toBe(`https://${site.domain as string}/actualites/${own.slug as string}/`)
      // A control the rich-text editor names in English only is renamed as soon as it is drawn.
      await page.evaluate(() => {
        const probe = document.createElement('button')
        probe.id = 'cles-probe'
        probe.setAttribute('aria-label', 'Edit link')
        document.body.append(probe)
      })
      await expect.poll(() => page.locator('#cles-probe').getAttribute('aria-label')).toBe('Modifier le lien')
      const languages = page.locator('.cles-translation-status')
      expect(await languages.locator('[data-locale="fr"]').innerText()).toMatch(/^Français ✓/)
      expect(await languages.locator('[data-locale="en"]').getAttribute('data-locale-state')).toMatch(/^(done|none)$/)
      // The proposed CLES item lists only this partner among the sites it was proposed to, by name.
      const proposal = await first(`/news?where[targetSites][in]=${site.id}&where[originSite.slug][equals]=cles`)
      await open(page, `/admin/collections/news/${proposal.id}`)
      await page.locator('#field-targetSites .rs__multi-value').first().waitFor({ timeout: 60_000 })
      const chips = (await page.locator('#field-targetSites .rs__multi-value').allInnerTexts()).map((c) => c.trim())
      expect(chips).toEqual([site.name])
      // A CLES item with an image: the image is named (a partner reads published uploads like
      // any reader) and its read-only date is in French from the first drawing (« 15 novembre 2023, 14 h 00 »).
      const illustrated = await first(
        `/news?where[targetSites][in]=${site.id}&where[originSite.slug][equals]=cles&where[hero][exists]=true`,
      )
      await open(page, `/admin/collections/news/${illustrated.id}`)
      const hero = (await admin.request('GET', `/media/${illustrated.hero as number}?depth=0`)).json as Doc
      await expect.poll(() => page.locator('#field-hero').innerText(), { timeout: 30_000 }).toContain(hero.filename as string)
      expect(await page.locator('#field-hero').innerText()).not.toContain('ID:')
      const date = await page.locator('#field-publishedAt input').inputValue()
      expect(date).toMatch(
        /^\d{1,2} (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) \d{4}, \d\d h \d\d$/,
      )
      // A page's blocks are named after their content.
      // The seed's oldest page has blocks (pages other tests create in the same CMS may have none).
      const ownPage = await first(`/pages?where[site][equals]=${site.id}&where[parent][exists]=false&sort=createdAt`)
      await open(page, `/admin/collections/pages/${ownPage.id}`)
      // The rich-text editor draws its text after the form: the label follows it.
      await expect
        .poll(
          async () => {
            const labels = await page.locator('.cles-block-label').allInnerTexts()
            return labels.length > 0 && labels.every((label) => /^\d\d\s*\S.* — \S/.test(label))
          },
          { timeout: 30_000 },
        )
        .toBe(true)
    })
    await close()
  }, 900_000)

  it('« Sans version anglaise » and « Ressources à revoir » filter the lists', async () => {
    const site = await first('/sites?where[slug][equals]=calacs-outaouais')
    const { json } = await admin.request(
      'GET',
      `/news?where[originSite][equals]=${site.id}&where[hasEnglish][not_equals]=true&limit=0&draft=true`,
    )
    const frenchOnly = json.totalDocs as number
    const { page, close } = await staffPage(browser, cmsUrl, 'editor@calacs-outaouais.example', password)
    await screenshotOnFailure(page, 'admin-french-filters', async () => {
      await open(page, '/admin/collections/news')
      const link = page.locator(`.cles-list-help a[data-list-filter="${site.id}"]`)
      expect((await link.innerText()).trim()).toBe(`${site.name as string} (${frenchOnly})`)
      await link.click()
      await page.waitForURL(/where/)
      await open(page, new URL(page.url()).pathname + new URL(page.url()).search)
      const rows = await page.locator('.table tbody tr').count()
      expect(rows).toBe(Math.min(frenchOnly, 10))

      await open(page, '/admin/collections/resources')
      const review = page.locator('.cles-list-help a[data-list-filter="review"]')
      expect(await review.innerText()).toMatch(/^Ressources à revoir — date de vérification passée ou marquées périmées \(\d+\)$/)
    })
    await close()
  }, 900_000)
})

describe('a network administrator sees the network screens in French', () => {
  it('sites, accounts, audit trail, publications: no English, no « Sans titre »', async () => {
    const site = await first('/sites?where[slug][equals]=maison-de-marthe')
    const user = await first('/users?where[email][equals]=editor@maison-de-marthe.example')
    const screens = [
      '/admin',
      ...['sites', 'users', 'audit-log', 'publications', 'resources', 'news', 'pages'].map((c) => `/admin/collections/${c}`),
      `/admin/collections/sites/${site.id}`,
      `/admin/collections/users/${user.id}`,
      '/admin/collections/resources/create',
    ]
    const { page, close } = await staffPage(browser, cmsUrl, 'admin@cles.example', password)
    const findings: string[] = []
    const axe: string[] = []
    await screenshotOnFailure(page, 'admin-french-network', () => check(page, screens, findings, axe))
    await close()
    expect(findings).toEqual([])
    expect(axe).toEqual([])
  }, 900_000)
})
