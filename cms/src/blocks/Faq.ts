import type { Block } from 'payload'
import { tr } from '../i18n/translations'

export const FaqBlock: Block = {
  slug: 'faq',
  // The chooser shows what the block renders; the layout names each block after its content.
  imageURL: '/blocks/faq.svg',
  imageAltText: 'Des questions, chacune avec sa réponse à déplier.',
  admin: {
    disableBlockName: true,
    components: {
      Label: { path: '@/components/BlockLabel#BlockLabel', clientProps: { blockLabel: { fr: 'Questions fréquentes', en: 'FAQ' } } },
    },
  },
  labels: { singular: tr({ fr: 'Questions fréquentes', en: 'FAQ' }), plural: tr({ fr: 'Questions fréquentes', en: 'FAQs' }) },
  fields: [
    {
      name: 'items',
      type: 'array',
      required: true,
      minRows: 1,
      label: tr({ fr: 'Questions', en: 'Questions' }),
      labels: { singular: tr({ fr: 'Question', en: 'Question' }), plural: tr({ fr: 'Questions', en: 'Questions' }) },
      fields: [
        { name: 'question', type: 'text', required: true, label: tr({ fr: 'Question', en: 'Question' }) },
        { name: 'answer', type: 'textarea', required: true, label: tr({ fr: 'Réponse', en: 'Answer' }) },
      ],
    },
  ],
}
