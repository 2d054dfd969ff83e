import type { CollectionConfig } from 'payload'
import { PUBLISHERS } from '../access/roles'
import { changeDecisions, createDecisions, readDecisions, staffField } from '../access/syndicationDecisions'
import { siteField } from '../fields/siteField'
import { recordDecision } from '../hooks/recordDecision'
import { tr } from '../i18n/translations'
import { dateTimePicker } from '../fields/dateTime'

/** One site's answer (accept / decline) to a news item proposed to it. */
export const SyndicationDecisions: CollectionConfig = {
  slug: 'syndication-decisions',
  labels: {
    singular: tr({ fr: 'Réponse à une proposition', en: 'Proposal answer' }),
    plural: tr({ fr: 'Propositions reçues', en: 'Received proposals' }),
  },
  admin: {
    useAsTitle: 'decision',
    defaultColumns: ['news', 'site', 'decision', 'decidedAt'],
    group: { fr: 'Contenu', en: 'Content' },
    description: {
      fr: 'Acceptez ou refusez les actualités que la CLES propose à votre site. Une actualité acceptée paraît sur votre site au prochain export.',
      en: 'Accept or decline the news CLES proposes to your site. An accepted item appears on your site at the next export.',
    },
  },
  access: { read: readDecisions, create: createDecisions, update: changeDecisions, delete: changeDecisions },
  hooks: { beforeChange: [recordDecision] },
  fields: [
    {
      name: 'news',
      type: 'relationship',
      relationTo: 'news',
      required: true,
      index: true,
      label: tr({ fr: 'Actualité proposée', en: 'Proposed news item' }),
    },
    siteField({
      roles: PUBLISHERS,
      label: { fr: 'Site qui répond', en: 'Answering site' },
      overrides: { index: true, admin: { position: undefined } },
    }),
    {
      name: 'decision',
      type: 'select',
      required: true,
      defaultValue: 'accepted',
      options: [
        { value: 'accepted', label: { fr: 'Acceptée : publier sur notre site', en: 'Accepted: publish on our site' } },
        { value: 'declined', label: { fr: 'Refusée', en: 'Declined' } },
      ],
      label: tr({ fr: 'Réponse', en: 'Answer' }),
    },
    {
      name: 'decidedBy',
      type: 'relationship',
      relationTo: 'users',
      label: tr({ fr: 'Décidé par', en: 'Decided by' }),
      access: { read: staffField },
      admin: { readOnly: true, position: 'sidebar' },
    },
    {
      name: 'decidedAt',
      type: 'date',
      label: tr({ fr: 'Décidé le', en: 'Decided on' }),
      access: { read: staffField },
      admin: { readOnly: true, position: 'sidebar', date: dateTimePicker },
    },
  ],
}
