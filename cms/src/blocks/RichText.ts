import type { Block } from 'payload'
import { tr } from '../i18n/translations'

export const RichTextBlock: Block = {
  slug: 'richText',
  // The chooser shows what the block renders; the layout names each block after its content.
  imageURL: '/blocks/rich-text.svg',
  imageAltText: 'Un bloc de texte : titres, paragraphes, listes, liens.',
  admin: {
    disableBlockName: true,
    components: { Label: { path: '@/components/BlockLabel#BlockLabel', clientProps: { blockLabel: { fr: 'Texte', en: 'Text' } } } },
  },
  labels: { singular: tr({ fr: 'Texte', en: 'Text' }), plural: tr({ fr: 'Textes', en: 'Texts' }) },
  fields: [{ name: 'content', type: 'richText', required: true, label: tr({ fr: 'Contenu', en: 'Content' }) }],
}
