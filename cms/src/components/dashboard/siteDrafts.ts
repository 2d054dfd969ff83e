// Partner staff: drafts in progress on their sites (news and pages whose
// latest version is not published), newest change first.
import type { PayloadRequest } from 'payload'
import { textOf } from './text'

export interface DraftItem {
  collection: 'news' | 'pages'
  id: number
  title: string
  updatedAt: string
}

export interface SiteDrafts {
  total: number
  items: DraftItem[]
}

const SITE_FIELD = { news: 'originSite', pages: 'site' } as const

export async function siteDrafts(req: PayloadRequest, siteIds: number[], limit = 8): Promise<SiteDrafts> {
  if (siteIds.length === 0) return { total: 0, items: [] }
  const results = await Promise.all(
    (['news', 'pages'] as const).map(async (collection) => {
      const found = await req.payload.find({
        collection,
        draft: true,
        where: { and: [{ _status: { equals: 'draft' } }, { [SITE_FIELD[collection]]: { in: siteIds } }] },
        sort: '-updatedAt',
        limit,
        depth: 0,
        select: { title: true, updatedAt: true },
        overrideAccess: false,
        req,
      })
      return {
        total: found.totalDocs,
        items: found.docs.map((doc) => ({ collection, id: doc.id, title: textOf(doc.title, req.locale), updatedAt: doc.updatedAt })),
      }
    }),
  )
  const items = results
    .flatMap((r) => r.items)
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
    .slice(0, limit)
  return { total: results.reduce((sum, r) => sum + r.total, 0), items }
}
