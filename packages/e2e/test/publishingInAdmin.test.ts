// The publishing round as the people live it, in Chromium, with the publisher
// running as `npm start` runs it: CLES communication writes and publishes an
// article in the admin, proposes it to a partner, sees « En ligne » beside it
// and opens the live page; the partner accepts and it appears on the partner's
// site; unpublishing takes it off both sites; a draft never reaches any site
// but shows in « Aperçu » to the person writing it, in a new tab and beside the form.
import { serveStatic } from '@cles/static-server'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import type { Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { pick, screenshotOnFailure, staffPage, waitForSuccessToast } from '../src/admin.ts'
import { launchChromium } from '../src/browser.ts'
import { currentRelease, startPublisher, until as waitUntil, type PublisherProcess } from '../src/publisher.ts'
import { RestClient } from '../src/restClient.ts'

const cmsUrl = inject('cmsUrl')
const password = inject('password')
const dir = mkdtempSync(join(tmpdir(), 'cles-e2e-publish-admin-'))
const PARTNER = { slug: 'maison-de-marthe', name: 'La Maison de Marthe', editor: 'editor@maison-de-marthe.example' }
let publisher: PublisherProcess | undefined
let browser: Browser
let admin: RestClient
const servers: Server[] = []

const current = (site: string) => currentRelease(join(dir, 'releases'), site)
const live = (site: string, slug: string) => existsSync(join(current(site), 'actualites', slug, 'index.html'))
const until = (what: string, check: () => boolean | Promise<boolean>) => waitUntil(what, check, 240_000, () => publisher?.output() ?? '')

/** Every HTML and XML file of a release, as text (to look for a title anywhere readers could meet it). */
function releaseText(site: string): string {
  const texts: string[] = []
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const file = join(folder, name)
      if (statSync(file).isDirectory()) walk(file)
      else if (/\.(html|xml)$/.test(name)) texts.push(readFileSync(file, 'utf8'))
    }
  }
  walk(current(site))
  return texts.join('\n')
}

beforeAll(async () => {
  browser = await launchChromium()
  admin = await RestClient.login(cmsUrl, 'admin@cles.example', password)
  publisher = await startPublisher(inject('cmsEnv'), dir)
})

afterAll(async () => {
  for (const server of servers) server.close()
  await browser?.close()
  await publisher?.stop()
  rmSync(dir, { recursive: true, force: true })
})

async function stored(id: string): Promise<{ title?: string; slug: string }> {
  const { json } = await admin.request('GET', `/news/${id}?draft=true&depth=0`)
  return json as { title?: string; slug: string }
}

describe('publishing from the admin reaches readers, and only what is published', () => {
  const round =
    'comms publishes and proposes an article, sees « En ligne » and opens it; a partner accepts; ' +
    'unpublishing removes it everywhere; a draft reaches no site but shows in « Aperçu »'
  it(
    round,
    async () => {
      const stamp = Date.now()
      const title = `Article publié depuis l’administration ${stamp}`
      const draftTitle = `Brouillon jamais publié ${stamp}`
      const { page, outside, close } = await staffPage(browser, cmsUrl, 'comms@cles.example', password)
      await screenshotOnFailure(page, 'publishing-in-admin', async () => {
        // A draft that stays a draft: autosaved, never published.
        await page.goto(`${cmsUrl}/admin/collections/news/create`)
        await page.waitForURL(/\/admin\/collections\/news\/\d+/, { timeout: 60_000 })
        const draftId = /\/news\/(\d+)/.exec(page.url())![1]!
        await page.locator('#field-title').fill(draftTitle)
        // Autosave runs every 2 s.
        await until('le brouillon est enregistré', async () => (await stored(draftId)).title === draftTitle)

        // « Aperçu »: the draft in its site's design, for signed-in staff only, never cached or indexed.
        const button = page.locator('#preview-button')
        expect(await button.getAttribute('aria-label')).toBe('Aperçu')
        const [preview] = await Promise.all([page.context().waitForEvent('page'), button.click()])
        await preview.locator('h1', { hasText: draftTitle }).waitFor({ timeout: 120_000 })
        expect(await preview.locator('.quick-exit').count(), 'the site’s own page, quick exit included').toBe(1)
        expect(await preview.locator('link[rel="stylesheet"][href*="/api/apercu-fichiers"]').count()).toBeGreaterThan(0)
        const headers = await preview.evaluate(async () => {
          const response = await fetch(location.href, { cache: 'no-store' })
          return {
            status: response.status,
            cache: response.headers.get('cache-control'),
            robots: response.headers.get('x-robots-tag'),
            frame: response.headers.get('x-frame-options'),
            csp: response.headers.get('content-security-policy'),
          }
        })
        // The site's own policy, framable by the admin's live preview only.
        expect(headers).toEqual({
          status: 200,
          cache: 'no-store, private',
          robots: 'noindex, nofollow, noarchive',
          frame: 'SAMEORIGIN',
          csp: expect.stringMatching(/^default-src 'self'; script-src 'self';.*frame-ancestors 'self'$/),
        })
        await preview.close()
        // Payload's live preview: the same page beside the form, following each autosave.
        await page.getByRole('button', { name: 'Aperçu à côté du formulaire' }).click()
        const beside = page.frameLocator('iframe')
        await beside.locator('h1', { hasText: draftTitle }).waitFor({ timeout: 120_000 })
        await page.locator('#field-title').fill(`${draftTitle} (revu)`)
        await beside.locator('h1', { hasText: `${draftTitle} (revu)` }).waitFor({ timeout: 60_000 })
        await page.getByRole('button', { name: 'Fermer l’aperçu à côté' }).click()
        const anonymous = await fetch(`${cmsUrl}/api/apercu/news/${draftId}`)
        expect(anonymous.status).toBe(401)
        expect(await anonymous.text()).not.toContain(draftTitle)

        // The article: written, proposed to a partner, published with « Publier ».
        await page.goto(`${cmsUrl}/admin/collections/news/create`)
        await page.waitForURL(/\/admin\/collections\/news\/\d+/, { timeout: 60_000 })
        const id = /\/news\/(\d+)/.exec(page.url())![1]!
        await page.locator('#field-title').fill(title)
        await pick(page, 'targetSites', PARTNER.name)
        await page.locator('#action-save').click()
        await waitForSuccessToast(page)
        const { slug } = await stored(id)
        await until('l’article est en ligne sur le site de la CLES', () => live('cles', slug))

        // The admin says where it is online, with a link to the live page: the sidebar
        // follows the release by itself, no reload.
        const status = page.locator('.cles-live-status')
        await status.locator('[data-site-status="live"]').first().waitFor({ timeout: 60_000 })
        expect(await status.innerText()).toContain('en ligne')
        expect(await status.locator(`[data-site-status="proposed"]`).innerText()).toContain('proposition en attente')
        const href = await status.locator('[data-site-status="live"] a').first().getAttribute('href')
        expect(new URL(href!, cmsUrl).pathname).toBe(`/actualites/${slug}/`)
        // Opened as a reader would, from the release the link points to (served on loopback).
        const server = await serveStatic({ dir: current('cles'), port: 0 })
        servers.push(server)
        const reader = await browser.newPage()
        await reader.goto(`http://127.0.0.1:${(server.address() as { port: number }).port}${new URL(href!, cmsUrl).pathname}`)
        expect(await reader.locator('h1').innerText()).toBe(title)
        await reader.close()

        // The partner accepts: the article appears on the partner's site.
        const partner = await RestClient.login(cmsUrl, PARTNER.editor, password)
        const { json: sites } = await partner.request('GET', `/sites?where[slug][equals]=${PARTNER.slug}&depth=0`)
        const partnerSite = (sites.docs as { id: number }[])[0]!
        const accepted = await partner.request('POST', '/syndication-decisions', {
          news: Number(id),
          site: partnerSite.id,
          decision: 'accepted',
        })
        expect(accepted.status, JSON.stringify(accepted.json)).toBe(201)
        await until('l’article accepté est en ligne sur le site partenaire', () => live(PARTNER.slug, slug))

        // « Annuler la publication »: gone from both sites.
        await page.reload()
        await page.locator('.doc-controls__popup .popup-button').click()
        await page.locator('.popup__content').last().getByText('Annuler la publication', { exact: true }).click()
        await page.getByRole('button', { name: 'Confirmer' }).click()
        await waitForSuccessToast(page)
        await until('l’article retiré disparaît des deux sites', () => !live('cles', slug) && !live(PARTNER.slug, slug))
        for (const site of ['cles', PARTNER.slug]) expect(releaseText(site), site).not.toContain(title)

        // The draft, written before every release above, is nowhere.
        const { slug: draftSlug } = await stored(draftId)
        for (const site of ['cles', PARTNER.slug]) {
          expect(live(site, draftSlug), site).toBe(false)
          expect(releaseText(site), site).not.toContain(draftTitle)
        }
      })
      expect(outside).toEqual([])
      await close()
      // Three releases, and the preview renderer's first build: more than the default two minutes on a busy machine.
    },
    360_000,
  )
})
