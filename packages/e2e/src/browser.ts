// Debian's Chromium driven by playwright-core, locked to loopback.
import { existsSync } from 'node:fs'
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from 'playwright-core'
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './chromium.mjs'

// No QUIC: the pages' traffic stays on TCP.
const FLAGS = [...CHROMIUM_FLAGS, '--disable-quic']

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium introuvable (${CHROMIUM_PATH}). Installez-le : apt-get update && apt-get install -y chromium — ou définissez CHROMIUM_PATH.`,
    )
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: FLAGS, headless: true })
}

const isLoopback = (url: string) => {
  const { hostname, protocol } = new URL(url)
  if (protocol === 'data:' || protocol === 'blob:') return true
  return hostname === 'localhost' || hostname === '[::1]' || /^127\./.test(hostname)
}

/**
 * A context in which every non-loopback request is stubbed (`stubs`) or
 * aborted, and recorded, so a test can never reach the internet. `options`
 * go to newContext (e.g. javaScriptEnabled: false); the blocking stays.
 */
export async function loopbackContext(
  browser: Browser,
  stubs: Record<string, string> = {},
  options: BrowserContextOptions = {},
): Promise<{ context: BrowserContext; outside: string[]; stubbed: { url: string; referer: string | undefined }[] }> {
  const context = await browser.newContext({ locale: 'en-US', ...options })
  const outside: string[] = []
  const stubbed: { url: string; referer: string | undefined }[] = []
  await context.route('**/*', async (route) => {
    const request = route.request()
    const url = request.url()
    if (isLoopback(url)) return route.continue()
    const stub = Object.entries(stubs).find(([prefix]) => url.startsWith(prefix))
    if (stub) {
      stubbed.push({ url, referer: request.headers()['referer'] })
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: stub[1] })
    }
    outside.push(url)
    return route.abort('blockedbyclient')
  })
  return { context, outside, stubbed }
}
