// What is online for a site, for its page in the admin: the live release and
// since when, and the last publication (state, duration, what failed).
import type { PayloadRequest, Where } from 'payload'
import type { Publication } from '../payload-types'

export interface SiteReleaseStatus {
  /** The last publication that went live: the release readers get. */
  live?: Pick<Publication, 'release' | 'finishedAt' | 'durationMs' | 'summary'>
  /** The most recent publication, whatever its state (may be the live one). */
  last?: Pick<Publication, 'state' | 'requestedAt' | 'finishedAt' | 'durationMs' | 'summary' | 'error'>
}

export async function siteReleaseStatus(req: PayloadRequest, site: number | string): Promise<SiteReleaseStatus> {
  const find = (extra: Where) =>
    req.payload.find({
      collection: 'publications',
      where: { and: [{ site: { equals: site } }, extra] },
      sort: '-requestedAt',
      limit: 1,
      depth: 0,
      // The person's own access: site staff read their site's publications, nobody else's.
      overrideAccess: false,
      req,
    })
  const [last, live] = await Promise.all([find({}), find({ state: { equals: 'live' } })])
  return { last: last.docs[0], live: live.docs[0] }
}
