import type { CollectionConfig } from 'payload'
import { siteField } from '../fields/siteField'
import { siteScopedAccess } from '../access/siteScoped'
import { message } from '../lib/message'
import { isSafeHref } from '@cles/content/types'
import { tr } from '../i18n/translations'

/**
 * Per-site redirects (old URL → new URL). Written here rather than with the
 * official redirects plugin, which has no notion of sites and trails our Payload version.
 */
export const Redirects: CollectionConfig = {
  slug: 'redirects',
  labels: { singular: tr({ fr: 'Redirection', en: 'Redirect' }), plural: tr({ fr: 'Redirections', en: 'Redirects' }) },
  admin: { useAsTitle: 'from', defaultColumns: ['from', 'to', 'site'], group: { fr: 'Réseau', en: 'Network' } },
  access: siteScopedAccess({ siteField: 'site', publicRead: 'all' }),
  fields: [
    {
      name: 'from',
      type: 'text',
      required: true,
      index: true,
      label: tr({ fr: 'Ancienne adresse', en: 'Old path' }),
      validate: (value: unknown, { req }: { req: Parameters<typeof message>[0] }) =>
        typeof value === 'string' && /^\/(?!\/)\S*$/.test(value)
          ? true
          : message(req, {
              fr: 'Indiquez un chemin qui commence par / (ex. : /ancienne-page/).',
              en: 'Enter a path starting with / (e.g. /old-page/).',
            }),
    },
    {
      name: 'to',
      type: 'text',
      required: true,
      label: tr({ fr: 'Nouvelle adresse', en: 'New address' }),
      validate: (value: unknown, { req }: { req: Parameters<typeof message>[0] }) =>
        isSafeHref(value)
          ? true
          : message(req, { fr: 'Adresse refusée : chemin /… ou adresse https://.', en: 'Address refused: /… path or https:// address.' }),
    },
    siteField(),
  ],
}
