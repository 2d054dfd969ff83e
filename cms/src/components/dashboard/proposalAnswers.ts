// The answers of the sites a news item was proposed to: accepted, declined (and
// why) or not answered yet. Read with the person's access: CLES communication
// sees every partner's answer to its items; a partner sees its own sites only.
import type { PayloadRequest } from 'payload'
import { siteNames } from './siteNames'
import { actingSites, isNetworkAdminUser, PUBLISHERS, sameId } from '../../access/roles'
import { relationId, relationIds } from '../../lib/relationId'

export type Decision = 'accepted' | 'declined'

export interface SiteAnswer {
  site: { id: number; name: string }
  decision: Decision | null
  reason: string | null
  decidedAt: string | null
  /** Who answered, when the person may read that account. */
  decidedBy: string | null
  decisionId: number | null
  /** The person answers for this site (its admin or editor), network admins excepted. */
  canAnswer: boolean
}

interface ProposedNews {
  id: number
  targetSites?: unknown
}

/** Answers per news item id, one row per proposed site the person may see, in site-name order. */
export async function proposalAnswers(req: PayloadRequest, items: ProposedNews[]): Promise<Map<number, SiteAnswer[]>> {
  const result = new Map<number, SiteAnswer[]>()
  const siteIds = [...new Set(items.flatMap((item) => relationIds(item.targetSites).map(Number)))]
  if (items.length === 0 || siteIds.length === 0) return result
  const [{ docs: decisions }, sites, answering] = await Promise.all([
    req.payload.find({
      collection: 'syndication-decisions',
      where: { news: { in: items.map((item) => item.id) } },
      select: { news: true, site: true, decision: true, reason: true, decidedAt: true, decidedBy: true },
      populate: { users: { name: true, email: true } },
      depth: 1,
      pagination: false,
      overrideAccess: false,
      req,
    }),
    siteNames(req, siteIds),
    isNetworkAdminUser(req.user) ? Promise.resolve([]) : actingSites(req, PUBLISHERS),
  ])
  for (const item of items) {
    const targets = relationIds(item.targetSites).map(String)
    const rows: SiteAnswer[] = []
    for (const site of sites) {
      if (!targets.includes(String(site.id))) continue
      const answer = decisions.find((d) => sameId(relationId(d.news), item.id) && sameId(relationId(d.site), site.id))
      const by = answer?.decidedBy && typeof answer.decidedBy === 'object' ? answer.decidedBy : null
      rows.push({
        site: { id: site.id, name: site.name },
        decision: answer?.decision ?? null,
        reason: answer?.reason || null,
        decidedAt: answer?.decidedAt ?? null,
        decidedBy: by ? by.name || by.email || null : null,
        decisionId: answer?.id ?? null,
        canAnswer: answering.some((s) => sameId(s, site.id)),
      })
    }
    result.set(item.id, rows)
  }
  return result
}
