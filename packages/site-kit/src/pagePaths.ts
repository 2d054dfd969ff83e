// Which CMS pages a site can serve at their `path`. The catch-all route must
// never take a URL that belongs to the kit (the contract's reserved segments:
// news, resources, network…; the CMS refuses them too) or to one of the site's
// own files in src/pages, so such pages are left out and reported at build time
// instead of silently replacing another page.
import { existsSync, readdirSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { reservedSegmentOf, type SnapshotPage } from '@cles/content'

/** URL paths (`/a-propos/`) of a site's own static pages: src/pages/**\/*.{astro,md,mdx,html}, dynamic ones excepted. */
export function localPagePaths(pagesDir: string): string[] {
  if (!existsSync(pagesDir)) return []
  return readdirSync(pagesDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(astro|mdx?|html)$/.test(file) && !file.includes('['))
    .map((file) => {
      const segments = relative(pagesDir, join(pagesDir, file))
        .replace(/\.(astro|mdx?|html)$/, '')
        .split(sep)
      if (segments.at(-1) === 'index') segments.pop()
      return segments.length ? `/${segments.join('/')}/` : '/'
    })
    .sort()
}

export function servablePages(pages: SnapshotPage[], localPaths: string[]) {
  const taken = new Set(localPaths)
  const served: SnapshotPage[] = []
  const skipped: { page: SnapshotPage; reason: string }[] = []
  for (const page of pages) {
    const reserved = reservedSegmentOf(page.path)
    if (reserved) skipped.push({ page, reason: `l’adresse /${reserved}/ est réservée au site` })
    else if (taken.has(page.path)) skipped.push({ page, reason: `une page locale du site utilise déjà ${page.path}` })
    else served.push(page)
  }
  return { served, skipped }
}

/** Ancestors of a page, root first, following parentId among the served pages. */
export function ancestorsOf(page: SnapshotPage, pages: SnapshotPage[]): SnapshotPage[] {
  const byId = new Map(pages.map((p) => [p.id, p]))
  const trail: SnapshotPage[] = []
  const seen = new Set([page.id])
  for (
    let parent = page.parentId ? byId.get(page.parentId) : undefined;
    parent && !seen.has(parent.id);
    parent = parent.parentId ? byId.get(parent.parentId) : undefined
  ) {
    seen.add(parent.id)
    trail.unshift(parent)
  }
  return trail
}

/**
 * The served pages directly under `page`, in French alphabetical order: a
 * parent page lists them, so a new sub-page can be found without a menu entry.
 */
export function childrenOf(page: SnapshotPage, pages: SnapshotPage[]): SnapshotPage[] {
  return pages
    .filter((p) => p.parentId === page.id && p.id !== page.id)
    .sort((a, b) => a.title.fr.localeCompare(b.title.fr, 'fr', { sensitivity: 'base' }) || a.path.localeCompare(b.path, 'en'))
}
