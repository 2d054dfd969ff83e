import type { Field } from 'payload'
import { message } from '../lib/message'
import { tr } from '../i18n/translations'

/** A brand colour stored as `#rrggbb`. */
export function hexColourField(name: string, label: { fr: string; en: string }, defaultValue: string): Field {
  return {
    name,
    type: 'text',
    label: tr(label),
    required: true,
    defaultValue,
    admin: { description: { fr: 'Format #rrggbb, par exemple #5b2a86.', en: 'Format #rrggbb, e.g. #5b2a86.' } },
    validate: (value: unknown, { req }: { req: Parameters<typeof message>[0] }) =>
      typeof value === 'string' && /^#[0-9a-fA-F]{6}$/.test(value)
        ? true
        : message(req, {
            fr: 'Couleur invalide : utilisez le format #rrggbb (par exemple #5b2a86).',
            en: 'Invalid colour: use the #rrggbb format (e.g. #5b2a86).',
          }),
  }
}
