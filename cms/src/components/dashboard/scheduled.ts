// Scheduled publishing (Payload's schedulePublish jobs) of the documents a
// person may read. The jobs queue itself is closed to every account (its
// access denies all reads): it is read here as the admin's own schedule
// drawer does, and each document is then read with the person's access, so
// nobody learns about a document they cannot open.
import type { PayloadRequest, Where } from 'payload'
import { textOf } from './text'

export interface ScheduledItem {
  jobId: number | string
  type: 'publish' | 'unpublish'
  at: string
  collection: 'news' | 'pages'
  id: number
  title: string
}

const SITE_FIELD = { news: 'originSite', pages: 'site' } as const

interface ScheduleInput {
  type?: string
  doc?: { relationTo?: string; value?: string | number }
}

/** Upcoming publications, soonest first; `siteIds` keeps the documents of these sites only. */
export async function upcomingSchedules(req: PayloadRequest, siteIds?: number[], limit = 10): Promise<ScheduledItem[]> {
  const { docs: jobs } = await req.payload.find({
    collection: 'payload-jobs',
    where: {
      and: [
        { taskSlug: { equals: 'schedulePublish' } },
        { waitUntil: { greater_than: new Date().toISOString() } },
        { completedAt: { exists: false } },
      ],
    },
    sort: 'waitUntil',
    limit: 500,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const wanted = jobs
    .map((job) => ({ job, input: (job.input ?? {}) as ScheduleInput }))
    .filter(({ input }) => (input.doc?.relationTo === 'news' || input.doc?.relationTo === 'pages') && input.doc.value != null)

  const readable = new Map<string, { id: number; title: string }>()
  for (const collection of ['news', 'pages'] as const) {
    const ids = wanted.filter(({ input }) => input.doc?.relationTo === collection).map(({ input }) => Number(input.doc!.value))
    if (ids.length === 0) continue
    const where: Where[] = [{ id: { in: [...new Set(ids)] } }]
    if (siteIds) where.push({ [SITE_FIELD[collection]]: { in: siteIds.length ? siteIds : [-1] } })
    const { docs } = await req.payload.find({
      collection,
      draft: true,
      where: { and: where },
      depth: 0,
      select: { title: true },
      pagination: false,
      overrideAccess: false,
      req,
    })
    for (const doc of docs) readable.set(`${collection}:${doc.id}`, { id: doc.id, title: textOf(doc.title, req.locale) })
  }

  const items: ScheduledItem[] = []
  for (const { job, input } of wanted) {
    const collection = input.doc!.relationTo as 'news' | 'pages'
    const doc = readable.get(`${collection}:${Number(input.doc!.value)}`)
    if (!doc || !job.waitUntil) continue
    items.push({ jobId: job.id, type: input.type === 'unpublish' ? 'unpublish' : 'publish', at: job.waitUntil, collection, ...doc })
  }
  return items.slice(0, limit)
}
