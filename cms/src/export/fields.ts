// Small readers for Payload documents fetched with `locale: 'all'` (see docs.ts).
import type { Localized } from '@cles/content'
import type { PerLocale, Relation } from './docs'

export const asString = (value: unknown): string => (typeof value === 'string' ? value : value == null ? '' : String(value))

/** Trimmed text, or null when empty (optional CMS fields). */
export const textOrNull = (value: string | null | undefined): string | null => value?.trim() || null

/**
 * Localised field read with `locale: 'all'` → `{ fr, en? }`; empty English means "not translated".
 * A bare string (a field read in one locale) counts as French.
 */
export function localized(value: PerLocale<string> | string | null | undefined): Localized<string> {
  if (value == null || typeof value === 'string') return { fr: value ?? '' }
  const fr = value.fr ?? ''
  return value.en?.trim() ? { fr, en: value.en } : { fr }
}

/** The id behind a relationship, as the snapshot writes ids (strings). */
export const relationId = (value: Relation<{ id: number | string }> | null | undefined): string =>
  value != null && typeof value === 'object' ? String(value.id) : asString(value)

/** The document behind a relationship, or null when Payload gave only the id (depth 0, or not readable). */
export const populated = <T extends object>(value: Relation<T> | null | undefined): T | null =>
  value != null && typeof value === 'object' ? value : null

/** French-first ordering that stays stable: French collation, then a tie-breaker. */
export const byFrench = (a: string, b: string) => a.localeCompare(b, 'fr', { sensitivity: 'base' })
