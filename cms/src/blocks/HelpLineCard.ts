import type { Block } from 'payload'

/** Shows the site's help lines (set on the site), so numbers are kept in one place. */
export const HelpLineCardBlock: Block = {
  slug: 'helpLineCard',
  labels: { singular: { fr: 'Carte lignes d’aide', en: 'Help-line card' }, plural: { fr: 'Cartes lignes d’aide', en: 'Help-line cards' } },
  fields: [{ name: 'heading', type: 'text', label: { fr: 'Titre', en: 'Heading' } }],
}
