import type { Block } from 'payload'
import { menuField } from '../fields/localizedLink'

export const CallToActionBlock: Block = {
  slug: 'callToAction',
  labels: { singular: { fr: 'Appel à l’action', en: 'Call to action' }, plural: { fr: 'Appels à l’action', en: 'Calls to action' } },
  fields: [
    { name: 'text', type: 'textarea', required: true, label: { fr: 'Texte', en: 'Text' } },
    { ...menuField('links', { fr: 'Boutons', en: 'Buttons' }), maxRows: 2 } as ReturnType<typeof menuField>,
  ],
}
