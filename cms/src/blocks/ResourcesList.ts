import type { Block } from 'payload'
import { RESOURCE_CATEGORY_OPTIONS } from '../collections/Resources'

export const ResourcesListBlock: Block = {
  slug: 'resourcesList',
  labels: { singular: { fr: 'Liste de ressources', en: 'Resources list' }, plural: { fr: 'Listes de ressources', en: 'Resources lists' } },
  fields: [
    { name: 'heading', type: 'text', label: { fr: 'Titre', en: 'Heading' } },
    { name: 'category', type: 'select', required: true, options: RESOURCE_CATEGORY_OPTIONS, label: { fr: 'Catégorie', en: 'Category' } },
  ],
}
