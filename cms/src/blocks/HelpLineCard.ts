import type { Block } from 'payload'
import { tr } from '../i18n/translations'

/** Shows the site's help lines (set on the site), so numbers are kept in one place. */
export const HelpLineCardBlock: Block = {
  slug: 'helpLineCard',
  // The chooser shows what the block renders; the layout names each block after its content.
  imageURL: '/blocks/help-line-card.svg',
  imageAltText: 'Un encadré avec les lignes d’aide du site.',
  admin: {
    disableBlockName: true,
    components: {
      Label: {
        path: '@/components/BlockLabel#BlockLabel',
        clientProps: { blockLabel: { fr: 'Carte lignes d’aide', en: 'Help-line card' } },
      },
    },
  },
  labels: {
    singular: tr({ fr: 'Carte lignes d’aide', en: 'Help-line card' }),
    plural: tr({ fr: 'Cartes lignes d’aide', en: 'Help-line cards' }),
  },
  fields: [{ name: 'heading', type: 'text', label: tr({ fr: 'Titre', en: 'Heading' }) }],
}
