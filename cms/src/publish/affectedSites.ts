// Which sites a change can alter for readers. Over-approximating is safe (an
// unchanged site publishes nothing); missing a site is not.
import type { PayloadRequest } from 'payload'
import { relationIds } from '../lib/relationId'

type Doc = Record<string, unknown> | undefined
type Id = string | number

const ids = relationIds

const published = (doc: Doc) => doc?._status === 'published'

async function allSites(req: PayloadRequest): Promise<Id[]> {
  const result = await req.payload.find({
    collection: 'sites',
    depth: 0,
    limit: 1000,
    pagination: false,
    overrideAccess: true,
    req,
    select: {},
  })
  return result.docs.map((d) => d.id)
}

/** Collections whose changes readers can see, and the sites each change touches. */
export const PUBLISHED_COLLECTIONS: Record<string, (doc: Doc, previous: Doc, req: PayloadRequest) => Promise<Id[]> | Id[]> = {
  // A news item shows on its origin and on the sites that accepted it (a subset of its targets).
  news: (doc, previous) =>
    published(doc) || published(previous) ? ids(doc?.originSite, doc?.targetSites, previous?.originSite, previous?.targetSites) : [],
  pages: (doc, previous) => (published(doc) || published(previous) ? ids(doc?.site, previous?.site) : []),
  'syndication-decisions': (doc, previous) => ids(doc?.site, previous?.site),
  resources: (doc, previous) => ids(doc?.sites, previous?.sites),
  redirects: (doc, previous) => ids(doc?.site, previous?.site),
  // Every site lists the network (names, addresses) and may show shared categories or syndicated images.
  sites: (_doc, _previous, req) => allSites(req),
  categories: (_doc, _previous, req) => allSites(req),
  media: (_doc, _previous, req) => allSites(req),
}

export async function affectedSites(collection: string, doc: Doc, previous: Doc, req: PayloadRequest): Promise<Id[]> {
  const rule = PUBLISHED_COLLECTIONS[collection]
  if (!rule) return []
  const seen = new Set<string>()
  return (await rule(doc, previous, req)).filter((id) => !seen.has(String(id)) && seen.add(String(id)))
}
