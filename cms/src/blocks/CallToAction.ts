import type { Block } from 'payload'
import { menuField } from '../fields/localizedLink'
import { tr } from '../i18n/translations'

export const CallToActionBlock: Block = {
  slug: 'callToAction',
  // The chooser shows what the block renders; the layout names each block after its content.
  imageURL: '/blocks/call-to-action.svg',
  imageAltText: 'Une phrase et un ou deux boutons vers une page ou un site.',
  admin: {
    disableBlockName: true,
    components: {
      Label: { path: '@/components/BlockLabel#BlockLabel', clientProps: { blockLabel: { fr: 'Appel à l’action', en: 'Call to action' } } },
    },
  },
  labels: {
    singular: tr({ fr: 'Appel à l’action', en: 'Call to action' }),
    plural: tr({ fr: 'Appels à l’action', en: 'Calls to action' }),
  },
  fields: [
    { name: 'text', type: 'textarea', required: true, label: tr({ fr: 'Texte', en: 'Text' }) },
    { ...menuField('links', { fr: 'Boutons', en: 'Buttons' }), maxRows: 2 } as ReturnType<typeof menuField>,
  ],
}
