import type { Block } from 'payload'
import { tr } from '../i18n/translations'

export const RichTextBlock: Block = {
  slug: 'richText',
  labels: { singular: tr({ fr: 'Texte', en: 'Text' }), plural: tr({ fr: 'Textes', en: 'Texts' }) },
  fields: [{ name: 'content', type: 'richText', required: true, label: tr({ fr: 'Contenu', en: 'Content' }) }],
}
