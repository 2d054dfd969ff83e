import type { CheckboxField } from 'payload'
import { tr } from '../i18n/translations'

/** Kept by hooks/trackEnglish.ts; a list column and filter, never edited by hand (the sidebar « Langues » shows it). */
export const hasEnglishField: CheckboxField = {
  name: 'hasEnglish',
  type: 'checkbox',
  defaultValue: false,
  index: true,
  label: tr({ fr: 'Version anglaise', en: 'English version' }),
  admin: { readOnly: true, condition: () => false },
}
