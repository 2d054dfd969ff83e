import type { Block } from 'payload'

export const RichTextBlock: Block = {
  slug: 'richText',
  labels: { singular: { fr: 'Texte', en: 'Text' }, plural: { fr: 'Textes', en: 'Texts' } },
  fields: [{ name: 'content', type: 'richText', required: true, label: { fr: 'Contenu', en: 'Content' } }],
}
