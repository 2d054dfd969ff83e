// What a visit leaves behind or sends away, as readable problems: requests to
// another origin (a reader's visit must not be visible to a third party) and
// anything stored in the browser (which would outlive the quick exit).
import type { BrowserContext, Page } from 'playwright-core'

/** A loopback tab whose every request is recorded (see loopbackContext). */
export interface RecordedTab {
  context: BrowserContext
  page: Page
  outside: string[]
  requests: string[]
}

/** Requests to anything but `origin`, including those loopbackContext blocked before they left. */
export function offOriginProblems(tab: RecordedTab, origin: string): string[] {
  const offOrigin = new Set([...tab.requests.filter((url) => !url.startsWith(`${origin}/`)), ...tab.outside])
  return [...offOrigin].map((url) => `request to another origin: ${url}`)
}

/** Cookies, Web Storage and IndexedDB: all must stay empty. */
export async function storageProblems(tab: RecordedTab): Promise<string[]> {
  const problems: string[] = []
  const state = await tab.context.storageState()
  for (const cookie of state.cookies) problems.push(`cookie set: ${cookie.name} (${cookie.domain})`)
  for (const origin of state.origins) {
    problems.push(`storage kept for ${origin.origin}: localStorage keys ${JSON.stringify(origin.localStorage.map((item) => item.name))}`)
  }
  const inPage = await tab.page.evaluate(async () => {
    const keys = (storage: Storage) => Array.from({ length: storage.length }, (_, i) => storage.key(i))
    return {
      localStorage: keys(localStorage),
      sessionStorage: keys(sessionStorage),
      indexedDB: (await indexedDB.databases()).map((db) => db.name ?? '(unnamed)'),
    }
  })
  for (const [store, keys] of Object.entries(inPage)) {
    if (keys.length) problems.push(`${store} not empty: ${JSON.stringify(keys)}`)
  }
  return problems
}
