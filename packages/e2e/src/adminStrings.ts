// Finds broken interface strings in Payload's French admin: label objects
// printed as « [object Object] », unfilled {{placeholders}}, and English or
// poor French strings known to leak into the interface.
import type { Page } from 'playwright-core'

/**
 * Known English or poor strings, matched case-insensitively anywhere in a
 * text or attribute. « Télécharger » means download: it was shown where
 * upload (« Téléverser ») was meant.
 */
export const KNOWN_BAD_ADMIN_STRINGS: readonly string[] = [
  'Add Row',
  'Add Block',
  'Add Column',
  'Insert Paragraph',
  'An unknown error occurred',
  'Drag to move',
  'Télécharger',
  'Copier vers le lieu',
  // Payload's default labels of a blocks / array field without `labels`.
  'Ajouter Layout',
  'Ajouter Item',
  'Ajouter : Layout',
  'Ajouter : Item',
  'nouveau ou nouvelle',
]

/**
 * Findings Payload 3.90 produces with no translation key to fix them, for
 * `options.ignore` until they are patched (see issue 8): the rich-text
 * editor's hard-coded English button names, and the versions list's sort
 * buttons, which Payload renders without a column label.
 */
export const PAYLOAD_HARD_CODED_STRINGS: readonly string[] = [
  'aria-label: Drag to move',
  'aria-label: Add block',
  'aria-label: Insert Paragraph',
  'aria-label: Trier par {{label}}',
]

/**
 * English words and phrases Payload, its SEO plugin and its rich-text editor
 * show when a French string is missing, and the placeholders it writes for a
 * document it cannot name. For `knownBad`, next to KNOWN_BAD_ADMIN_STRINGS.
 */
export const ENGLISH_OR_UNTITLED_ADMIN_STRINGS: readonly string[] = [
  'Sans titre',
  'Untitled',
  'https://...',
  'Create New',
  'Select a value',
  'Auto-generate',
  'Meta Image',
  'Maximum upload file size',
  'Preview',
  'Overview',
  'Edit link',
  'Remove link',
  'Add block',
  'Search by',
  'No results',
  'Last Modified',
  'Loading',
  'Payload',
  'un(e)',
  'Créé(e)',
  'Aucun(e)',
  '<Pas de',
  // Payload's chip for a related document the person may not read.
  'Nouveau document - ID',
]

/** Attributes read out or shown to staff (tooltips, screen-reader names, hints). */
const ATTRIBUTES = ['title', 'aria-label', 'aria-placeholder', 'aria-description', 'placeholder', 'alt']

export interface BrokenAdminStringsOptions {
  /** Findings to tolerate (e.g. a string Payload hard-codes), as substrings or patterns. */
  ignore?: readonly (string | RegExp)[]
  /** Replaces KNOWN_BAD_ADMIN_STRINGS. */
  knownBad?: readonly string[]
}

/**
 * Returns the offending strings on the current page, each prefixed with where
 * it was found (`text: …`, `aria-label: …`, `title: …`, `placeholder: …`,
 * `document.title: …`), without duplicates. Text nodes are read whether
 * visible or not, so tooltips and closed menus that are already in the DOM
 * count. An empty array means the page is clean.
 */
export async function findBrokenAdminStrings(page: Page, options: BrokenAdminStringsOptions = {}): Promise<string[]> {
  const knownBad = (options.knownBad ?? KNOWN_BAD_ADMIN_STRINGS).map((s) => s.toLowerCase())
  const found = await page.evaluate(
    ({ knownBad, attributes }) => {
      const isBroken = (value: string) => {
        if (value.includes('[object Object]') || value.includes('{{') || value.includes('}}')) return true
        const lower = value.toLowerCase()
        return knownBad.some((bad) => lower.includes(bad))
      }
      const clean = (value: string) => {
        const text = value.replace(/\s+/g, ' ').trim()
        return text.length > 200 ? `${text.slice(0, 200)}…` : text
      }
      const results: string[] = []
      const add = (where: string, value: string | null | undefined) => {
        if (value && isBroken(value)) results.push(`${where}: ${clean(value)}`)
      }
      add('document.title', document.title)
      const skipped = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE'])
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.parentElement && skipped.has(node.parentElement.tagName)) continue
        add('text', node.textContent)
      }
      const selector = attributes.map((name) => `[${name}]`).join(',')
      for (const element of document.body.querySelectorAll(selector)) {
        for (const name of attributes) add(name, element.getAttribute(name))
      }
      return results
    },
    { knownBad, attributes: ATTRIBUTES },
  )
  const ignore = options.ignore ?? []
  const ignored = (finding: string) => ignore.some((rule) => (typeof rule === 'string' ? finding.includes(rule) : rule.test(finding)))
  return [...new Set(found)].filter((finding) => !ignored(finding))
}
