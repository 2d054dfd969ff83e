// Ready-made filters of the admin lists (« Ressources à revoir », « Sans
// version anglaise »): the query each one runs and the list address that
// applies it, so the lists, the dashboards and the tests share one definition.
import type { Where } from 'payload'

/** Resources to check again: review date passed, or marked outdated by someone. */
export const resourcesToReviewWhere = (now: Date = new Date()): Where => ({
  or: [{ reviewBy: { less_than: now.toISOString() } }, { outdated: { equals: true } }],
})

/**
 * News items or pages with no English version: no English title (an English
 * version is never required; the title is what makes one exist, as for the
 * exporter), kept in `hasEnglish` (hooks/trackEnglish.ts) so the list can
 * filter on it in French. `site` narrows to one site.
 */
export const withoutEnglishWhere = (site?: { field: string; id: number | string }): Where => ({
  and: [{ hasEnglish: { not_equals: true } }, ...(site ? [{ [site.field]: { equals: site.id } }] : [])],
})

function flatten(value: unknown, prefix: string, out: string[]) {
  if (Array.isArray(value)) value.forEach((item, i) => flatten(item, `${prefix}[${i}]`, out))
  else if (value && typeof value === 'object')
    for (const [key, inner] of Object.entries(value)) flatten(inner, prefix ? `${prefix}[${key}]` : key, out)
  else out.push(`${encodeURIComponent(prefix).replace(/%5B/g, '[').replace(/%5D/g, ']')}=${encodeURIComponent(String(value))}`)
}

/**
 * The list address that applies `where`, in the shape Payload's « Filtres »
 * panel reads back (`where[or][0][and][0][field][operator]=value`), so the
 * person sees the filter and can change or remove it.
 */
export function listUrl(adminRoute: string, collection: string, where: Where): string {
  const conditions = (where.and as Where[] | undefined) ?? [where]
  const panels = (where.or as Where[] | undefined) ?? null
  const shaped = panels ? { or: panels.map((w) => ({ and: (w.and as Where[] | undefined) ?? [w] })) } : { or: [{ and: conditions }] }
  const parts: string[] = []
  flatten({ where: shaped }, '', parts)
  return `${adminRoute}/collections/${collection}?${parts.join('&')}`
}
