// Where a news item or a page is online, for its sidebar in the admin: for
// each site that shows it (or was asked to), the state of the last release
// that carried it, when it went live, and the address of the live page.
import { routePath } from '@cles/content/routes'
import type { PayloadRequest, Where } from 'payload'
import type { Publication } from '../payload-types'
import { relationId, relationIds } from '../lib/relationId'

export type SiteStatusKind = 'live' | 'publishing' | 'failed' | 'waiting' | 'offline' | 'proposed' | 'declined'

export interface SiteStatus {
  site: { id: number; name: string }
  kind: SiteStatusKind
  /** When it went live (kind `live`). */
  at?: string
  /** The live page (kinds `live`, `publishing`, `failed`: where it is or will be). */
  url?: string
  /** First line of the failure (kind `failed`). */
  error?: string
}

type Tracked = 'news' | 'pages'

/** The last release of `site` that carried this document, if any. */
async function lastPublication(req: PayloadRequest, site: number, collection: Tracked, id: string): Promise<Publication | undefined> {
  const where: Where = {
    and: [{ site: { equals: site } }, { 'reasons.collection': { equals: collection } }, { 'reasons.document': { equals: id } }],
  }
  const { docs } = await req.payload.find({
    collection: 'publications',
    where,
    sort: '-requestedAt',
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return docs[0]
}

/** Content published before the publisher tracked it: live if the site has had a release since it last changed. */
async function liveSince(req: PayloadRequest, site: number, updatedAt: string): Promise<string | undefined> {
  const { docs } = await req.payload.find({
    collection: 'publications',
    where: { and: [{ site: { equals: site } }, { state: { equals: 'live' } }, { finishedAt: { greater_than_equal: updatedAt } }] },
    sort: 'finishedAt',
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return docs[0]?.finishedAt ?? undefined
}

async function releaseStatus(
  req: PayloadRequest,
  site: number,
  collection: Tracked,
  id: string,
  updatedAt: string,
): Promise<Pick<SiteStatus, 'kind' | 'at' | 'error'>> {
  const last = await lastPublication(req, site, collection, id)
  if (last?.state === 'pending' || last?.state === 'running') return { kind: 'publishing' }
  if (last?.state === 'failed') return { kind: 'failed', error: (last.error ?? '').split('\n').slice(0, 2).join(' ') }
  if (last?.state === 'live' && last.finishedAt) return { kind: 'live', at: last.finishedAt }
  const at = await liveSince(req, site, updatedAt)
  return at ? { kind: 'live', at } : { kind: 'waiting' }
}

/**
 * Status per site, readable by whoever can read the document: the document is
 * fetched with the person's own access, so nobody learns about a document they
 * cannot open (null); site names and answers to proposals are shown to them as well.
 */
export async function documentStatus(req: PayloadRequest, collection: Tracked, id: number | string): Promise<SiteStatus[] | null> {
  // May the person open it? (only the id is read: the document itself is read below, as stored)
  const readable = await req.payload
    .findByID({ collection, id, depth: 0, overrideAccess: false, req, draft: false, select: {} })
    .catch(() => null)
  if (!readable) return null
  // Read again as stored: a read with access shows only the sites the person may open
  // (fields/readableSites.ts), and the status names every site the document is on.
  const doc = await req.payload.findByID({ collection, id, depth: 0, overrideAccess: true, req, draft: false })
  const published = doc._status === 'published'
  const updatedAt = doc.updatedAt
  const key = String(doc.id)

  let shown: number[]
  let asked: { site: number; decision: 'accepted' | 'declined' | null }[] = []
  let path: string | undefined
  if (collection === 'news') {
    const news = doc as { originSite: unknown; targetSites?: unknown; slug?: string | null }
    shown = [relationId(news.originSite) as number]
    const { docs: decisions } = await req.payload.find({
      collection: 'syndication-decisions',
      where: { news: { equals: doc.id } },
      depth: 0,
      limit: 100,
      overrideAccess: true,
      req,
    })
    const answer = new Map(decisions.map((d) => [relationId(d.site) as number, d.decision]))
    asked = (relationIds(news.targetSites) as number[]).map((site) => ({ site, decision: answer.get(site) ?? null }))
    shown.push(...asked.filter((a) => a.decision === 'accepted').map((a) => a.site))
    // A new draft has no slug yet (it is derived from the title on save).
    path = news.slug ? routePath('article', 'fr', { slug: news.slug }) : undefined
  } else {
    const page = doc as { site: unknown; path?: string | null }
    shown = [relationId(page.site) as number]
    path = page.path ?? undefined
  }

  const siteIds = [...new Set([...shown, ...asked.map((a) => a.site)])]
  const { docs: sites } = await req.payload.find({
    collection: 'sites',
    where: { id: { in: siteIds } },
    depth: 0,
    limit: siteIds.length,
    overrideAccess: true,
    req,
  })
  const byId = new Map(sites.map((s) => [s.id, s]))

  const rows: SiteStatus[] = []
  for (const siteId of siteIds) {
    const site = byId.get(siteId)
    if (!site) continue
    const head = { site: { id: site.id, name: site.name } }
    const decision = asked.find((a) => a.site === siteId)?.decision
    if (!shown.includes(siteId)) {
      rows.push({ ...head, kind: decision === 'declined' ? 'declined' : 'proposed' })
    } else if (!published) {
      rows.push({ ...head, kind: 'offline' })
    } else {
      rows.push({
        ...head,
        ...(await releaseStatus(req, siteId, collection, key, updatedAt)),
        ...(path ? { url: `https://${site.domain}${path}` } : {}),
      })
    }
  }
  return rows
}
