// News and pages: publish, unpublish, version restore and delete.
//
// Whether a document is live is decided on the stored (main) document, not on
// its latest version: a draft saved over a live document makes the latest
// version a draft while readers still see the published one. Draft saves and
// autosaves change nothing for readers and are not recorded.
import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeChangeHook,
  CollectionBeforeOperationHook,
  PayloadRequest,
} from 'payload'
import { auditing, collectionLabel, innerReq, recordAudit, titleOf } from './record'

/** The field that says which site a document belongs to. */
export const CONTENT_SITE_FIELD = { news: 'originSite', pages: 'site' } as const
export type ContentSlug = keyof typeof CONTENT_SITE_FIELD

const isContent = (slug: string): slug is ContentSlug => slug in CONTENT_SITE_FIELD
const key = (slug: string, id: unknown) => `${slug}:${String(id)}`
/** Whether each document being changed in this request was live before the change. */
const liveBefore = (req: PayloadRequest) => (req.context.auditLiveBefore ??= {}) as Record<string, boolean>

/** Notes what kind of write this operation is (read by the hooks below). */
export const markContentOperation: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation === 'create' || operation === 'update') {
    const { draft, data } = args as { draft?: boolean; data?: { _status?: string } }
    req.context.auditDraftSave = Boolean(draft) && data?._status !== 'published'
    req.context.auditRestoredVersion = undefined
  } else if (operation === 'restoreVersion') {
    const { draft, id } = args as { draft?: boolean; id?: unknown }
    // Restoring as a draft only adds a draft version, like a draft save.
    req.context.auditDraftSave = Boolean(draft)
    req.context.auditRestoredVersion = String(id)
  }
  return args
}

export const rememberLiveState: CollectionBeforeChangeHook = async ({ collection, data, operation, originalDoc, req }) => {
  if (operation !== 'update' || !auditing(req) || req.context.auditDraftSave || !isContent(collection.slug) || originalDoc?.id == null)
    return data
  let live = originalDoc._status === 'published'
  if (!live) {
    // The latest version is a draft: the stored document may still be the live one.
    const stored = await req.payload
      .findByID({
        collection: collection.slug,
        id: originalDoc.id,
        draft: false,
        depth: 0,
        overrideAccess: true,
        req: innerReq(req),
        select: { _status: true },
      })
      .catch(() => null)
    live = stored?._status === 'published'
  }
  liveBefore(req)[key(collection.slug, originalDoc.id)] = live
  return data
}

export const auditContentChange: CollectionAfterChangeHook = async ({ collection, doc, operation, previousDoc, req }) => {
  if (!auditing(req) || req.context.auditDraftSave || !isContent(collection.slug)) return doc
  const slug = collection.slug
  const title = titleOf(doc)
  const named = `${collectionLabel(collection)} « ${title} »`
  const base = { collection: slug, document: doc.id, title, site: doc[CONTENT_SITE_FIELD[slug]] }
  const isLive = doc._status === 'published'
  if (operation === 'create') {
    if (isLive) await recordAudit(req, { ...base, action: 'published', summary: `Publication : ${named}` })
    return doc
  }
  const remembered = liveBefore(req)[key(slug, doc.id)]
  delete liveBefore(req)[key(slug, doc.id)]
  const wasLive = remembered ?? previousDoc?._status === 'published'
  const restored = req.context.auditRestoredVersion as string | undefined
  if (restored) {
    const outcome = isLive
      ? wasLive
        ? 'la version en ligne est remplacée'
        : 'le document est publié'
      : wasLive
        ? 'le document est retiré de la publication'
        : 'le document reste un brouillon'
    await recordAudit(req, {
      ...base,
      action: 'restored-version',
      summary: `Restauration d’une version : ${named} (${outcome})`,
      details: { version: restored, before: wasLive ? 'published' : 'draft', after: isLive ? 'published' : 'draft' },
    })
  } else if (!wasLive && isLive) {
    await recordAudit(req, { ...base, action: 'published', summary: `Publication : ${named}` })
  } else if (wasLive && !isLive) {
    await recordAudit(req, { ...base, action: 'unpublished', summary: `Retrait de la publication : ${named}` })
  }
  return doc
}

export const auditContentDelete: CollectionAfterDeleteHook = async ({ collection, doc, req }) => {
  if (!auditing(req) || !isContent(collection.slug)) return
  const title = titleOf(doc)
  const wasLive = doc?._status === 'published'
  await recordAudit(req, {
    action: 'deleted',
    collection: collection.slug,
    document: doc?.id,
    title,
    site: doc?.[CONTENT_SITE_FIELD[collection.slug]],
    summary: `Suppression : ${collectionLabel(collection)} « ${title} »${wasLive ? ' (était en ligne)' : ''}`,
    details: { wasPublished: wasLive },
  })
}
