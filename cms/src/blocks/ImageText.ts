import type { Block } from 'payload'
import { tr } from '../i18n/translations'

export const ImageTextBlock: Block = {
  slug: 'imageText',
  // The chooser shows what the block renders; the layout names each block after its content.
  imageURL: '/blocks/image-text.svg',
  imageAltText: 'Une image à côté d’un texte.',
  admin: {
    disableBlockName: true,
    components: {
      Label: { path: '@/components/BlockLabel#BlockLabel', clientProps: { blockLabel: { fr: 'Image et texte', en: 'Image and text' } } },
    },
  },
  labels: { singular: tr({ fr: 'Image et texte', en: 'Image and text' }), plural: tr({ fr: 'Images et textes', en: 'Images and texts' }) },
  fields: [
    { name: 'image', type: 'upload', relationTo: 'media', required: true, label: tr({ fr: 'Image', en: 'Image' }) },
    { name: 'text', type: 'richText', required: true, label: tr({ fr: 'Texte', en: 'Text' }) },
    {
      name: 'imageSide',
      type: 'select',
      defaultValue: 'left',
      options: [
        { value: 'left', label: { fr: 'Image à gauche', en: 'Image on the left' } },
        { value: 'right', label: { fr: 'Image à droite', en: 'Image on the right' } },
      ],
      label: tr({ fr: 'Position de l’image', en: 'Image position' }),
    },
  ],
}
