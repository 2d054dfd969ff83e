// « Version anglaise » of a news item or a page: whether it has an English
// title, kept as a plain (not localised) checkbox so the admin lists can filter
// on it (« Sans version anglaise ») while showing the French titles. Updated
// on every save in English (or in all languages at once); a French save keeps it.
import type { CollectionBeforeChangeHook } from 'payload'
import { hasText } from '../lib/hasText'

export const trackEnglish: CollectionBeforeChangeHook = ({ data, originalDoc, req }) => {
  const title = data.title as unknown
  if (title && typeof title === 'object') data.hasEnglish = hasText((title as { en?: unknown }).en)
  else if (req.locale === 'en' && title !== undefined) data.hasEnglish = hasText(title)
  else data.hasEnglish = originalDoc?.hasEnglish === true
  return data
}
