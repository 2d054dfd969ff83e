// CLES communication: the hub's recent news (drafts included), and the items
// it proposed to partner sites, with each partner's answer.
import type { PayloadRequest } from 'payload'
import { proposalAnswers, type SiteAnswer } from './proposalAnswers'
import { textOf } from './text'

export interface HubNewsItem {
  id: number
  title: string
  status: 'published' | 'draft'
  publishedAt: string
  updatedAt: string
}

export interface ProposedItem extends HubNewsItem {
  answers: SiteAnswer[]
}

/** The fields a dashboard line shows: the lists read only these (not bodies and layouts). */
const LINE = { title: true, _status: true, publishedAt: true, updatedAt: true } as const

type Line = { id: number; title?: unknown; _status?: string | null; publishedAt: string; updatedAt: string }

function lineOf(doc: Line, req: PayloadRequest): HubNewsItem {
  return {
    id: doc.id,
    title: textOf(doc.title, req.locale),
    status: doc._status === 'published' ? 'published' : 'draft',
    publishedAt: doc.publishedAt,
    updatedAt: doc.updatedAt,
  }
}

export async function recentHubNews(req: PayloadRequest, hubSites: number[], limit = 8): Promise<HubNewsItem[]> {
  if (hubSites.length === 0) return []
  const { docs } = await req.payload.find({
    collection: 'news',
    draft: true,
    where: { originSite: { in: hubSites } },
    sort: '-updatedAt',
    limit,
    depth: 0,
    select: LINE,
    overrideAccess: false,
    req,
  })
  return docs.map((doc) => lineOf(doc, req))
}

export async function proposedHubNews(req: PayloadRequest, hubSites: number[], limit = 8): Promise<ProposedItem[]> {
  if (hubSites.length === 0) return []
  const { docs } = await req.payload.find({
    collection: 'news',
    where: { and: [{ originSite: { in: hubSites } }, { targetSites: { exists: true } }] },
    sort: '-publishedAt',
    limit,
    depth: 0,
    select: { ...LINE, targetSites: true },
    overrideAccess: false,
    req,
  })
  const answers = await proposalAnswers(req, docs)
  return docs.map((doc) => ({ ...lineOf(doc, req), answers: answers.get(doc.id) ?? [] }))
}
