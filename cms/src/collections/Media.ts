import path from 'node:path'
import type { CollectionConfig } from 'payload'
import { MAX_LENGTH } from '../fields/limits'
import { siteField } from '../fields/siteField'
import { mediaAccess, ownMediaFilter } from '../access/media'
import { checkUpload } from '../hooks/checkUpload'
import { dropKeptFiles, guardUploadWrite, noteUploadFiles, undoFailedUpload } from '../lib/mediaStorage'
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
  admin: {
    group: { fr: 'Contenu', en: 'Content' },
    defaultColumns: ['filename', 'alt', 'site'],
    baseFilter: ownMediaFilter,
    components: { beforeListTable: ['@/components/ListHelp#ListHelp'] },
    description: {
      fr:
        'Images et documents de votre site. Après le téléversement d’une image, « Modifier l’image » puis « Définir le point focal » ' +
        'indiquent la partie à toujours garder visible (un visage, un logo) quand les sites la recadrent pour les vignettes ' +
        'et les partages.',
      en:
        'Images and documents of your site. After uploading an image, “Edit image” then “Set focal point” mark the part to keep ' +
        'visible (a face, a logo) when the sites crop it for thumbnails and shares.',
    },
  },
  access: mediaAccess,
  // The disk: refused in French when the media folder cannot take a file, nothing lost when a write fails (lib/mediaStorage.ts).
  hooks: {
    beforeOperation: [checkUpload, guardUploadWrite],
    beforeValidate: [noteUploadFiles],
    afterOperation: [dropKeptFiles],
    afterError: [undoFailedUpload],
  },
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
          fr:
            'Ce que l’image apporte à la page, en une phrase, pour les personnes qui ne la voient pas (ex. : « Trois intervenantes ' +
            'devant la maison d’hébergement »). Sans « Image de… », sans répéter la légende. Pour un logo : le nom de l’organisme. ' +
            'Ne nommez personne qui n’y a pas consenti.',
          en:
            'What the image brings to the page, in one sentence, for people who cannot see it (e.g. “Three counsellors in front of ' +
            'the shelter”). No “Image of…”, do not repeat the caption. For a logo: the organisation’s name. Name nobody who did not consent.',
        },
      },
    },
    { name: 'caption', type: 'text', localized: true, maxLength: MAX_LENGTH.caption, label: tr({ fr: 'Légende', en: 'Caption' }) },
    { name: 'credit', type: 'text', label: tr({ fr: 'Crédit', en: 'Credit' }) },
    siteField(),
  ],
}
