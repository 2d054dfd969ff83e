// Redirects of one site → SnapshotRedirect[], sorted by `from`, one per address.
// The CMS validates both fields, but the snapshot rules are stricter (no quote,
// `$`, `;`, dot segment… so `_redirects`, nginx maps and Location headers never
// need quoting): anything the contract refuses is left out and reported.
import { isSafeRedirect, redirectKey, type SnapshotRedirect } from '@cles/content'
import type { RedirectDoc } from './docs'

export interface RedirectsResult {
  redirects: SnapshotRedirect[]
  /** One French line per redirect left out (unsafe, duplicate or looping). */
  dropped: string[]
}

export function toRedirects(docs: Pick<RedirectDoc, 'id' | 'from' | 'to'>[]): RedirectsResult {
  const candidates = docs
    .map((doc) => ({ id: String(doc.id), from: doc.from.trim(), to: doc.to.trim() }))
    // By address (code-unit order), then by id: of two redirects of one address, the same one always wins.
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.id.localeCompare(b.id, 'en', { numeric: true })))
  const redirects: SnapshotRedirect[] = []
  const dropped: string[] = []
  const seen = new Set<string>()
  for (const { from, to } of candidates) {
    if (!isSafeRedirect({ from, to })) {
      dropped.push(`redirection « ${from} » → « ${to} » ignorée : adresse refusée ou redirection vers elle-même`)
      continue
    }
    if (seen.has(redirectKey(from))) {
      dropped.push(`redirection « ${from} » → « ${to} » ignorée : « ${from} » est déjà redirigée`)
      continue
    }
    seen.add(redirectKey(from))
    redirects.push({ from, to })
  }
  return { redirects, dropped }
}
