import type { CollectionConfig } from 'payload'
import { networkOrOwnPublisherSites } from '../access/siteOptions'
import { anyone } from '../access/anyone'
import { resourcesWrite } from '../access/resources'
import { message } from '../lib/message'
import { isSafeHref } from '../lib/safeUrl'

export const RESOURCE_CATEGORIES = [
  { value: 'housing', label: { fr: 'Logement', en: 'Housing' } },
  { value: 'employment', label: { fr: 'Emploi', en: 'Employment' } },
  { value: 'health', label: { fr: 'Soins de santé', en: 'Health care' } },
  { value: 'legal', label: { fr: 'Juridique', en: 'Legal' } },
  { value: 'shelter', label: { fr: 'Hébergement d’urgence', en: 'Shelter' } },
  { value: 'help-line', label: { fr: 'Ligne d’écoute', en: 'Help line' } },
  { value: 'other', label: { fr: 'Autre', en: 'Other' } },
]

export const REGIONS = [
  { value: 'montreal', label: 'Montréal' },
  { value: 'outaouais', label: 'Outaouais' },
  { value: 'estrie', label: 'Estrie' },
  { value: 'cote-nord', label: 'Côte-Nord' },
  { value: 'quebec', label: { fr: 'Tout le Québec', en: 'All of Québec' } },
]

/** The help directory shown on the sites; overdue reviews come first in the admin. */
export const Resources: CollectionConfig = {
  slug: 'resources',
  labels: { singular: { fr: 'Ressource', en: 'Resource' }, plural: { fr: 'Ressources', en: 'Resources' } },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'category', 'reviewBy', 'sites'],
    group: { fr: 'Répertoire d’aide', en: 'Help directory' },
  },
  defaultSort: 'reviewBy',
  access: { read: anyone, create: resourcesWrite, update: resourcesWrite, delete: resourcesWrite },
  fields: [
    { name: 'name', type: 'text', required: true, localized: true, label: { fr: 'Nom', en: 'Name' } },
    { name: 'category', type: 'select', required: true, options: RESOURCE_CATEGORIES, label: { fr: 'Besoin', en: 'Need' } },
    { name: 'description', type: 'textarea', localized: true, label: { fr: 'Description', en: 'Description' } },
    { name: 'phone', type: 'text', label: { fr: 'Téléphone', en: 'Phone' } },
    {
      name: 'website',
      type: 'text',
      label: { fr: 'Site web', en: 'Website' },
      validate: (value: unknown, { req }: { req: Parameters<typeof message>[0] }) =>
        !value || (isSafeHref(value) && String(value).startsWith('https://'))
          ? true
          : message(req, { fr: 'Indiquez une adresse https:// complète.', en: 'Enter a full https:// address.' }),
    },
    { name: 'address', type: 'textarea', label: { fr: 'Adresse', en: 'Address' } },
    { name: 'regions', type: 'select', hasMany: true, options: REGIONS, label: { fr: 'Régions desservies', en: 'Regions served' } },
    { name: 'hours', type: 'text', localized: true, label: { fr: 'Heures', en: 'Hours' } },
    { name: 'sites', type: 'relationship', relationTo: 'sites', hasMany: true, required: true, filterOptions: networkOrOwnPublisherSites, label: { fr: 'Affichée sur', en: 'Shown on' } },
    {
      name: 'reviewBy',
      type: 'date',
      required: true,
      index: true,
      label: { fr: 'À revérifier avant le', en: 'Review by' },
      admin: { position: 'sidebar', description: { fr: 'Les ressources en retard apparaissent en tête de liste.', en: 'Overdue resources are listed first.' } },
    },
  ],
}
