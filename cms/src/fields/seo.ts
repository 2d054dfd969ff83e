// The SEO panel's fields (@payloadcms/plugin-seo) with labels and hints in the
// admin's language: the plugin hard-codes « Meta Image », « Preview » and an
// English upload hint on its fields.
import type { Field } from 'payload'
import { tr } from '../i18n/translations'

const LABELS: Record<string, { fr: string; en: string }> = {
  overview: { fr: 'Vérifications', en: 'Checks' },
  title: { fr: 'Titre pour les moteurs de recherche', en: 'Search engine title' },
  description: { fr: 'Description pour les moteurs de recherche', en: 'Search engine description' },
  image: { fr: 'Image de partage', en: 'Share image' },
  preview: { fr: 'Aperçu', en: 'Preview' },
}

const DESCRIPTIONS: Record<string, { fr: string; en: string }> = {
  title: {
    fr: 'Laissé vide : le titre du document, suivi du nom du site.',
    en: 'Left empty: the document title, followed by the site name.',
  },
  description: {
    fr: 'Laissée vide : le chapeau de l’actualité, ou la description par défaut du site.',
    en: 'Left empty: the news excerpt, or the site’s default description.',
  },
  image: {
    fr:
      'Image montrée quand quelqu’un partage le lien (réseaux sociaux, messageries). Laissée vide : l’image ' +
      'principale de l’actualité, ou l’image de partage du site.',
    en: 'Image shown when someone shares the link (social networks, messaging apps). Left empty: the news hero image, or the site’s share image.',
  },
}

export function seoFieldInFrench(field: Field): Field {
  if (!('name' in field) || !LABELS[field.name]) return field
  // Our preview: the real address from the route table, computed on the server (components/SeoPreview.tsx).
  if (field.name === 'preview' && field.type === 'ui') {
    return {
      ...field,
      label: { fr: LABELS.preview!.fr, en: LABELS.preview!.en },
      admin: { ...field.admin, components: { Field: '@/components/SeoPreview#SeoPreview' } },
    }
  }
  const description = DESCRIPTIONS[field.name]
  return {
    ...field,
    label: tr(LABELS[field.name]!),
    admin: { ...field.admin, ...(description ? { description } : {}) },
  } as Field
}
