// Helpers for driving Payload's admin UI in Chromium.
import type { Browser, Locator, Page } from 'playwright-core'
import { loopbackContext } from './browser.ts'

export async function adminLogin(page: Page, cmsUrl: string, email: string, password: string) {
  await page.goto(`${cmsUrl}/admin/login`)
  await page.locator('input[name="email"]').fill(email)
  await page.locator('input[name="password"]').fill(password)
  await page.getByRole('button', { name: 'Se connecter' }).click()
  await page.waitForURL(`${cmsUrl}/admin`)
}

/**
 * Clicks until the address matches `url`. A click that lands before the list's React code
 * is ready does nothing (seen once in CI on a slow machine), so one click is not enough.
 */
export async function clickUntilUrl(page: Page, target: Locator, url: RegExp, timeout = 30_000) {
  const deadline = Date.now() + timeout
  for (;;) {
    await target.click()
    const left = deadline - Date.now()
    try {
      await page.waitForURL(url, { timeout: Math.max(1, Math.min(3_000, left)) })
      return
    } catch (error) {
      if (Date.now() >= deadline) throw error
    }
  }
}

/** Opens a relationship picker and returns the labels it offers. */
export async function pickerOptions(page: Page, fieldPath: string): Promise<string[]> {
  const field = page.locator(`#field-${fieldPath}`)
  await field.locator('.rs__control').click()
  await page.locator('.rs__option').first().waitFor()
  const labels = await page.locator('.rs__option').allInnerTexts()
  await page.keyboard.press('Escape')
  return labels.map((l) => l.trim())
}

/** Chooses an option in a relationship picker by its visible label, typed as a search (the list loads 10 at a time). */
export async function pick(page: Page, fieldPath: string, label: string) {
  const field = page.locator(`#field-${fieldPath}`)
  await field.locator('.rs__control').click()
  await field.locator('input').first().fill(label.slice(0, 40))
  await page.locator('.rs__option', { hasText: label }).first().click()
}

/**
 * Waits for a success toast. `text` picks the toast of this action: the one of an
 * earlier action (« publié ») can still be on screen for a few seconds.
 */
export async function waitForSuccessToast(page: Page, text?: RegExp) {
  const toasts = page.locator('.toast-success, [data-sonner-toast][data-type="success"]')
  await (text ? toasts.filter({ hasText: text }) : toasts).first().waitFor({ timeout: 30_000 })
}

/** A signed-in admin page for one person, in a loopback-only browser context. */
export async function staffPage(browser: Browser, cmsUrl: string, email: string, password: string) {
  const { context, outside } = await loopbackContext(browser)
  const page = await context.newPage()
  await adminLogin(page, cmsUrl, email, password)
  return { page, outside, close: () => context.close() }
}

/** Runs `run`; on failure keeps a full-page screenshot in /tmp for the person reading the CI log. */
export async function screenshotOnFailure(page: Page, name: string, run: () => Promise<void>) {
  try {
    await run()
  } catch (error) {
    await page.screenshot({ path: `/tmp/cles-e2e-${name}.png`, fullPage: true }).catch(() => {})
    throw error
  }
}

export async function waitForErrorToast(page: Page): Promise<string> {
  const toast = page.locator('.toast-error, [data-sonner-toast][data-type="error"]').first()
  await toast.waitFor({ timeout: 30_000 })
  return toast.innerText()
}

/** The labels of the document's « ⋮ » menu (duplicate, delete, unpublish…). */
export async function documentMenu(page: Page): Promise<string[]> {
  await page.locator('.doc-controls__popup .popup-button').click()
  // The menu opens in a portal, outside the controls.
  const items = page.locator('.popup__content').last().locator('button, a')
  await items.first().waitFor()
  const labels = (await items.allInnerTexts()).map((l) => l.trim())
  await page.keyboard.press('Escape')
  return labels
}
