// Network administration: help directory entries to review (review date passed
// or marked outdated, lib/listFilters.ts), the most overdue first.
import type { PayloadRequest } from 'payload'
import { resourcesToReviewWhere } from '../../lib/listFilters'
import { textOf } from './text'

export interface OverdueResources {
  total: number
  items: { id: number; name: string; reviewBy: string | null; outdated: boolean }[]
}

export async function overdueResources(req: PayloadRequest, limit = 10, now = new Date()): Promise<OverdueResources> {
  const found = await req.payload.find({
    collection: 'resources',
    where: resourcesToReviewWhere(now),
    select: { name: true, reviewBy: true, outdated: true },
    sort: 'reviewBy',
    limit,
    depth: 0,
    overrideAccess: false,
    req,
  })
  return {
    total: found.totalDocs,
    items: found.docs.map((r) => ({
      id: r.id,
      name: textOf(r.name, req.locale),
      reviewBy: r.reviewBy ?? null,
      outdated: Boolean(r.outdated),
    })),
  }
}
