// The small set of brand fonts a site may choose in the CMS. Files come from
// Fontsource packages and are bundled by the site itself (same origin, no
// third-party request); `system` downloads nothing, the fastest choice.
// Only the Latin subset (all French needs) is declared, and it is preloaded
// with `font-display: optional`: the page never reflows when the font arrives
// (no layout shift); a reader on a slow line keeps the system font.
import type { BrandFont } from '@cles/content'
import { createRequire } from 'node:module'

const SYSTEM_STACK = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
const LATIN =
  'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD'

interface FontFace {
  /** Package file, resolved from the kit's dependencies. */
  file: string
  weight: string
  format: 'woff2' | 'woff2-variations'
}

interface FontSet {
  name: string | null
  faces: FontFace[]
}

export const FONT_SETS: Record<BrandFont, FontSet> = {
  system: { name: null, faces: [] },
  'atkinson-hyperlegible': {
    name: 'Atkinson Hyperlegible',
    faces: [
      { file: '@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-latin-400-normal.woff2', weight: '400', format: 'woff2' },
      { file: '@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-latin-700-normal.woff2', weight: '700', format: 'woff2' },
    ],
  },
  'source-sans-3': {
    name: 'Source Sans 3 Variable',
    faces: [
      {
        file: '@fontsource-variable/source-sans-3/files/source-sans-3-latin-wght-normal.woff2',
        weight: '200 900',
        format: 'woff2-variations',
      },
    ],
  },
}

export const fontFamily = (font: BrandFont) => (FONT_SETS[font].name ? `'${FONT_SETS[font].name}', ${SYSTEM_STACK}` : SYSTEM_STACK)

const require = createRequire(import.meta.url)
/** Absolute path of a font file, so Vite bundles it wherever the site lives. */
const fontPath = (file: string) => require.resolve(file)

/** `virtual:cles/font.css`: the @font-face rules of the chosen font, empty for the system font. */
export function fontCss(font: BrandFont): string {
  const { name, faces } = FONT_SETS[font]
  return faces
    .map(
      (face) => `@font-face {
  font-family: '${name}';
  font-style: normal;
  font-weight: ${face.weight};
  font-display: optional;
  src: url(${JSON.stringify(fontPath(face.file))}) format('${face.format}');
  unicode-range: ${LATIN};
}`,
    )
    .join('\n')
}

/** `virtual:cles/font-preload`: the URLs of the font files, for <link rel="preload"> in every page's head. */
export function fontPreloadModule(font: BrandFont): string {
  const faces = FONT_SETS[font].faces
  const imports = faces.map((face, i) => `import f${i} from ${JSON.stringify(`${fontPath(face.file)}?url`)}`)
  return `${imports.join('\n')}\nexport default [${faces.map((_, i) => `f${i}`).join(', ')}]\n`
}
