import type { Block } from 'payload'
import { RESOURCE_CATEGORY_OPTIONS } from '../collections/Resources'
import { tr } from '../i18n/translations'

export const ResourcesListBlock: Block = {
  slug: 'resourcesList',
  labels: {
    singular: tr({ fr: 'Liste de ressources', en: 'Resources list' }),
    plural: tr({ fr: 'Listes de ressources', en: 'Resources lists' }),
  },
  fields: [
    { name: 'heading', type: 'text', label: tr({ fr: 'Titre', en: 'Heading' }) },
    {
      name: 'category',
      type: 'select',
      required: true,
      options: RESOURCE_CATEGORY_OPTIONS,
      label: tr({ fr: 'Catégorie', en: 'Category' }),
    },
  ],
}
