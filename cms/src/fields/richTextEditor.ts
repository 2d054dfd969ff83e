// The rich-text editor offered to staff: Payload's default features, except
// that links and related-document cards can only point to what a reader site
// can show (news and pages), and no checklist (readers cannot tick it).
// French: the editor's own French strings win over the admin's translations,
// so its few wrong ones are corrected on the features themselves; three
// mouse-only controls whose English names are hard-coded in the editor are
// hidden (the « / » menu and the toolbar do the same in French).
import { lexicalEditor, LinkFeature, RelationshipFeature, type FeatureProviderServer } from '@payloadcms/richtext-lexical'

const READER_COLLECTIONS = ['news', 'pages'] as const

/** Québec French for the editor strings Payload gets wrong (« Télécharger » means download). */
const FRENCH: Record<string, Record<string, string>> = {
  upload: { label: 'Fichier ou image' },
  heading: { label: 'Titre {{headingLevel}}' },
  align: { alignJustifyLabel: 'Justifier' },
}

type AnyFeature = FeatureProviderServer<unknown, unknown, unknown>
type ServerFeature = { i18n?: Record<string, Record<string, string>> }

function inFrench(provider: AnyFeature): AnyFeature {
  const strings = FRENCH[provider.key]
  if (!strings) return provider
  const withStrings = <T extends ServerFeature>(feature: T): T => ({
    ...feature,
    i18n: { ...feature.i18n, fr: { ...feature.i18n?.fr, ...strings } },
  })
  const original = provider.feature as unknown
  const feature =
    typeof original === 'function'
      ? async (...args: unknown[]) => withStrings(await (original as (...a: unknown[]) => Promise<ServerFeature>)(...args))
      : withStrings(original as ServerFeature)
  return { ...provider, feature } as AnyFeature
}

export const richTextEditor = lexicalEditor({
  admin: { hideDraggableBlockElement: true, hideAddBlockButton: true, hideInsertParagraphAtEnd: true },
  features: ({ defaultFeatures }) => [
    ...defaultFeatures
      .filter((feature) => !['link', 'relationship', 'checklist'].includes(feature.key))
      .map((f) => inFrench(f as AnyFeature)),
    LinkFeature({ enabledCollections: [...READER_COLLECTIONS] }),
    RelationshipFeature({ enabledCollections: [...READER_COLLECTIONS] }),
  ],
})
