// Each role's daily work through the French admin in Chromium, as the people
// themselves do it: open « Créer » on news (the admin autosaves a draft at
// once), write, publish or be refused, delete; upload a refused file and read
// why. The stored state is checked through the REST API as the network admin.
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { clickUntilUrl, documentMenu, screenshotOnFailure, staffPage, waitForErrorToast, waitForSuccessToast } from '../src/admin.ts'
import { findBrokenAdminStrings } from '../src/adminStrings.ts'
import { launchChromium } from '../src/browser.ts'
import { RestClient } from '../src/restClient.ts'

const cmsUrl = inject('cmsUrl')
const password = inject('password')
let browser: Browser
let admin: RestClient

beforeAll(async () => {
  browser = await launchChromium()
  admin = await RestClient.login(cmsUrl, 'admin@cles.example', password)
})
afterAll(async () => browser?.close())

interface Role {
  role: string
  email: string
  site: string
  publishes: boolean
}

const ROLES: Role[] = [
  { role: 'network editor (CLES communication)', email: 'comms@cles.example', site: 'cles', publishes: true },
  { role: 'site admin', email: 'admin@maison-de-marthe.example', site: 'maison-de-marthe', publishes: true },
  { role: 'site editor', email: 'editor@calacs-outaouais.example', site: 'calacs-outaouais', publishes: true },
  { role: 'contributor', email: 'contributor@maison-de-marthe.example', site: 'maison-de-marthe', publishes: false },
]

type StoredNews = { id: number; title: string; _status: string; originSite: { slug: string } | null }

async function storedNews(id: string, draft: boolean): Promise<StoredNews | null> {
  const { status, json } = await admin.request('GET', `/news/${id}?depth=1${draft ? '&draft=true' : ''}`)
  return status === 200 ? (json as unknown as StoredNews) : null
}

/** « Créer » on news: the admin creates the draft at once and opens it. Returns its id. */
async function createNews(page: Page, title: string): Promise<string> {
  await page.goto(`${cmsUrl}/admin/collections/news/create`)
  await page.waitForURL(/\/admin\/collections\/news\/\d+/, { timeout: 60_000 })
  const id = /\/news\/(\d+)/.exec(page.url())![1]!
  await page.locator('#field-title').fill(title)
  // Autosave runs every 2 s; wait until the stored draft has the title.
  const deadline = Date.now() + 30_000
  while ((await storedNews(id, true))?.title !== title) {
    if (Date.now() > deadline) throw new Error(`le brouillon ${id} n’a pas été enregistré automatiquement`)
    await page.waitForTimeout(500)
  }
  return id
}

describe.each(ROLES)('$role in the French admin', ({ email, site, publishes }) => {
  it(
    publishes ? 'creates, autosaves, publishes and deletes a news item' : 'creates and autosaves a draft, is offered no publishing action',
    async () => {
      const { page, outside, close } = await staffPage(browser, cmsUrl, email, password)
      const title = `Essai ${site} ${Date.now()}`
      await screenshotOnFailure(page, `news-${site}-${publishes ? 'publisher' : 'contributor'}`, async () => {
        const id = await createNews(page, title)
        const draft = await storedNews(id, true)
        expect(draft?.originSite?.slug, 'le brouillon appartient au site de la personne').toBe(site)
        // The person reads back their own draft (it was a 404 when the site was empty).
        // Asked by the admin page itself: a same-origin fetch with the session cookie (CSRF rules apply).
        const own = await page.evaluate(async (url) => (await fetch(url)).status, `/api/news/${id}?draft=true&depth=0`)
        expect(own).toBe(200)
        expect(await page.getByText('n’a pas pu être trouvé').count()).toBe(0)

        if (publishes) {
          await page.locator('#action-save').click()
          await waitForSuccessToast(page)
          expect((await storedNews(id, false))?._status).toBe('published')
          expect(await documentMenu(page)).toContain('Annuler la publication')
          await page.locator('.doc-controls__popup .popup-button').click()
          await page.locator('.popup__content').last().getByText('Supprimer', { exact: true }).click()
          await page.getByRole('button', { name: 'Confirmer' }).click()
          await waitForSuccessToast(page, /supprimé/)
          expect(await storedNews(id, true)).toBeNull()
        } else {
          expect(await page.locator('#action-save').count(), 'aucun bouton Publier').toBe(0)
          const menu = await documentMenu(page)
          expect(menu).not.toContain('Annuler la publication')
          expect(menu).not.toContain('Supprimer')
          expect((await storedNews(id, true))?._status).toBe('draft')
        }
      })
      expect(outside).toEqual([])
      await close()
    },
  )

  if (!publishes) {
    it('sees no unpublish or schedule action on a published item of their site', async () => {
      const { json } = await admin.request(
        'GET',
        `/news?where[originSite.slug][equals]=${site}&where[_status][equals]=published&limit=1&depth=0`,
      )
      const published = (json.docs as { id: number }[])[0]!
      const { page, close } = await staffPage(browser, cmsUrl, email, password)
      await screenshotOnFailure(page, `published-${site}-contributor`, async () => {
        await page.goto(`${cmsUrl}/admin/collections/news/${published.id}`)
        await page.locator('#field-title').waitFor()
        expect(await page.locator('#action-save, #action-save-popup').count()).toBe(0)
        expect(await documentMenu(page)).not.toContain('Annuler la publication')
      })
      await close()
      expect((await storedNews(String(published.id), false))?._status).toBe('published')
    })
  }

  it('creates a page on their site without choosing it', async () => {
    const { page, close } = await staffPage(browser, cmsUrl, email, password)
    const title = `Page ${site} ${Date.now()}`
    await screenshotOnFailure(page, `page-${site}`, async () => {
      await page.goto(`${cmsUrl}/admin/collections/pages/create`)
      await page.locator('#field-title').fill(title)
      await page.locator(publishes ? '#action-save' : '#action-save-draft').click()
      await waitForSuccessToast(page)
    })
    await close()
    const { json } = await admin.request('GET', `/pages?where[title][equals]=${encodeURIComponent(title)}&draft=true&depth=1`)
    const created = (json.docs as { site: { slug: string }; _status: string }[])[0]
    expect(created?.site.slug).toBe(site)
    expect(created?._status).toBe(publishes ? 'published' : 'draft')
  })
})

/** Screens every role opens in a working day: the dashboard, each list, each create form. */
const SCREENS = [
  '/admin',
  ...['news', 'pages', 'media', 'resources', 'syndication-decisions', 'redirects', 'categories', 'publications', 'sites', 'users'].map(
    (c) => `/admin/collections/${c}`,
  ),
  // Not news: opening its create form autosaves a new draft at once (its edit form is checked below).
  ...['pages', 'media', 'resources', 'redirects'].map((c) => `/admin/collections/${c}/create`),
]

describe.each(ROLES)('$role sees the French admin whole', ({ email, site }) => {
  it('no screen shows [object Object], an unfilled {{placeholder}} or a known English string', async () => {
    const { page, close } = await staffPage(browser, cmsUrl, email, password)
    const findings: string[] = []
    await screenshotOnFailure(page, `strings-${site}`, async () => {
      for (const screen of SCREENS) {
        const response = await page.goto(`${cmsUrl}${screen}`)
        if (!response || response.status() >= 400) continue
        await page.locator('.template-default, .template-minimal').first().waitFor()
        // Create forms that autosave redirect to the new document: wait for the form.
        await page.waitForLoadState('networkidle').catch(() => {})
        for (const finding of await findBrokenAdminStrings(page)) findings.push(`${screen} → ${finding}`)
      }
      // One of their news items, and its versions.
      const own = await page.evaluate(async () => (await (await fetch('/api/news?limit=1&depth=0')).json()) as { docs: { id: number }[] })
      for (const screen of own.docs[0] ? [`news/${own.docs[0].id}`, `news/${own.docs[0].id}/versions`] : []) {
        await page.goto(`${cmsUrl}/admin/collections/${screen}`)
        await page.locator('.template-default').first().waitFor()
        await page.waitForLoadState('networkidle').catch(() => {})
        for (const finding of await findBrokenAdminStrings(page)) findings.push(`${screen} → ${finding}`)
      }
    })
    await close()
    expect(findings).toEqual([])
  })
})

describe('the news list', () => {
  it('sorted by « Statut » by a click shows a site editor their drafts first, then published items first', async () => {
    const editor = await RestClient.login(cmsUrl, 'editor@calacs-outaouais.example', password)
    const title = `Brouillon à trier ${Date.now()}`
    const created = await editor.request('POST', '/news?draft=true', { title, _status: 'draft' })
    expect(created.status).toBe(201)
    const { page, close } = await staffPage(browser, cmsUrl, 'editor@calacs-outaouais.example', password)
    const firstStatus = () => page.locator('tbody tr').first().locator('.cell-_status').innerText()
    await screenshotOnFailure(page, 'news-list-sorted', async () => {
      await page.goto(`${cmsUrl}/admin/collections/news`)
      await clickUntilUrl(page, page.getByRole('button', { name: 'Trier par Statut, ordre croissant' }), /[?&]sort=_status(&|$)/)
      await expect.poll(firstStatus).toBe('Brouillon')
      await clickUntilUrl(page, page.getByRole('button', { name: 'Trier par Statut, ordre décroissant' }), /[?&]sort=-_status(&|$)/)
      await expect.poll(firstStatus).toBe('Publié')
    })
    await close()
    expect((await admin.request('DELETE', `/news/${(created.json.doc as { id: number }).id}`)).status).toBe(200)
  })
})

describe('refusals reach people in French', () => {
  it('an SVG upload is refused with the reason, and nothing is stored', async () => {
    const { page, close } = await staffPage(browser, cmsUrl, 'contributor@maison-de-marthe.example', password)
    const before = (await admin.request('GET', '/media?limit=1&depth=0')).json.totalDocs
    await screenshotOnFailure(page, 'svg-refused', async () => {
      await page.goto(`${cmsUrl}/admin/collections/media/create`)
      await page.locator('input[type="file"]').setInputFiles({
        name: 'logo.svg',
        mimeType: 'image/svg+xml',
        buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
      })
      await page.locator('#field-alt').fill('Logo')
      await page.locator('#action-save').click()
      expect(await waitForErrorToast(page)).toContain('SVG')
    })
    await close()
    expect((await admin.request('GET', '/media?limit=1&depth=0')).json.totalDocs).toBe(before)
  })

  it.each([
    ['an HTML file named .jpg', 'photo.jpg', Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>'), 400],
    ['a 30 MB file', 'enorme.jpg', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(30 * 1024 * 1024)]), 413],
  ])('%s is refused with a 4xx and a French message', async (_what, name, bytes, status) => {
    const contributor = await RestClient.login(cmsUrl, 'contributor@maison-de-marthe.example', password)
    const form = new FormData()
    form.append('file', new Blob([bytes]), name)
    form.append('_payload', JSON.stringify({ alt: 'Essai' }))
    const response = await contributor.request('POST', '/media', form)
    expect(response.status).toBe(status)
    const message = (response.json.errors as { message: string }[])[0]!.message
    expect(message).toMatch(/Fichier trop lourd|Formats acceptés|Type de fichier/)
  })

  it('a contributor who publishes over the API is told why, in French, with a 403', async () => {
    const contributor = await RestClient.login(cmsUrl, 'contributor@maison-de-marthe.example', password)
    const response = await contributor.request('POST', '/news', { title: 'Publication interdite', _status: 'published' })
    expect(response.status).toBe(403)
    expect((response.json.errors as { message: string }[])[0]!.message).toContain('pas publier')
  })
})
