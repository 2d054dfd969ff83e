import type { CollectionConfig } from 'payload'
import { MAX_LENGTH } from '../fields/limits'
import { isNetworkAdminField } from '../access/isNetworkAdmin'
import { canProposeNews, checkProposedSites, newsAccess } from '../access/news'
import { networkOrOwnPublisherSites } from '../access/siteOptions'
import { siteField } from '../fields/siteField'
import { slugField } from '../fields/slug'
import { guardPublishing, guardUnpublishing, keepPublishedState } from '../hooks/guardPublishing'
import { removeDecisions } from '../hooks/removeDecisions'
import { tr } from '../i18n/translations'
import { liveStatusField } from '../fields/liveStatus'
import { liveStatusEndpoint } from '../publish/liveStatusEndpoint'
import { proposalPanelField } from '../fields/proposalPanel'
import { isNetworkAdminUser } from '../access/roles'
import { redirectMovedNews } from '../hooks/followMoves'
import { dateTimePicker } from '../fields/dateTime'
import { keepUnreadableSites, keptSitesOrValid, onlyReadableSites } from '../fields/readableSites'
import { readerSitesField, recordReaderSites } from '../fields/readerSites'
import { translationStatusField } from '../fields/translationStatus'
import { hasEnglishField } from '../fields/hasEnglish'
import { trackEnglish } from '../hooks/trackEnglish'
import { previewAdmin } from '../publish/previewEndpoints'

/**
 * News written once on its origin site and proposed to other sites
 * (`targetSites`); each proposed site accepts or declines it in
 * `syndication-decisions`, shown here through the `decisions` join.
 */
export const News: CollectionConfig = {
  slug: 'news',
  labels: { singular: tr({ fr: 'Actualité', en: 'News item' }), plural: tr({ fr: 'Actualités', en: 'News' }) },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'originSite', 'publishedAt', '_status'],
    // The list reads only the shown columns (a list of 20 at 10,000 items: a third less work per request).
    enableListViewSelectAPI: true,
    group: { fr: 'Contenu', en: 'Content' },
    // « Aperçu » and the live preview: the last saved version in its site's design (publish/previewEndpoints.ts).
    ...previewAdmin('news'),
    // What to do first on an empty list, and « Sans version anglaise » site by site.
    components: { beforeListTable: ['@/components/ListHelp#ListHelp'] },
  },
  access: newsAccess,
  // « En ligne sur » asked again by the sidebar while a release is on its way.
  endpoints: [liveStatusEndpoint('news')],
  hooks: {
    beforeOperation: [guardUnpublishing('originSite'), keepPublishedState()],
    beforeChange: [guardPublishing('originSite'), trackEnglish],
    afterChange: [redirectMovedNews],
    beforeDelete: [removeDecisions],
  },
  versions: {
    drafts: { autosave: { interval: 2000 }, schedulePublish: true },
    maxPerDoc: 50,
  },
  defaultSort: '-publishedAt',
  // Lists filter by status or site and sort newest first: without these, SQLite
  // sorts every matching row (3.6 s at 10,000 items instead of 25 ms).
  indexes: [
    { fields: ['publishedAt', 'createdAt'] },
    { fields: ['_status', 'publishedAt', 'createdAt'] },
    { fields: ['originSite', 'publishedAt', 'createdAt'] },
  ],
  fields: [
    liveStatusField,
    proposalPanelField,
    translationStatusField,
    hasEnglishField,
    { name: 'title', type: 'text', required: true, localized: true, maxLength: MAX_LENGTH.title, label: tr({ fr: 'Titre', en: 'Title' }) },
    {
      name: 'excerpt',
      type: 'textarea',
      localized: true,
      maxLength: MAX_LENGTH.excerpt,
      label: tr({ fr: 'Chapeau', en: 'Excerpt' }),
      admin: { description: { fr: 'Une ou deux phrases affichées dans les listes.', en: 'One or two sentences shown in lists.' } },
    },
    { name: 'body', type: 'richText', localized: true, label: tr({ fr: 'Texte', en: 'Body' }) },
    { name: 'hero', type: 'upload', relationTo: 'media', label: tr({ fr: 'Image principale', en: 'Hero image' }) },
    {
      name: 'categories',
      type: 'relationship',
      relationTo: 'categories',
      hasMany: true,
      label: tr({ fr: 'Catégories', en: 'Categories' }),
      admin: { position: 'sidebar' },
    },
    slugField('title', { uniquePer: 'originSite' }),
    {
      name: 'publishedAt',
      type: 'date',
      required: true,
      defaultValue: () => new Date().toISOString(),
      // A copy is a new item: dated when it is made, proposed to nobody yet.
      hooks: { beforeDuplicate: [() => new Date().toISOString()] },
      label: tr({ fr: 'Date de publication', en: 'Publication date' }),
      admin: {
        position: 'sidebar',
        date: dateTimePicker,
        description: {
          fr:
            'La date montrée aux lecteurs, qui classe les actualités. Elle ne met rien en ligne : pour publier plus tard, ' +
            'ouvrez le menu à côté du bouton « Publier » et choisissez « Programmer la publication ».',
          en:
            'The date readers see, which orders the news. It does not put anything online: to publish later, open the menu next ' +
            'to the “Publish” button and choose “Schedule publish”.',
        },
      },
    },
    siteField({
      name: 'originSite',
      label: { fr: 'Site d’origine', en: 'Origin site' },
      // Moving an item to another site is a network admin decision.
      overrides: { access: { update: isNetworkAdminField } },
    }),
    {
      name: 'targetSites',
      type: 'relationship',
      relationTo: 'sites',
      hasMany: true,
      label: tr({ fr: 'Proposer aux sites', en: 'Propose to sites' }),
      access: { create: canProposeNews, update: canProposeNews },
      hooks: {
        afterRead: [onlyReadableSites],
        beforeChange: [keepUnreadableSites, checkProposedSites, recordReaderSites('originSite')],
        beforeDuplicate: [() => []],
      },
      filterOptions: networkOrOwnPublisherSites,
      validate: keptSitesOrValid,
      admin: {
        position: 'sidebar',
        description: {
          fr:
            'Les sites partenaires à qui proposer cette actualité. Chacun reçoit une proposition qu’il accepte ou refuse ; ' +
            'l’actualité ne paraît sur son site qu’une fois acceptée et publiée. Le site d’origine la montre toujours.',
          en:
            'The partner sites to offer this item to. Each receives a proposal it accepts or declines; the item appears on its site ' +
            'only once accepted and published. The origin site always shows it.',
        },
      },
    },
    // Who may read the item, as one indexed key (fields/readerSites.ts); written by targetSites' hooks.
    readerSitesField,
    {
      name: 'decisions',
      type: 'join',
      collection: 'syndication-decisions',
      on: 'news',
      label: tr({ fr: 'Réponses des sites', en: 'Site answers' }),
      // Partners answer with the one-click buttons and the CLES team reads the answers in the
      // sidebar (proposalPanelField); the generic table stays for network admins.
      admin: { condition: (_data, _siblingData, { user }) => isNetworkAdminUser(user) },
    },
  ],
}
