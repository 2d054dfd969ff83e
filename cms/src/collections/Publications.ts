import type { CollectionConfig } from 'payload'
import { siteScopedAccess } from '../access/siteScoped'
import { tr } from '../i18n/translations'
import { dateTimePicker } from '../fields/dateTime'

export const PUBLICATION_STATES = [
  { value: 'pending', label: { fr: 'En attente', en: 'Pending' } },
  { value: 'running', label: { fr: 'En cours', en: 'In progress' } },
  { value: 'live', label: { fr: 'En ligne', en: 'Live' } },
  { value: 'failed', label: { fr: 'Échec', en: 'Failed' } },
] as const
export type PublicationState = (typeof PUBLICATION_STATES)[number]['value']

/**
 * The publishing queue and its log, one record per release of a site. A change
 * readers would see adds its reason to the site's pending record (or opens one):
 * everything pending for a site goes live in one release, so a burst of
 * publishes makes one or two releases, and the queue lives in the database, so
 * a restart loses nothing. Only the publisher writes here; the site's staff read.
 */
export const Publications: CollectionConfig = {
  slug: 'publications',
  labels: { singular: tr({ fr: 'Publication', en: 'Publication' }), plural: tr({ fr: 'Publications des sites', en: 'Site publications' }) },
  admin: {
    useAsTitle: 'summary',
    defaultColumns: ['site', 'state', 'requestedAt', 'finishedAt', 'durationMs', 'summary'],
    components: { beforeListTable: ['@/components/ListHelp#ListHelp'] },
    group: { fr: 'Réseau', en: 'Network' },
    description: {
      fr:
        'Chaque modification visible par le public est mise en ligne automatiquement. Cette liste montre ce qui est en ligne, en ' +
        'cours ou en échec, site par site.',
      en: 'Every change readers would see goes live automatically. This list shows what is live, in progress or failed, site by site.',
    },
  },
  defaultSort: '-requestedAt',
  access: {
    read: siteScopedAccess({ siteField: 'site', publicRead: 'none' }).read,
    create: () => false,
    update: () => false,
    delete: () => false,
  },
  indexes: [{ fields: ['state', 'requestedAt'] }, { fields: ['site', 'requestedAt'] }],
  fields: [
    { name: 'site', type: 'relationship', relationTo: 'sites', required: true, index: true, label: tr({ fr: 'Site', en: 'Site' }) },
    {
      name: 'state',
      type: 'select',
      required: true,
      defaultValue: 'pending',
      index: true,
      options: PUBLICATION_STATES.map((s) => ({ value: s.value, label: s.label })),
      label: tr({ fr: 'État', en: 'State' }),
    },
    { name: 'summary', type: 'text', label: tr({ fr: 'Résumé', en: 'Summary' }) },
    {
      name: 'reasons',
      type: 'array',
      label: tr({ fr: 'Modifications', en: 'Changes' }),
      labels: { singular: tr({ fr: 'Modification', en: 'Change' }), plural: tr({ fr: 'Modifications', en: 'Changes' }) },
      fields: [
        { name: 'text', type: 'text', label: tr({ fr: 'Modification', en: 'Change' }) },
        { name: 'collection', type: 'text', label: tr({ fr: 'Collection', en: 'Collection' }) },
        { name: 'document', type: 'text', label: tr({ fr: 'Document', en: 'Document' }) },
        { name: 'by', type: 'relationship', relationTo: 'users', label: tr({ fr: 'Par', en: 'By' }) },
        { name: 'at', type: 'date', label: tr({ fr: 'Le', en: 'At' }), admin: { date: dateTimePicker } },
      ],
    },
    {
      name: 'requestedAt',
      type: 'date',
      required: true,
      label: tr({ fr: 'Demandée le', en: 'Requested at' }),
      admin: { date: dateTimePicker },
    },
    {
      name: 'startedAt',
      type: 'date',
      label: tr({ fr: 'Commencée le', en: 'Started at' }),
      admin: { date: dateTimePicker },
    },
    {
      name: 'finishedAt',
      type: 'date',
      label: tr({ fr: 'Terminée le', en: 'Finished at' }),
      admin: { date: dateTimePicker },
    },
    { name: 'durationMs', type: 'number', label: tr({ fr: 'Durée (ms)', en: 'Duration (ms)' }) },
    { name: 'release', type: 'text', label: tr({ fr: 'Version en ligne', en: 'Live release' }) },
    { name: 'error', type: 'textarea', label: tr({ fr: 'Erreur', en: 'Error' }) },
  ],
}
