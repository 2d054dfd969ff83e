// When a published address changes (a news item's slug, a page's slug or
// parent), readers' old links keep working: a redirect from the old address to
// the new one is added on every site that showed it, earlier redirects to the
// old address are pointed at the new one (no chains), and a page's sub-pages
// follow their parent to the new path, each with its own redirect.
import { routePath } from '@cles/content/routes'
import type { CollectionAfterChangeHook, PayloadRequest } from 'payload'
import { innerReq } from '../lib/innerReq'
import { relationId } from '../lib/relationId'

type Id = number | string

async function addRedirect(changeReq: PayloadRequest, site: Id, from: string, to: string): Promise<void> {
  const req = innerReq(changeReq)
  const { payload } = req
  const common = { overrideAccess: true, req, depth: 0 } as const
  // Moving back: the redirect from the new address would now loop.
  await payload.delete({ collection: 'redirects', where: { and: [{ site: { equals: site } }, { from: { equals: to } }] }, ...common })
  await payload.update({
    collection: 'redirects',
    where: { and: [{ site: { equals: site } }, { to: { equals: from } }] },
    data: { to },
    ...common,
  })
  const existing = await payload.find({
    collection: 'redirects',
    where: { and: [{ site: { equals: site } }, { from: { equals: from } }] },
    limit: 1,
    ...common,
  })
  if (existing.docs[0]) await payload.update({ collection: 'redirects', id: existing.docs[0].id, data: { to }, ...common })
  else await payload.create({ collection: 'redirects', data: { site: site as number, from, to }, ...common })
}

const wasAndIsPublished = (previous: { _status?: string | null } | undefined, doc: { _status?: string | null }) =>
  previous?._status === 'published' && doc._status === 'published'

export const redirectMovedNews: CollectionAfterChangeHook = async ({ doc, previousDoc, req, operation }) => {
  if (operation !== 'update' || !wasAndIsPublished(previousDoc, doc) || !previousDoc.slug || previousDoc.slug === doc.slug) return doc
  const accepted = await req.payload.find({
    collection: 'syndication-decisions',
    where: { and: [{ news: { equals: doc.id } }, { decision: { equals: 'accepted' } }] },
    depth: 0,
    limit: 100,
    overrideAccess: true,
    req,
  })
  const sites = [relationId(doc.originSite), ...accepted.docs.map((d) => relationId(d.site))].filter((s): s is Id => s != null)
  const from = routePath('article', 'fr', { slug: previousDoc.slug })
  const to = routePath('article', 'fr', { slug: doc.slug })
  for (const site of new Set(sites)) await addRedirect(req, site, from, to)
  return doc
}

export const followPageMove: CollectionAfterChangeHook = async ({ doc, previousDoc, req, operation }) => {
  if (operation !== 'update' || !previousDoc?.path || previousDoc.path === doc.path) return doc
  const site = relationId(doc.site)
  if (site != null && wasAndIsPublished(previousDoc, doc)) await addRedirect(req, site, previousDoc.path, doc.path)
  // Sub-pages: saving each recomputes its path (hooks/computePagePath.ts) and runs this hook for its own sub-pages.
  const children = await req.payload.find({
    collection: 'pages',
    where: { parent: { equals: doc.id } },
    depth: 0,
    limit: 500,
    overrideAccess: true,
    req,
  })
  for (const child of children.docs) {
    const pendingDraft =
      child._status === 'published' &&
      (
        await req.payload.countVersions({
          collection: 'pages',
          where: { and: [{ parent: { equals: child.id } }, { latest: { equals: true } }, { 'version._status': { equals: 'draft' } }] },
          overrideAccess: true,
          req,
        })
      ).totalDocs > 0
    // A child with unpublished edits gets its new path in that draft: publishing it is its editors' call.
    await req.payload.update({
      collection: 'pages',
      id: child.id,
      data: {},
      draft: child._status !== 'published' || pendingDraft,
      overrideAccess: true,
      req,
    })
  }
  return doc
}
