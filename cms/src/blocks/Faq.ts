import type { Block } from 'payload'

export const FaqBlock: Block = {
  slug: 'faq',
  labels: { singular: { fr: 'Questions fréquentes', en: 'FAQ' }, plural: { fr: 'Questions fréquentes', en: 'FAQs' } },
  fields: [
    {
      name: 'items',
      type: 'array',
      required: true,
      minRows: 1,
      label: { fr: 'Questions', en: 'Questions' },
      fields: [
        { name: 'question', type: 'text', required: true, label: { fr: 'Question', en: 'Question' } },
        { name: 'answer', type: 'textarea', required: true, label: { fr: 'Réponse', en: 'Answer' } },
      ],
    },
  ],
}
