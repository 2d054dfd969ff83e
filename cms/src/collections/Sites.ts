import type { CollectionConfig } from 'payload'
import { anyone } from '../access/anyone'
import { isNetworkAdmin } from '../access/isNetworkAdmin'
import { hexColourField } from '../fields/hexColour'
import { slugField } from '../fields/slug'

/** The tenants: one document per organisation / static site. */
export const Sites: CollectionConfig = {
  slug: 'sites',
  labels: { singular: { fr: 'Site', en: 'Site' }, plural: { fr: 'Sites', en: 'Sites' } },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'slug', 'domain', 'isHub'],
    group: { fr: 'Réseau', en: 'Network' },
  },
  access: {
    read: anyone,
    create: isNetworkAdmin,
    update: isNetworkAdmin,
    delete: isNetworkAdmin,
  },
  fields: [
    { name: 'name', type: 'text', required: true, label: { fr: 'Nom de l’organisme', en: 'Organisation name' } },
    slugField('name', { unique: true }),
    {
      name: 'domain',
      type: 'text',
      required: true,
      label: { fr: 'Domaine public', en: 'Public domain' },
      admin: { description: { fr: 'Sans https://, par exemple lacles.org', en: 'Without https://, e.g. lacles.org' } },
    },
    {
      name: 'tagline',
      type: 'text',
      localized: true,
      label: { fr: 'Slogan', en: 'Tagline' },
    },
    {
      name: 'isHub',
      type: 'checkbox',
      defaultValue: false,
      label: { fr: 'Tête de réseau (CLES)', en: 'Network hub (CLES)' },
    },
    {
      name: 'brand',
      type: 'group',
      label: { fr: 'Couleurs de la marque', en: 'Brand colours' },
      fields: [
        hexColourField('primary', { fr: 'Couleur principale', en: 'Primary colour' }, '#5b2a86'),
        hexColourField('accent', { fr: 'Couleur d’accent', en: 'Accent colour' }, '#a4245f'),
        hexColourField('background', { fr: 'Fond de page', en: 'Page background' }, '#ffffff'),
        hexColourField('text', { fr: 'Texte', en: 'Text' }, '#1d1d1f'),
      ],
    },
  ],
}
