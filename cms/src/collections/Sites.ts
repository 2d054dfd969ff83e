import type { CollectionConfig } from 'payload'
import { isNetworkAdmin, isNetworkAdminField } from '../access/isNetworkAdmin'
import { readSites } from '../access/readSites'
import { updateSites } from '../access/sites'
import { hexColourField } from '../fields/hexColour'
import { menuField } from '../fields/localizedLink'
import { slugField } from '../fields/slug'
import { message } from '../lib/message'
import { tr } from '../i18n/translations'
import { siteStatusField } from '../fields/liveStatus'

const networkOnly = { create: isNetworkAdminField, update: isNetworkAdminField }

/** The tenants: one document per organisation / static site. */
export const Sites: CollectionConfig = {
  slug: 'sites',
  labels: { singular: tr({ fr: 'Site', en: 'Site' }), plural: tr({ fr: 'Sites', en: 'Sites' }) },
  // A copy would share the slug and domain that name a site: create a new one instead.
  disableDuplicate: true,
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'slug', 'domain', 'isHub'],
    components: { beforeListTable: ['@/components/ListHelp#ListHelp'] },
    group: { fr: 'Réseau', en: 'Network' },
  },
  access: { read: readSites, create: isNetworkAdmin, update: updateSites, delete: isNetworkAdmin },
  fields: [
    siteStatusField,
    {
      type: 'tabs',
      tabs: [
        {
          label: { fr: 'Identité', en: 'Identity' },
          fields: [
            {
              name: 'name',
              type: 'text',
              required: true,
              access: networkOnly,
              label: tr({ fr: 'Nom de l’organisme', en: 'Organisation name' }),
            },
            { ...slugField('name', { unique: true }), access: networkOnly } as ReturnType<typeof slugField>,
            {
              name: 'domain',
              type: 'text',
              required: true,
              access: networkOnly,
              label: tr({ fr: 'Domaine public', en: 'Public domain' }),
              admin: { description: { fr: 'Sans https://, par exemple lacles.org', en: 'Without https://, e.g. lacles.org' } },
            },
            {
              name: 'isHub',
              type: 'checkbox',
              defaultValue: false,
              access: networkOnly,
              label: tr({ fr: 'Tête de réseau (CLES)', en: 'Network hub (CLES)' }),
            },
            {
              name: 'languages',
              type: 'select',
              hasMany: true,
              defaultValue: ['fr', 'en'],
              options: [
                { value: 'fr', label: { fr: 'Français', en: 'French' } },
                { value: 'en', label: { fr: 'Anglais', en: 'English' } },
              ],
              label: tr({ fr: 'Langues du site', en: 'Site languages' }),
            },
            { name: 'tagline', type: 'text', localized: true, label: tr({ fr: 'Slogan', en: 'Tagline' }) },
          ],
        },
        {
          label: { fr: 'Marque', en: 'Brand' },
          fields: [
            {
              name: 'brand',
              type: 'group',
              label: tr({ fr: 'Couleurs de la marque', en: 'Brand colours' }),
              fields: [
                hexColourField('primary', { fr: 'Couleur principale', en: 'Primary colour' }, '#5b2a86'),
                hexColourField('accent', { fr: 'Couleur d’accent', en: 'Accent colour' }, '#8a1f4f'),
                hexColourField('background', { fr: 'Fond de page', en: 'Page background' }, '#ffffff'),
                hexColourField('text', { fr: 'Texte', en: 'Text' }, '#1d1d1f'),
              ],
            },
            { name: 'logo', type: 'upload', relationTo: 'media', label: tr({ fr: 'Logo', en: 'Logo' }) },
            {
              name: 'font',
              type: 'select',
              defaultValue: 'system',
              label: tr({ fr: 'Police de caractères', en: 'Font' }),
              admin: {
                description: {
                  fr: 'Polices hébergées sur le site lui-même, jamais chez un tiers.',
                  en: 'Fonts hosted by the site itself, never by a third party.',
                },
              },
              options: [
                { value: 'system', label: { fr: 'Police du système (la plus rapide)', en: 'System font (fastest)' } },
                { value: 'atkinson-hyperlegible', label: 'Atkinson Hyperlegible' },
                { value: 'source-sans-3', label: 'Source Sans 3' },
              ],
            },
          ],
        },
        {
          label: { fr: 'Aide et sécurité', en: 'Help and safety' },
          fields: [
            {
              name: 'exitUrl',
              type: 'text',
              required: true,
              defaultValue: 'https://meteo.gc.ca/',
              label: tr({ fr: 'Page neutre du bouton « Quitter ce site »', en: '“Leave this site” neutral page' }),
              validate: (value: unknown, { req }: { req: Parameters<typeof message>[0] }) =>
                typeof value === 'string' && /^https:\/\/[^\s/]+\.[^\s]+$/.test(value)
                  ? true
                  : message(req, {
                      fr: 'Indiquez une adresse https:// complète (par exemple https://meteo.gc.ca/).',
                      en: 'Enter a full https:// address (e.g. https://meteo.gc.ca/).',
                    }),
            },
            {
              name: 'contact',
              type: 'group',
              label: tr({ fr: 'Coordonnées', en: 'Contact details' }),
              fields: [
                { name: 'phone', type: 'text', label: tr({ fr: 'Téléphone', en: 'Phone' }) },
                { name: 'email', type: 'email', label: tr({ fr: 'Courriel', en: 'Email' }) },
                { name: 'address', type: 'textarea', label: tr({ fr: 'Adresse', en: 'Address' }) },
                {
                  name: 'note',
                  type: 'text',
                  localized: true,
                  label: tr({ fr: 'Note (ex. : adresse confidentielle)', en: 'Note (e.g. confidential address)' }),
                },
              ],
            },
            {
              name: 'helpLines',
              type: 'array',
              label: tr({ fr: 'Lignes d’aide', en: 'Help lines' }),
              labels: { singular: tr({ fr: 'Ligne d’aide', en: 'Help line' }), plural: tr({ fr: 'Lignes d’aide', en: 'Help lines' }) },
              fields: [
                { name: 'label', type: 'text', required: true, localized: true, label: tr({ fr: 'Nom', en: 'Name' }) },
                { name: 'phone', type: 'text', required: true, label: tr({ fr: 'Téléphone', en: 'Phone' }) },
                { name: 'hours', type: 'text', localized: true, label: tr({ fr: 'Heures', en: 'Hours' }) },
              ],
            },
          ],
        },
        {
          label: { fr: 'Menus et référencement', en: 'Menus and SEO' },
          fields: [
            menuField('headerMenu', { fr: 'Menu d’en-tête', en: 'Header menu' }, { pages: true }),
            menuField('footerMenu', { fr: 'Menu de pied de page', en: 'Footer menu' }, { pages: true }),
            {
              name: 'seo',
              type: 'group',
              label: tr({ fr: 'Référencement par défaut', en: 'Default SEO' }),
              fields: [
                { name: 'description', type: 'textarea', localized: true, label: tr({ fr: 'Description', en: 'Description' }) },
                { name: 'image', type: 'upload', relationTo: 'media', label: tr({ fr: 'Image de partage', en: 'Share image' }) },
              ],
            },
          ],
        },
      ],
    },
  ],
}
