// The draft preview (« Aperçu »): what one news item or page, as last saved
// (draft included), changes in the snapshot of a site that shows it. Read as
// the signed-in person (overrideAccess: false), so nobody previews what they
// cannot open; everything else comes from the site's live snapshot, merged by
// the publisher (publish/previewRenderer.ts). Nothing here is written to a
// snapshot or a release: media go to the preview's own folder (lib/paths.ts).
import { routePath, type SnapshotArticle, type SnapshotCategory, type SnapshotPage, type SnapshotSite } from '@cles/content'
import type { PayloadRequest } from 'payload'
import { mediaDir, previewDir } from '../lib/paths'
import { toArticle } from './index'
import { readAll, type NewsDoc, type PageDoc } from './docs'
import { relationId } from './fields'
import { linkResolver } from './links'
import { MediaStore, mediaReader } from './media'
import { toPages } from './pages'
import { toSite } from './site'

export type PreviewOverlay =
  { kind: 'news'; article: SnapshotArticle; categories: SnapshotCategory[] } | { kind: 'page'; id: string; pages: SnapshotPage[] }

export interface PreviewRequest {
  /** The site to render it on. */
  site: string
  /** Its address on that site (for a syndicated copy, the publisher keeps the copy's own slug). */
  path: string
  overlay: PreviewOverlay
}

export interface PreviewTarget {
  /** Sites that show (or, once published, will show) the document, the origin first. */
  sites: { slug: string; name: string }[]
  build: (site: string) => Promise<PreviewRequest>
}

/** Null when the person may not open the document (or it does not exist). */
export async function previewTarget(req: PayloadRequest, collection: 'news' | 'pages', id: string): Promise<PreviewTarget | null> {
  const { payload } = req
  const doc = await payload.findByID({ collection, id, draft: true, depth: 1, locale: 'all', overrideAccess: false, req }).catch(() => null)
  if (!doc) return null
  const media = new MediaStore(mediaReader(payload, mediaDir()), previewDir())
  const siteById = new Map<string, SnapshotSite>()
  for (const site of await readAll(payload, 'sites', { sort: 'slug' })) siteById.set(String(site.id), await toSite(site, media))
  const slugOf = (siteId: Parameters<typeof relationId>[0]) => siteById.get(String(relationId(siteId)))?.slug
  const bySlug = (slug: string) => [...siteById.values()].find((site) => site.slug === slug)

  if (collection === 'news') {
    const news = doc as unknown as NewsDoc
    const origin = slugOf(news.originSite)
    const accepted = await payload.find({
      collection: 'syndication-decisions',
      where: { and: [{ news: { equals: news.id } }, { decision: { equals: 'accepted' } }] },
      depth: 0,
      limit: 100,
      overrideAccess: true,
    })
    const slugs = [origin, ...accepted.docs.map((decision) => slugOf(decision.site))].filter((slug): slug is string => !!slug)
    return {
      sites: [...new Set(slugs)].map((slug) => ({ slug, name: bySlug(slug)!.name })),
      build: async (siteSlug) => {
        const site = bySlug(siteSlug)!
        const categories = new Map<string, SnapshotCategory>()
        // A draft not saved with a date or an address yet is shown as it would be today.
        const draft = { ...news, publishedAt: news.publishedAt ?? new Date().toISOString(), slug: news.slug || `apercu-${news.id}` }
        const article = await toArticle(draft, siteById, { media, linkTo: linkResolver(site, siteById) }, categories)
        return {
          site: siteSlug,
          path: routePath('article', 'fr', { slug: article.slug }),
          overlay: { kind: 'news', article, categories: [...categories.values()] },
        }
      },
    }
  }

  const page = doc as unknown as PageDoc
  const siteSlug = slugOf(page.site)
  if (!siteSlug) return null
  return {
    sites: [{ slug: siteSlug, name: bySlug(siteSlug)!.name }],
    build: async () => {
      const site = bySlug(siteSlug)!
      const published = await readAll(payload, 'pages', {
        sort: 'path',
        where: { and: [{ _status: { equals: 'published' } }, { site: { equals: relationId(page.site) } }] },
      })
      const docs = [...published.filter((other) => String(other.id) !== String(page.id)), page]
      const pages = await toPages(docs, { media, linkTo: linkResolver(site, siteById) })
      const shown = pages.find((entry) => entry.id === String(page.id))!
      return { site: siteSlug, path: shown.path || '/', overlay: { kind: 'page', id: shown.id, pages } }
    },
  }
}
