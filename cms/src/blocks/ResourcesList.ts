import type { Block } from 'payload'
import { RESOURCE_CATEGORY_OPTIONS } from '../collections/Resources'
import { tr } from '../i18n/translations'

export const ResourcesListBlock: Block = {
  slug: 'resourcesList',
  // The chooser shows what the block renders; the layout names each block after its content.
  imageURL: '/blocks/resources-list.svg',
  imageAltText: 'Les ressources d’aide d’un besoin, en cartes avec téléphone et site web.',
  admin: {
    disableBlockName: true,
    components: {
      Label: {
        path: '@/components/BlockLabel#BlockLabel',
        clientProps: { blockLabel: { fr: 'Liste de ressources', en: 'Resources list' } },
      },
    },
  },
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
