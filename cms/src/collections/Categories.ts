import type { CollectionConfig } from 'payload'
import { MAX_LENGTH } from '../fields/limits'
import { anyone } from '../access/anyone'
import { networkStaff } from '../access/networkStaff'
import { slugField } from '../fields/slug'
import { tr } from '../i18n/translations'

/** Network-wide news categories (shared so syndicated news keep their category). */
export const Categories: CollectionConfig = {
  slug: 'categories',
  labels: { singular: tr({ fr: 'Catégorie', en: 'Category' }), plural: tr({ fr: 'Catégories', en: 'Categories' }) },
  admin: {
    useAsTitle: 'title',
    group: { fr: 'Contenu', en: 'Content' },
    components: { beforeListTable: ['@/components/ListHelp#ListHelp'] },
  },
  access: { read: anyone, create: networkStaff, update: networkStaff, delete: networkStaff },
  fields: [
    { name: 'title', type: 'text', required: true, localized: true, maxLength: MAX_LENGTH.title, label: tr({ fr: 'Nom', en: 'Name' }) },
    slugField('title', { unique: true }),
  ],
}
