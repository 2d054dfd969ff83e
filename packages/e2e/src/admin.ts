// Helpers for driving Payload's admin UI in Chromium.
import type { Page } from 'playwright-core'

export async function adminLogin(page: Page, cmsUrl: string, email: string, password: string) {
  await page.goto(`${cmsUrl}/admin/login`)
  await page.locator('input[name="email"]').fill(email)
  await page.locator('input[name="password"]').fill(password)
  await page.getByRole('button', { name: 'Se connecter' }).click()
  await page.waitForURL(`${cmsUrl}/admin`)
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

/** Chooses an option in a relationship picker by its visible label. */
export async function pick(page: Page, fieldPath: string, label: string) {
  const field = page.locator(`#field-${fieldPath}`)
  await field.locator('.rs__control').click()
  await page.locator('.rs__option', { hasText: label }).first().click()
}

/** Total documents in a collection's list view, as the admin shows it to this user. */
export async function listTotal(page: Page, cmsUrl: string, collection: string): Promise<number> {
  const response = await page.request.get(`${cmsUrl}/api/${collection}?limit=1&depth=0`)
  return ((await response.json()) as { totalDocs: number }).totalDocs
}

export async function waitForSuccessToast(page: Page) {
  await page.locator('.toast-success, [data-sonner-toast][data-type="success"]').first().waitFor({ timeout: 30_000 })
}
