import path from 'node:path'
import type { CollectionConfig } from 'payload'
import { anyone } from '../access/anyone'
import { authenticated } from '../access/authenticated'
import { mediaDir } from '../lib/paths'

/** Images and documents; originals stay in the media folder, sizes are made by sharp. */
export const Media: CollectionConfig = {
  slug: 'media',
  labels: { singular: { fr: 'Média', en: 'Media' }, plural: { fr: 'Médias', en: 'Media' } },
  admin: { group: { fr: 'Contenu', en: 'Content' } },
  access: {
    read: anyone,
    create: authenticated,
    update: authenticated,
    delete: authenticated,
  },
  upload: {
    staticDir: path.resolve(mediaDir()),
    mimeTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/avif', 'application/pdf'],
    imageSizes: [
      { name: 'thumbnail', width: 400 },
      { name: 'card', width: 800 },
      { name: 'hero', width: 1600 },
    ],
    focalPoint: true,
  },
  fields: [
    {
      name: 'alt',
      type: 'text',
      required: true,
      localized: true,
      label: { fr: 'Texte alternatif', en: 'Alternative text' },
      admin: {
        description: {
          fr: 'Décrivez l’image pour les personnes qui ne la voient pas.',
          en: 'Describe the image for people who cannot see it.',
        },
      },
    },
    { name: 'credit', type: 'text', label: { fr: 'Crédit', en: 'Credit' } },
  ],
}
