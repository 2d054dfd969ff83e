// Published local pages of one site → SnapshotPage, sorted by path.
import type { Locale, SnapshotPage } from '@cles/content'
import { toBlocks } from './blocks'
import type { PageDoc } from './docs'
import { localized, relationId } from './fields'
import type { RichTextContext } from './richtext'
import { toSeo } from './seo'

async function toPage(doc: PageDoc, context: Omit<RichTextContext, 'images'>): Promise<SnapshotPage> {
  const layout = doc.layout ?? {}
  const title = localized(doc.title)
  const fr = await toBlocks(layout.fr, { ...context, locale: 'fr' })
  // English only when it has a title *and* its own content: never a French copy.
  const en = title.en && layout.en?.length ? await toBlocks(layout.en, { ...context, locale: 'en' }) : undefined
  const locales: Locale[] = en?.length ? ['fr', 'en'] : ['fr']
  return {
    id: String(doc.id),
    slug: doc.slug,
    path: doc.path ?? '',
    parentId: doc.parent == null ? null : relationId(doc.parent),
    title,
    locales,
    blocks: en?.length ? { fr, en } : { fr },
    seo: await toSeo(doc.meta, context.media),
  }
}

export async function toPages(docs: PageDoc[], context: Omit<RichTextContext, 'images'>): Promise<SnapshotPage[]> {
  const pages: SnapshotPage[] = []
  for (const doc of docs) pages.push(await toPage(doc, context))
  // A parent the reader cannot see (draft, unpublished) is not linked to.
  const ids = new Set(pages.map((p) => p.id))
  for (const page of pages) if (page.parentId !== null && !ids.has(page.parentId)) page.parentId = null
  return pages.sort((a, b) => a.path.localeCompare(b.path, 'en') || a.id.localeCompare(b.id, 'en', { numeric: true }))
}
