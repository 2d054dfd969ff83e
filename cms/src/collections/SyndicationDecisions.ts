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
    // What to do first on an empty list (components/ListHelp.tsx).
    components: { beforeListTable: ['@/components/ListHelp#ListHelp'] },
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
      // Staff only: the CLES reads why a partner declined; readers never see it.
      name: 'reason',
      type: 'textarea',
      maxLength: 500,
      label: tr({ fr: 'Raison du refus (facultatif)', en: 'Reason for declining (optional)' }),
      access: { read: staffField },
      admin: {
        condition: (data) => data?.decision === 'declined',
        description: { fr: 'La CLES verra cette raison.', en: 'CLES will see this reason.' },
      },
    },
    {
      name: 'decidedBy',
      type: 'relationship',
      relationTo: 'users',
      label: tr({ fr: 'Décidé par', en: 'Decided by' }),
      access: { read: staffField },
      // Recorded by the server (hooks/recordDecision.ts): shown once there is something to show.
      admin: { readOnly: true, position: 'sidebar', condition: (data) => Boolean(data?.decidedBy) },
    },
    {
      name: 'decidedAt',
      type: 'date',
      label: tr({ fr: 'Décidé le', en: 'Decided on' }),
      access: { read: staffField },
      admin: { readOnly: true, position: 'sidebar', date: dateTimePicker, condition: (data) => Boolean(data?.decidedAt) },
    },
  ],
}
