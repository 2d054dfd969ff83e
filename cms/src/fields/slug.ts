import type { Field } from 'payload'
import { message } from '../lib/message'
import { slugify } from '../lib/slugify'

/**
 * Slug field generated from the French value of `sourceField` when left empty.
 * Only a-z, 0-9 and dashes are accepted so URLs stay predictable.
 */
export function slugField(sourceField = 'title', { unique = false }: { unique?: boolean } = {}): Field {
  return {
    name: 'slug',
    type: 'text',
    index: true,
    unique,
    required: true,
    label: { fr: 'Identifiant d’URL (slug)', en: 'URL slug' },
    admin: {
      position: 'sidebar',
      description: {
        fr: 'Généré à partir du titre français si vide. Minuscules, chiffres et tirets seulement.',
        en: 'Generated from the French title when empty. Lower case letters, digits and dashes only.',
      },
    },
    hooks: {
      beforeValidate: [
        ({ value, data, req }) => {
          if (typeof value === 'string' && value.trim()) return slugify(value)
          // Only derive from the French title, so translations never rename the URL.
          if (req.locale && req.locale !== 'fr' && req.locale !== 'all') return value
          const source = data?.[sourceField]
          const text = typeof source === 'string' ? source : source?.fr
          return typeof text === 'string' ? slugify(text) : value
        },
      ],
    },
    validate: (value: unknown, { req }: { req: Parameters<typeof message>[0] }) =>
      typeof value === 'string' && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value)
        ? true
        : message(req, {
            fr: 'Le slug doit contenir uniquement des minuscules, des chiffres et des tirets (ex. : financement-recurrent).',
            en: 'The slug may only contain lower case letters, digits and dashes (e.g. recurring-funding).',
          }),
  }
}
