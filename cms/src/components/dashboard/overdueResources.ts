// Network administration: help directory entries whose review date has passed,
// the most overdue first.
import type { PayloadRequest } from 'payload'
import { textOf } from './text'

export interface OverdueResources {
  total: number
  items: { id: number; name: string; reviewBy: string }[]
}

export async function overdueResources(req: PayloadRequest, limit = 10, now = new Date()): Promise<OverdueResources> {
  const found = await req.payload.find({
    collection: 'resources',
    where: { reviewBy: { less_than: now.toISOString() } },
    select: { name: true, reviewBy: true },
    sort: 'reviewBy',
    limit,
    depth: 0,
    overrideAccess: false,
    req,
  })
  return { total: found.totalDocs, items: found.docs.map((r) => ({ id: r.id, name: textOf(r.name, req.locale), reviewBy: r.reviewBy })) }
}
