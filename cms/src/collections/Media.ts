import path from 'node:path'
import type { CollectionConfig } from 'payload'
import { MAX_LENGTH } from '../fields/limits'
import { siteField } from '../fields/siteField'
import { mediaAccess } from '../access/media'
import { checkUpload } from '../hooks/checkUpload'
import { ALLOWED_UPLOAD_TYPES } from '../lib/sniffUpload'
import { mediaDir } from '../lib/paths'
import { tr } from '../i18n/translations'

/**
 * Images and documents of one site. Staff see their sites' uploads; readers
 * (and the exporter) only those that published content or a site uses
 * (access/publicMedia.ts), file included.
 */
export const Media: CollectionConfig = {
  slug: 'media',
  labels: { singular: tr({ fr: 'Média', en: 'Media' }), plural: tr({ fr: 'Médias', en: 'Media' }) },
  admin: { group: { fr: 'Contenu', en: 'Content' }, defaultColumns: ['filename', 'alt', 'site'] },
  access: mediaAccess,
  hooks: { beforeOperation: [checkUpload] },
  upload: {
    staticDir: path.resolve(mediaDir()),
    mimeTypes: [...ALLOWED_UPLOAD_TYPES],
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
      maxLength: MAX_LENGTH.alt,
      label: tr({ fr: 'Texte alternatif', en: 'Alternative text' }),
      admin: {
        description: {
          fr: 'Décrivez l’image pour les personnes qui ne la voient pas.',
          en: 'Describe the image for people who cannot see it.',
        },
      },
    },
    { name: 'caption', type: 'text', localized: true, maxLength: MAX_LENGTH.caption, label: tr({ fr: 'Légende', en: 'Caption' }) },
    { name: 'credit', type: 'text', label: tr({ fr: 'Crédit', en: 'Credit' }) },
    siteField(),
  ],
}
