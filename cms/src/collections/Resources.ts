import { isSafeHref, REGIONS, RESOURCE_CATEGORIES, type Region, type ResourceCategory } from '@cles/content/types'
import type { CollectionConfig } from 'payload'
import { MAX_LENGTH } from '../fields/limits'
import { networkOrOwnPublisherSites } from '../access/siteOptions'
import { anyone } from '../access/anyone'
import { defaultSiteFor } from '../access/defaultSite'
import { resourcesChange, resourcesCreate } from '../access/resources'
import { guardResourceDelete, guardResourceSites } from '../hooks/guardResourceSites'
import { PUBLISHERS } from '../access/roles'
import { message } from '../lib/message'
import { tr } from '../i18n/translations'
import { keepUnreadableSites, onlyReadableSites, recordSiteNames } from '../fields/readableSites'

type Label = { fr: string; en: string }

// The values come from the snapshot contract, so the CMS and the sites can
// never disagree; the Record types make a missing label a compile error.
const CATEGORY_LABELS: Record<ResourceCategory, Label> = {
  housing: { fr: 'Logement', en: 'Housing' },
  employment: { fr: 'Emploi', en: 'Employment' },
  health: { fr: 'Soins de santé', en: 'Health care' },
  legal: { fr: 'Juridique', en: 'Legal' },
  shelter: { fr: 'Hébergement d’urgence', en: 'Shelter' },
  'help-line': { fr: 'Ligne d’écoute', en: 'Help line' },
  other: { fr: 'Autre', en: 'Other' },
}

const REGION_LABELS: Record<Region, Label> = {
  montreal: { fr: 'Montréal', en: 'Montréal' },
  outaouais: { fr: 'Outaouais', en: 'Outaouais' },
  estrie: { fr: 'Estrie', en: 'Estrie' },
  'cote-nord': { fr: 'Côte-Nord', en: 'Côte-Nord' },
  quebec: { fr: 'Tout le Québec', en: 'All of Québec' },
}

export const RESOURCE_CATEGORY_OPTIONS = RESOURCE_CATEGORIES.map((value) => ({ value, label: CATEGORY_LABELS[value] }))
const REGION_OPTIONS = REGIONS.map((value) => ({ value, label: REGION_LABELS[value] }))

/** The help directory shown on the sites; overdue reviews come first in the admin. */
export const Resources: CollectionConfig = {
  slug: 'resources',
  labels: { singular: tr({ fr: 'Ressource', en: 'Resource' }), plural: tr({ fr: 'Ressources', en: 'Resources' }) },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'category', 'reviewBy', 'shownOn'],
    // What to do first on an empty list, and « Ressources à revoir ».
    components: { beforeListTable: ['@/components/ListHelp#ListHelp'] },
    group: { fr: 'Répertoire d’aide', en: 'Help directory' },
  },
  defaultSort: 'reviewBy',
  access: { read: anyone, create: resourcesCreate, update: resourcesChange, delete: resourcesChange },
  hooks: { beforeChange: [guardResourceSites], beforeDelete: [guardResourceDelete] },
  fields: [
    { name: 'name', type: 'text', required: true, localized: true, maxLength: MAX_LENGTH.name, label: tr({ fr: 'Nom', en: 'Name' }) },
    { name: 'category', type: 'select', required: true, options: RESOURCE_CATEGORY_OPTIONS, label: tr({ fr: 'Besoin', en: 'Need' }) },
    { name: 'description', type: 'textarea', localized: true, label: tr({ fr: 'Description', en: 'Description' }) },
    { name: 'phone', type: 'text', label: tr({ fr: 'Téléphone', en: 'Phone' }) },
    {
      name: 'website',
      type: 'text',
      label: tr({ fr: 'Site web', en: 'Website' }),
      validate: (value: unknown, { req }: { req: Parameters<typeof message>[0] }) =>
        !value || (isSafeHref(value) && String(value).startsWith('https://'))
          ? true
          : message(req, { fr: 'Indiquez une adresse https:// complète.', en: 'Enter a full https:// address.' }),
    },
    { name: 'address', type: 'textarea', label: tr({ fr: 'Adresse', en: 'Address' }) },
    {
      name: 'regions',
      type: 'select',
      hasMany: true,
      options: REGION_OPTIONS,
      label: tr({ fr: 'Régions desservies', en: 'Regions served' }),
    },
    { name: 'hours', type: 'text', localized: true, label: tr({ fr: 'Heures', en: 'Hours' }) },
    {
      name: 'sites',
      type: 'relationship',
      relationTo: 'sites',
      hasMany: true,
      required: true,
      filterOptions: networkOrOwnPublisherSites,
      // Prefilled with the person's own site, so a partner never has to look for it.
      defaultValue: async ({ req }) => {
        const site = await defaultSiteFor(req, PUBLISHERS)
        return site === undefined ? [] : [site]
      },
      label: tr({ fr: 'Affichée sur', en: 'Shown on' }),
      // Partners see only the sites they may open (never « Sans titre - ID: 3 »); a save keeps the others.
      hooks: { afterRead: [recordSiteNames('shownOn'), onlyReadableSites], beforeChange: [keepUnreadableSites] },
    },
    {
      // Every site's name, for everyone (the list column and a read-only line in the form).
      name: 'shownOn',
      type: 'text',
      virtual: true,
      label: tr({ fr: 'Sites qui la montrent', en: 'Sites showing it' }),
      admin: {
        readOnly: true,
        position: 'sidebar',
        disableListFilter: true,
        description: {
          fr: 'Tous les sites qui montrent cette ressource, y compris ceux que vous ne gérez pas.',
          en: 'Every site that shows this resource, including those you do not manage.',
        },
      },
    },
    {
      name: 'reviewBy',
      type: 'date',
      required: true,
      index: true,
      label: tr({ fr: 'À revérifier avant le', en: 'Review by' }),
      admin: {
        position: 'sidebar',
        description: {
          fr:
            'Date à laquelle revérifier le téléphone, les heures et l’adresse. Une fois passée, la ressource apparaît dans ' +
            '« Ressources à revoir » et en tête de liste. Après vérification, reportez la date.',
          en:
            'Date to check the phone, hours and address again. Once passed, the resource appears under “Resources to review” ' +
            'and first in the list. After checking, move the date forward.',
        },
      },
    },
    {
      name: 'outdated',
      type: 'checkbox',
      defaultValue: false,
      index: true,
      label: tr({ fr: 'Informations périmées', en: 'Outdated information' }),
      admin: {
        position: 'sidebar',
        description: {
          fr:
            'Cochez quand ces informations ne sont plus fiables (service fermé, numéro changé…) : les sites ne la montrent plus ' +
            'à la prochaine publication, jusqu’à ce que vous la corrigiez et décochiez la case.',
          en:
            'Tick when this information can no longer be trusted (service closed, number changed…): the sites stop showing it at ' +
            'the next publication, until you correct it and untick the box.',
        },
      },
    },
  ],
}
