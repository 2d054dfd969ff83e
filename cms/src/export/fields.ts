// Small readers for Payload documents fetched with `locale: 'all'`.
import type { Localized } from '@cles/content'

export type Doc = Record<string, unknown>

export const asString = (value: unknown): string => (typeof value === 'string' ? value : value == null ? '' : String(value))

/** Trimmed text, or null when empty (optional CMS fields). */
export const textOrNull = (value: unknown): string | null => asString(value).trim() || null

/** Localised field read with `locale: 'all'` → `{ fr, en? }`; empty English means "not translated". */
export function localized(value: unknown): Localized<string> {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const v = value as Record<string, unknown>
    const en = asString(v.en).trim() ? asString(v.en) : undefined
    return en === undefined ? { fr: asString(v.fr) } : { fr: asString(v.fr), en }
  }
  return { fr: asString(value) }
}

export const relationId = (value: unknown): string =>
  value && typeof value === 'object' ? asString((value as Doc).id) : asString(value)

export const rows = (value: unknown): Doc[] => (Array.isArray(value) ? (value.filter((r) => r && typeof r === 'object') as Doc[]) : [])

/** French-first ordering that stays stable: French collation, then a tie-breaker. */
export const byFrench = (a: string, b: string) => a.localeCompare(b, 'fr', { sensitivity: 'base' })
