import type { CollectionConfig } from 'payload'
import { MAX_LENGTH } from '../fields/limits'
import { siteScopedAccess } from '../access/siteScoped'
import { CallToActionBlock } from '../blocks/CallToAction'
import { FaqBlock } from '../blocks/Faq'
import { HelpLineCardBlock } from '../blocks/HelpLineCard'
import { ImageTextBlock } from '../blocks/ImageText'
import { ResourcesListBlock } from '../blocks/ResourcesList'
import { RichTextBlock } from '../blocks/RichText'
import { siteField } from '../fields/siteField'
import { slugField } from '../fields/slug'
import { computePagePath } from '../hooks/computePagePath'
import { guardPublishing, guardUnpublishing, keepPublishedState } from '../hooks/guardPublishing'
import { followPageMove } from '../hooks/followMoves'
import { keepPageTree, keepPublishedChildren, keepPublishedTree } from '../hooks/keepPageTree'
import { tr } from '../i18n/translations'
import { relationId } from '../lib/relationId'
import { liveStatusField } from '../fields/liveStatus'
import { liveStatusEndpoint } from '../publish/liveStatusEndpoint'
import { translationStatusField } from '../fields/translationStatus'
import { hasEnglishField } from '../fields/hasEnglish'
import { trackEnglish } from '../hooks/trackEnglish'
import { previewAdmin } from '../publish/previewEndpoints'

/** Local pages of one site, nested (parent → path), built from blocks. */
export const Pages: CollectionConfig = {
  slug: 'pages',
  labels: { singular: tr({ fr: 'Page', en: 'Page' }), plural: tr({ fr: 'Pages', en: 'Pages' }) },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'path', 'site', '_status'],
    // The list reads only the shown columns (a list of 20 at 10,000 items: a third less work per request).
    enableListViewSelectAPI: true,
    group: { fr: 'Contenu', en: 'Content' },
    // « Aperçu » and the live preview: the last saved version in its site's design (publish/previewEndpoints.ts).
    ...previewAdmin('pages'),
    // What to do first on an empty list, and « Sans version anglaise » site by site.
    components: { beforeListTable: ['@/components/ListHelp#ListHelp'] },
  },
  access: siteScopedAccess({ siteField: 'site', publicRead: 'published' }),
  // « En ligne sur » asked again by the sidebar while a release is on its way.
  endpoints: [liveStatusEndpoint('pages')],
  hooks: {
    beforeOperation: [guardUnpublishing('site'), keepPublishedState(), keepPublishedChildren],
    beforeChange: [guardPublishing('site'), computePagePath, keepPublishedTree, trackEnglish],
    afterChange: [followPageMove],
    beforeDelete: [keepPageTree],
  },
  versions: { drafts: { schedulePublish: true }, maxPerDoc: 50 },
  fields: [
    liveStatusField,
    translationStatusField,
    hasEnglishField,
    { name: 'title', type: 'text', required: true, localized: true, maxLength: MAX_LENGTH.title, label: tr({ fr: 'Titre', en: 'Title' }) },
    {
      name: 'layout',
      type: 'blocks',
      localized: true,
      label: tr({ fr: 'Contenu de la page', en: 'Page content' }),
      labels: {
        singular: tr({ fr: 'Bloc de contenu', en: 'Content block' }),
        plural: tr({ fr: 'Blocs de contenu', en: 'Content blocks' }),
      },
      blocks: [RichTextBlock, CallToActionBlock, ResourcesListBlock, HelpLineCardBlock, FaqBlock, ImageTextBlock],
    },
    siteField(),
    slugField('title', { uniquePer: 'site' }),
    {
      name: 'parent',
      type: 'relationship',
      relationTo: 'pages',
      label: tr({ fr: 'Page parente', en: 'Parent page' }),
      admin: {
        position: 'sidebar',
        description: {
          fr:
            'La page sous laquelle celle-ci se range : son adresse en découle (/services/hebergement/) et, une fois publiée, ' +
            'la page parente la présente sous « Dans cette section ».',
          en:
            'The page this one sits under: its address follows (/services/shelter/) and, once published, the parent page lists ' +
            'it under “In this section”.',
        },
      },
      // Only pages of the same site can be chosen as parent.
      filterOptions: ({ data }) => (data?.site ? { site: { equals: relationId(data.site) } } : true),
    },
    { name: 'path', type: 'text', index: true, label: tr({ fr: 'Chemin', en: 'Path' }), admin: { readOnly: true, position: 'sidebar' } },
  ],
}
