import type { Field } from 'payload'
import { isSafeHref } from '@cles/content/types'
import { message } from '../lib/message'
import { tr } from '../i18n/translations'

/** A menu entry: French label (English optional) and a safe URL. */
export function menuField(name: string, label: { fr: string; en: string }): Field {
  return {
    name,
    type: 'array',
    label: tr(label),
    labels: { singular: tr({ fr: 'Lien', en: 'Link' }), plural: tr({ fr: 'Liens', en: 'Links' }) },
    fields: [
      { name: 'label', type: 'text', required: true, localized: true, label: tr({ fr: 'Libellé', en: 'Label' }) },
      {
        name: 'url',
        type: 'text',
        required: true,
        label: tr({ fr: 'Adresse', en: 'URL' }),
        admin: { description: { fr: 'Chemin du site (/a-propos/) ou adresse https://', en: 'Site path (/about/) or https:// address' } },
        validate: (value: unknown, { req }: { req: Parameters<typeof message>[0] }) =>
          isSafeHref(value)
            ? true
            : message(req, {
                fr: 'Adresse refusée : utilisez un chemin qui commence par / ou une adresse https://, mailto: ou tel:.',
                en: 'Address refused: use a path starting with / or an https://, mailto: or tel: address.',
              }),
      },
    ],
  }
}
