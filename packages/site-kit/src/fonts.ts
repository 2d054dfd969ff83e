// The small set of brand fonts a site may choose in the CMS. Files come from
// Fontsource packages and are bundled by the site itself (same origin, no
// third-party request); `system` downloads nothing, the fastest choice.
import type { BrandFont } from '@cles/content'

const SYSTEM_STACK = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"

interface FontSet {
  /** Fontsource stylesheets to bundle (only the Latin subset French needs when the font has one per subset). */
  stylesheets: string[]
  family: string
}

export const FONT_SETS: Record<BrandFont, FontSet> = {
  system: { stylesheets: [], family: SYSTEM_STACK },
  'atkinson-hyperlegible': {
    stylesheets: ['@fontsource/atkinson-hyperlegible/latin-400.css', '@fontsource/atkinson-hyperlegible/latin-700.css'],
    family: `'Atkinson Hyperlegible', ${SYSTEM_STACK}`,
  },
  'source-sans-3': {
    // One variable file per script; unicode-range makes browsers fetch only the Latin one for French.
    stylesheets: ['@fontsource-variable/source-sans-3/wght.css'],
    family: `'Source Sans 3 Variable', ${SYSTEM_STACK}`,
  },
}

/** `virtual:cles/font.css`: the chosen font's @font-face rules, empty for the system font. */
export const fontCss = (font: BrandFont) => FONT_SETS[font].stylesheets.map((sheet) => `@import ${JSON.stringify(sheet)};`).join('\n') + '\n'
