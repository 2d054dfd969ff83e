// The rich-text editor offered to staff: Payload's default features, except
// that links and related-document cards can only point to what a reader site
// can show (news and pages), and no checklist (readers cannot tick it).
import { lexicalEditor, LinkFeature, RelationshipFeature } from '@payloadcms/richtext-lexical'

const READER_COLLECTIONS = ['news', 'pages'] as const

export const richTextEditor = lexicalEditor({
  features: ({ defaultFeatures }) => [
    ...defaultFeatures.filter((feature) => !['link', 'relationship', 'checklist'].includes(feature.key)),
    LinkFeature({ enabledCollections: [...READER_COLLECTIONS] }),
    RelationshipFeature({ enabledCollections: [...READER_COLLECTIONS] }),
  ],
})
