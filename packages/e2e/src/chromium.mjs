// The one list of Chromium flags for unattended runs on this machine (e2e via
// playwright-core, Lighthouse via chrome-launcher). Plain JS so the root
// scripts can import it with node alone; types in chromium.d.mts.

/** Debian's Chromium unless CHROMIUM_PATH says otherwise. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Headless, no sandbox (containers), and none of Chrome's own calls home. */
export const CHROMIUM_FLAGS = Object.freeze([
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
])
