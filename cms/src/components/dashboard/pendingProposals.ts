// Partner staff: the news the CLES published and proposed to their sites,
// not answered yet by that site. Read with the person's own access.
import type { PayloadRequest } from 'payload'
import { siteNames } from './siteNames'
import { relationId, relationIds } from '../../lib/relationId'
import type { PartnerSite } from './audience'
import { textOf } from './text'

export interface PendingProposal {
  id: number
  title: string
  publishedAt: string
  origin: string | null
  /** The person's sites this item is proposed to that have not answered yet. */
  sites: PartnerSite[]
}

export interface PendingProposals {
  /** Items waiting for an answer from at least one of the person's sites. */
  total: number
  items: PendingProposal[]
}

export async function pendingProposals(req: PayloadRequest, sites: PartnerSite[], limit = 20): Promise<PendingProposals> {
  if (sites.length === 0) return { total: 0, items: [] }
  const siteIds = sites.map((s) => s.id)
  const [decisions, proposed] = await Promise.all([
    req.payload.find({
      collection: 'syndication-decisions',
      where: { site: { in: siteIds } },
      select: { news: true, site: true },
      depth: 0,
      pagination: false,
      overrideAccess: false,
      req,
    }),
    // Drafts are the CLES's work in progress: a proposal is answered once it is published.
    req.payload.find({
      collection: 'news',
      where: { and: [{ targetSites: { in: siteIds } }, { _status: { equals: 'published' } }] },
      select: { title: true, publishedAt: true, targetSites: true, originSite: true },
      sort: '-publishedAt',
      depth: 0,
      pagination: false,
      overrideAccess: false,
      req,
    }),
  ])
  const answered = new Set(decisions.docs.map((d) => `${relationId(d.news)}:${relationId(d.site)}`))
  const waiting = proposed.docs
    .map((news) => {
      const targets = relationIds(news.targetSites).map(String)
      return {
        news,
        sites: sites.filter((site) => targets.includes(String(site.id)) && !answered.has(`${news.id}:${site.id}`)),
      }
    })
    .filter((entry) => entry.sites.length > 0)

  const shown = waiting.slice(0, limit)
  const originIds = [...new Set(shown.map((entry) => relationId(entry.news.originSite)).filter((id) => id != null))]
  const origins = await siteNames(req, originIds as number[])
  return {
    total: waiting.length,
    items: shown.map(({ news, sites: pending }) => ({
      id: news.id,
      title: textOf(news.title, req.locale),
      publishedAt: news.publishedAt,
      origin: origins.find((o) => String(o.id) === String(relationId(news.originSite)))?.name ?? null,
      sites: pending,
    })),
  }
}
