// The admin's first screen for each role, in Chromium with the demo accounts:
// the role's sections in French (no English, no « Sans titre », no broken
// string), axe-core clean, and the one-click answers to a proposal — a
// partner declines on the dashboard with a reason, accepts on the item's page,
// changes an answer — stored through the API with who and when, and shown to
// CLES communication.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { adminLogin, screenshotOnFailure } from '../src/admin.ts'
import { findBrokenAdminStrings, PAYLOAD_HARD_CODED_STRINGS } from '../src/adminStrings.ts'
import { AXE_TAGS, axeViolations, type AxeViolation } from '../src/axe.ts'
import { launchChromium, loopbackContext } from '../src/browser.ts'
import { RestClient } from '../src/restClient.ts'

const cmsUrl = inject('cmsUrl')
const password = inject('password')
const PARTNER = 'calacs-etoile-du-nord'
let browser: Browser
let admin: RestClient
let partnerSite: { id: number; name: string }
const proposal = { toAccept: { id: 0, title: '' }, toDecline: { id: 0, title: '' } }

const PARTNER_SECTIONS = ['Propositions de la CLES', 'Brouillons de votre site', 'Publications programmées', 'Publication de votre site']
const ROLES = [
  { who: 'partner editor', email: `editor@${PARTNER}.example`, sections: PARTNER_SECTIONS, answers: true },
  { who: 'partner contributor', email: `contributor@${PARTNER}.example`, sections: PARTNER_SECTIONS, answers: false },
  { who: 'partner site admin', email: 'admin@maison-de-marthe.example', sections: PARTNER_SECTIONS, answers: false },
  {
    who: 'CLES communication',
    email: 'comms@cles.example',
    sections: ['Actualités récentes de la CLES', 'Réponses des partenaires'],
    answers: false,
  },
  {
    who: 'network admin',
    email: 'admin@cles.example',
    sections: ['Publication des sites', 'Ressources à revérifier', 'Comptes sans accès à un site'],
    answers: false,
  },
]

/** The dashboards' English wording: none of it may reach a French admin. */
const ENGLISH = [
  'Dashboard',
  'Proposals from CLES',
  'awaits your answer',
  'drafts',
  'Scheduled publishing',
  'Site publishing',
  'Recent CLES news',
  'Partner answers',
  'Resources to review',
  'Accounts without',
  'Accept for',
  'Decline',
  'published on',
  'not answered',
  'No proposal',
  'Nothing is scheduled',
]

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/** axe-core on the role dashboard alone (after axeViolations has put axe in the page, or on its own). */
async function dashboardViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE })
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (context: object, options: object) => Promise<{ violations: AxeRun[] }> } }).axe
    type AxeRun = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }
    const { violations } = await axe.run({ include: [['[data-cles-dashboard]']] }, { runOnly: { type: 'tag', values: tags } })
    return violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }))
  }, AXE_TAGS)
}

/** A signed-in admin page (as staffPage in src/admin.ts), patient with a CMS that compiles pages on first use. */
async function staffPage(email: string) {
  const { context, outside } = await loopbackContext(browser)
  const page = await context.newPage()
  page.setDefaultTimeout(120_000)
  await adminLogin(page, cmsUrl, email, password)
  return { page, outside, close: () => context.close() }
}

/** A fresh load of the dashboard (the admin's client-side jump after sign-in leaves the page without a title). */
async function openDashboard(page: Page) {
  await page.goto(`${cmsUrl}/admin`)
  await page.locator('[data-cles-dashboard]').waitFor()
  await page.waitForLoadState('networkidle').catch(() => {})
}

async function answerOf(newsId: number) {
  const { json } = await admin.request('GET', `/syndication-decisions?where[news][equals]=${newsId}&depth=1`)
  return (
    json.docs as {
      id: number
      decision: string
      reason?: string | null
      decidedAt?: string
      decidedBy?: { email: string }
      site: { id: number }
    }[]
  )[0]
}

beforeAll(async () => {
  browser = await launchChromium()
  admin = await RestClient.login(cmsUrl, 'admin@cles.example', password)
  const { json } = await admin.request('GET', `/sites?where[slug][equals]=${PARTNER}&depth=0`)
  partnerSite = (json.docs as { id: number; name: string }[])[0]!
  // CLES communication publishes two items proposed to the partner, as it does every week.
  const comms = await RestClient.login(cmsUrl, 'comms@cles.example', password)
  for (const key of ['toAccept', 'toDecline'] as const) {
    const title = `Proposition ${key === 'toAccept' ? 'à accepter' : 'à refuser'} ${Date.now()}`
    const created = await comms.request('POST', '/news', { title, targetSites: [partnerSite.id], _status: 'published' })
    expect(created.status, JSON.stringify(created.json)).toBe(201)
    proposal[key] = { id: (created.json.doc as { id: number }).id, title }
  }
})
afterAll(async () => browser?.close())

describe.each(ROLES)('$who: the first screen', ({ who, email, sections, answers }) => {
  it('shows the role’s sections in French, no English, no « Sans titre », no broken string, and passes axe', async () => {
    const { page, outside, close } = await staffPage(email)
    await screenshotOnFailure(page, `dashboard-${who.replace(/\W+/g, '-')}`, async () => {
      await openDashboard(page)
      const dashboard = page.locator('[data-cles-dashboard]')
      expect(await dashboard.locator('h2').allInnerTexts()).toEqual(sections)
      const text = await dashboard.innerText()
      for (const english of ENGLISH) expect(text, `« ${english} » on the dashboard of ${who}`).not.toContain(english)
      expect(await page.locator('body').innerText()).not.toMatch(/sans titre|untitled/i)
      expect(await findBrokenAdminStrings(page, { ignore: PAYLOAD_HARD_CODED_STRINGS })).toEqual([])
      // The collection links stay below the role's sections.
      expect(await page.locator('.collections .card').count()).toBeGreaterThan(0)

      if (sections === PARTNER_SECTIONS && email.includes(PARTNER)) {
        expect(text).toMatch(/\d+ actualités? de la CLES (attend|attendent) votre réponse/)
        for (const item of Object.values(proposal)) {
          const row = dashboard.locator(`[data-proposal="${item.id}"]`)
          expect(await row.innerText()).toContain(item.title)
          const buttons = row.getByRole('button', { name: `Accepter pour ${partnerSite.name}` })
          expect(await buttons.count(), `${who}: answer buttons`).toBe(answers ? 1 : 0)
        }
        if (!answers) expect(text).toContain('Seules l’administration et l’édition du site peuvent répondre')
      }

      // The whole page, Payload's top bar included (custom.scss darkens its language label).
      expect(await axeViolations(page)).toEqual([])
      expect(await dashboardViolations(page)).toEqual([])
    })
    expect(outside).toEqual([])
    await close()
  })
})

describe('one-click answers to a proposal', () => {
  it('the partner declines on the dashboard, with a reason; the decision is stored with who and when', async () => {
    const { page, close } = await staffPage(`editor@${PARTNER}.example`)
    await screenshotOnFailure(page, 'dashboard-decline', async () => {
      await openDashboard(page)
      const row = page.locator(`[data-proposal="${proposal.toDecline.id}"]`)
      await row.getByRole('button', { name: 'Refuser', exact: true }).click()
      await row.getByLabel('Raison du refus (facultatif)').fill('Hors de notre région')
      await row.getByRole('button', { name: 'Confirmer le refus' }).click()
      const confirmation = page.locator('[data-answer-feedback="success"]')
      await expect.poll(() => confirmation.innerText(), { timeout: 30_000 }).toContain('Réponse enregistrée')
      expect(await confirmation.innerText()).toContain(`est refusée pour ${partnerSite.name}`)
      // The dashboard refreshes: the answered proposal leaves the list, the confirmation stays.
      await row.waitFor({ state: 'detached', timeout: 30_000 })
      expect(await confirmation.innerText()).toContain('Réponse enregistrée')
    })
    await close()
    const stored = await answerOf(proposal.toDecline.id)
    expect(stored).toMatchObject({ decision: 'declined', reason: 'Hors de notre région', site: { id: partnerSite.id } })
    expect(stored?.decidedBy?.email).toBe(`editor@${PARTNER}.example`)
    expect(Date.now() - new Date(stored!.decidedAt!).getTime()).toBeLessThan(5 * 60_000)
  })

  it('the partner accepts on the item’s page, where no generic answer form is offered; a stale tab gets the API’s French refusal', async () => {
    const { page, close } = await staffPage(`editor@${PARTNER}.example`)
    await screenshotOnFailure(page, 'item-accept', async () => {
      // A second tab opened before the answer still offers « Accepter ».
      const staleTab = await page.context().newPage()
      staleTab.setDefaultTimeout(120_000)
      await staleTab.goto(`${cmsUrl}/admin/collections/news/${proposal.toAccept.id}`)
      await staleTab.locator('[data-proposal-panel]').waitFor()

      await page.goto(`${cmsUrl}/admin/collections/news/${proposal.toAccept.id}`)
      const panel = page.locator('[data-proposal-panel]')
      await panel.waitFor()
      expect(await panel.innerText()).toContain('Proposition à votre site')
      expect(await page.locator('.field-type.join').count(), 'the generic related-documents table').toBe(0)
      await panel.getByRole('button', { name: `Accepter pour ${partnerSite.name}` }).click()
      await expect.poll(() => panel.locator('[role="status"]').innerText(), { timeout: 30_000 }).toContain('Réponse enregistrée')
      expect(await panel.innerText()).toContain(`Acceptée pour ${partnerSite.name}`)
      expect(await panel.getByRole('button', { name: 'Refuser plutôt' }).count()).toBe(1)
      for (const finding of await findBrokenAdminStrings(page, { ignore: PAYLOAD_HARD_CODED_STRINGS })) expect.fail(finding)

      const stalePanel = staleTab.locator('[data-proposal-panel]')
      await stalePanel.getByRole('button', { name: `Accepter pour ${partnerSite.name}` }).click()
      await expect
        .poll(() => stalePanel.locator('[role="alert"]').innerText(), { timeout: 30_000 })
        .toContain('Ce site a déjà répondu à cette proposition')
    })
    await close()
    const stored = await answerOf(proposal.toAccept.id)
    expect(stored).toMatchObject({ decision: 'accepted', site: { id: partnerSite.id } })
    expect(stored?.reason ?? null).toBeNull()
    expect(stored?.decidedBy?.email).toBe(`editor@${PARTNER}.example`)
  })

  it('CLES communication sees each answer at a glance, on its dashboard and on the item', async () => {
    const { page, close } = await staffPage('comms@cles.example')
    await screenshotOnFailure(page, 'comms-answers', async () => {
      await openDashboard(page)
      const accepted = await page.locator(`[data-proposed-news="${proposal.toAccept.id}"] [data-answers="accepted"]`).innerText()
      expect(accepted).toContain(partnerSite.name)
      const declined = await page.locator(`[data-proposed-news="${proposal.toDecline.id}"] [data-answers="declined"]`).innerText()
      expect(declined).toContain(`${partnerSite.name} (Hors de notre région)`)

      await page.goto(`${cmsUrl}/admin/collections/news/${proposal.toDecline.id}`)
      const panel = page.locator('[data-proposal-panel]')
      await panel.waitFor()
      expect(await panel.innerText()).toContain('Réponses des sites')
      expect(await panel.locator('[data-site-answer="declined"]').innerText()).toMatch(
        // French spacing: a no-break space before « : » (\s matches it).
        new RegExp(`^${partnerSite.name}\\s:\\srefusée \\(Hors de notre région\\) le `),
      )
      expect(await panel.getByRole('button').count(), 'CLES communication does not answer for partners').toBe(0)
    })
    await close()
  })

  it('the partner changes a refusal into an acceptance; the reason goes', async () => {
    const { page, close } = await staffPage(`editor@${PARTNER}.example`)
    await screenshotOnFailure(page, 'item-change', async () => {
      await page.goto(`${cmsUrl}/admin/collections/news/${proposal.toDecline.id}`)
      const panel = page.locator('[data-proposal-panel]')
      await panel.waitFor()
      expect(await panel.innerText()).toContain(`Refusée pour ${partnerSite.name}`)
      await panel.getByRole('button', { name: 'Accepter plutôt' }).click()
      await expect.poll(() => panel.locator('[role="status"]').innerText(), { timeout: 30_000 }).toContain('Réponse enregistrée')
    })
    await close()
    const stored = await answerOf(proposal.toDecline.id)
    expect(stored).toMatchObject({ decision: 'accepted' })
    expect(stored?.reason ?? null).toBeNull()
  })
})
