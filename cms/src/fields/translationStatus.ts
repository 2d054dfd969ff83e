import type { UIField } from 'payload'

/** Sidebar « Langues » of a news item or a page (components/TranslationStatus.tsx); stores nothing. */
export const translationStatusField: UIField = {
  name: 'translationStatus',
  type: 'ui',
  admin: { position: 'sidebar', components: { Field: '@/components/TranslationStatus#TranslationStatus' } },
}
