import type { CollectionConfig } from 'payload'
import { authenticated } from '../access/authenticated'
import { publishedOrAuthenticated } from '../access/publishedOrAuthenticated'
import { slugField } from '../fields/slug'

/** News written once (origin site) and published on one or more sites. */
export const News: CollectionConfig = {
  slug: 'news',
  labels: { singular: { fr: 'Actualité', en: 'News item' }, plural: { fr: 'Actualités', en: 'News' } },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'originSite', 'publishedAt', '_status'],
    group: { fr: 'Contenu', en: 'Content' },
  },
  access: {
    read: publishedOrAuthenticated,
    create: authenticated,
    update: authenticated,
    delete: authenticated,
    readVersions: authenticated,
  },
  versions: { drafts: true, maxPerDoc: 50 },
  defaultSort: '-publishedAt',
  fields: [
    { name: 'title', type: 'text', required: true, localized: true, label: { fr: 'Titre', en: 'Title' } },
    {
      name: 'excerpt',
      type: 'textarea',
      localized: true,
      label: { fr: 'Chapeau', en: 'Excerpt' },
      admin: { description: { fr: 'Une ou deux phrases affichées dans les listes.', en: 'One or two sentences shown in lists.' } },
    },
    { name: 'body', type: 'richText', localized: true, label: { fr: 'Texte', en: 'Body' } },
    { name: 'hero', type: 'upload', relationTo: 'media', label: { fr: 'Image principale', en: 'Hero image' } },
    slugField('title'),
    {
      name: 'publishedAt',
      type: 'date',
      required: true,
      defaultValue: () => new Date().toISOString(),
      label: { fr: 'Date de publication', en: 'Publication date' },
      admin: { position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'originSite',
      type: 'relationship',
      relationTo: 'sites',
      required: true,
      label: { fr: 'Site d’origine', en: 'Origin site' },
      admin: { position: 'sidebar' },
    },
    {
      name: 'targetSites',
      type: 'relationship',
      relationTo: 'sites',
      hasMany: true,
      label: { fr: 'Publier aussi sur', en: 'Also publish on' },
      admin: { position: 'sidebar' },
    },
  ],
}
