// WCAG 2 contrast between brand colours. A brand that would make text hard to
// read (below 4.5:1) stops the build with a message saying what to change.
import type { SnapshotBrand } from '@cles/content'

export const MIN_CONTRAST = 4.5

function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + i * 2, 3 + i * 2), 16) / 255
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2)
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (hi + 0.05) / (lo + 0.05)
}

/** The colour pairs the site kit actually draws, with what each is used for. */
const PAIRS: { fg: keyof SnapshotBrand | '#ffffff'; bg: keyof SnapshotBrand; use: string }[] = [
  { fg: 'text', bg: 'background', use: 'le texte sur le fond de page' },
  { fg: 'accent', bg: 'background', use: 'les liens (couleur d’accent) sur le fond de page' },
  { fg: '#ffffff', bg: 'primary', use: 'le texte blanc de l’en-tête sur la couleur principale' },
]

/** French messages for every pair below 4.5:1; empty when the brand is readable. */
export function contrastProblems(brand: SnapshotBrand): string[] {
  const colour = (key: keyof SnapshotBrand | '#ffffff') => (key === '#ffffff' ? key : brand[key])
  return PAIRS.flatMap(({ fg, bg, use }) => {
    const ratio = contrastRatio(colour(fg), colour(bg))
    return ratio >= MIN_CONTRAST
      ? []
      : [
          `contraste ${ratio.toFixed(2)}:1 pour ${use} (${colour(fg)} sur ${colour(bg)}) ; il faut au moins ${MIN_CONTRAST}:1 — ` +
            `foncez ou éclaircissez l’une des deux couleurs dans le CMS (Sites › Marque).`,
        ]
  })
}
