// A site without its own public/favicon.svg (an organisation added in the CMS,
// built by the generic project) gets one drawn from its brand: the initials of
// its name in white on its main colour (a pair the contrast check guarantees).
// Every page links /favicon.svg; without this file browsers would ask for it in vain.
import { existsSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { SnapshotSite } from '@cles/content'

/** Words left out of initials (« CALACS de l’Outaouais » → « CO »). */
const MINOR = new Set(['de', 'des', 'du', 'la', 'le', 'les', 'et', 'd', 'l', 'à', 'au', 'aux', 'en', 'the', 'of', 'and'])

export function initialsOf(name: string): string {
  const words = name
    .normalize('NFC')
    .split(/[\s’'\-–—]+/u)
    .filter((word) => /\p{L}/u.test(word) && !MINOR.has(word.toLowerCase()))
  const letters = words.map((word) => [...word.replace(/^[^\p{L}]+/u, '')][0] ?? '').join('')
  return (letters || '?').toLocaleUpperCase('fr-CA').slice(0, 3)
}

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`)

export function brandFavicon(site: Pick<SnapshotSite, 'name' | 'brand'>): string {
  const initials = initialsOf(site.name)
  const size = initials.length > 2 ? 22 : 28
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="12" fill="${escapeXml(site.brand.primary)}"/>` +
    `<text x="32" y="${32 + Math.round(size * 0.35)}" font-family="sans-serif" font-size="${size}" font-weight="700" text-anchor="middle" fill="#fff">` +
    `${escapeXml(initials)}</text></svg>`
  )
}

/** Writes `<out>/favicon.svg` unless the site brought its own; true when written. */
export async function writeBrandFavicon(out: string, site: Pick<SnapshotSite, 'name' | 'brand'>): Promise<boolean> {
  const file = join(out, 'favicon.svg')
  if (existsSync(file)) return false
  await writeFile(file, brandFavicon(site))
  return true
}
