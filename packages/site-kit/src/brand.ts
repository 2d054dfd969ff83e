import type { SnapshotBrand } from '@cles/content'
import { fontFamily } from './fonts.ts'

/** Brand tokens become CSS custom properties in a bundled stylesheet (no inline styles, CSP-friendly). */
export function brandCss(brand: SnapshotBrand): string {
  return `:root {
  --brand-primary: ${brand.primary};
  --brand-accent: ${brand.accent};
  --brand-background: ${brand.background};
  --brand-text: ${brand.text};
  --brand-font: ${fontFamily(brand.font)};
}
`
}
