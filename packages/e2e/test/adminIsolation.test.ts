// The admin as partner staff see it: a partner editor creates and publishes a
// page and never sees another site's documents; CLES communication proposes a
// news item to that partner; the partner admin accepts it.
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { pick, pickerOptions, screenshotOnFailure, staffPage as openStaffPage, waitForSuccessToast } from '../src/admin.ts'
import { launchChromium } from '../src/browser.ts'
import { RestClient } from '../src/restClient.ts'

const cmsUrl = inject('cmsUrl')
const password = inject('password')
const PARTNER = 'La Maison de Marthe'
const OTHER_PARTNERS = ['CALACS de l’Outaouais', 'CALACS Agression Estrie', 'CALACS L’étoile du nord']
let browser: Browser
let admin: RestClient

beforeAll(async () => {
  browser = await launchChromium()
  admin = await RestClient.login(cmsUrl, 'admin@cles.example', password)
})
afterAll(async () => browser?.close())

const staffPage = (email: string) => openStaffPage(browser, cmsUrl, email, password)

describe('partner editor in the French admin', () => {
  it('creates and publishes a page of their site, offered only their own site', async () => {
    const { page, outside, close } = await staffPage('editor@maison-de-marthe.example')
    await screenshotOnFailure(page, 'page-create', async () => {
      await page.goto(`${cmsUrl}/admin/collections/pages/create`)
      await page.locator('#field-title').fill('Hébergement d’urgence')
      expect(await pickerOptions(page, 'site')).toEqual([PARTNER])
      await pick(page, 'site', PARTNER)
      await page.locator('#action-save').click()
      await waitForSuccessToast(page)
    })
    const { json } = await admin.request('GET', '/pages?where[slug][equals]=hebergement-d-urgence&depth=1')
    const created = (json.docs as { _status: string; site: { slug: string }; path: string }[])[0]
    expect(created?._status).toBe('published')
    expect(created?.site.slug).toBe('maison-de-marthe')
    expect(created?.path).toBe('/hebergement-d-urgence/')
    expect(outside).toEqual([])
    await close()
  })

  it('sees no other partner’s documents in any list', async () => {
    const { page, close } = await staffPage('editor@maison-de-marthe.example')
    for (const collection of ['news', 'pages', 'media', 'redirects', 'syndication-decisions', 'sites']) {
      await page.goto(`${cmsUrl}/admin/collections/${collection}?limit=100`)
      await page.locator('.collection-list, .list-controls').first().waitFor()
      const text = await page.locator('main, .template-default').first().innerText()
      for (const other of OTHER_PARTNERS) expect(text, `${collection} montre ${other}`).not.toContain(other)
    }
    // Ground truth from the network admin: what the partner's list totals must be.
    const own = await admin.request('GET', '/sites?where[slug][equals]=maison-de-marthe&depth=0')
    const siteId = (own.json.docs as { id: number }[])[0]!.id
    const expected = await admin.request(
      'GET',
      `/news?limit=1&depth=0&where[or][0][originSite][equals]=${siteId}&where[or][1][targetSites][in]=${siteId}`,
    )
    // Asked by the admin page itself (same-origin fetch with the session cookie), as the admin's own lists do.
    const seen = await page.evaluate(
      async () => ((await (await fetch('/api/news?limit=1&depth=0')).json()) as { totalDocs: number }).totalDocs,
    )
    expect(seen).toBe(expected.json.totalDocs)
    await close()
  })
})

describe('syndication in the admin', () => {
  it('CLES communication proposes a news item; the partner admin accepts it', async () => {
    const { json } = await admin.request(
      'GET',
      '/news?where[slug][equals]=recherche-benevoles-accueil&where[originSite.slug][equals]=cles&depth=0',
    )
    const item = (json.docs as { id: number; title: string }[])[0]!

    const comms = await staffPage('comms@cles.example')
    await screenshotOnFailure(comms.page, 'propose', async () => {
      await comms.page.goto(`${cmsUrl}/admin/collections/news/${item.id}`)
      await pick(comms.page, 'targetSites', PARTNER)
      await comms.page.locator('#action-save').click()
      await waitForSuccessToast(comms.page)
    })
    await comms.close()
    const proposed = await admin.request('GET', `/news/${item.id}?depth=1`)
    expect((proposed.json.targetSites as { slug: string }[]).map((s) => s.slug)).toContain('maison-de-marthe')

    const partner = await staffPage('admin@maison-de-marthe.example')
    await screenshotOnFailure(partner.page, 'accept', async () => {
      await partner.page.goto(`${cmsUrl}/admin/collections/syndication-decisions/create`)
      await pick(partner.page, 'news', item.title)
      expect(await pickerOptions(partner.page, 'site')).toEqual([PARTNER])
      await pick(partner.page, 'site', PARTNER)
      await partner.page.locator('#action-save').click()
      await waitForSuccessToast(partner.page)
    })
    await partner.close()
    const decisions = await admin.request('GET', `/syndication-decisions?where[news][equals]=${item.id}&depth=1`)
    const decision = (decisions.json.docs as { decision: string; decidedBy: { email: string }; site: { slug: string } }[])[0]
    expect(decision?.decision).toBe('accepted')
    expect(decision?.site.slug).toBe('maison-de-marthe')
    expect(decision?.decidedBy.email).toBe('admin@maison-de-marthe.example')
  })
})
