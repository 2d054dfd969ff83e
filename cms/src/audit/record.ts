// Writing one audit entry, in the transaction of the change it records.
import type { PayloadRequest, SanitizedCollectionConfig } from 'payload'
import { innerReq } from '../lib/innerReq'
import type { AuditAction, AuditedCollection } from '../collections/AuditLog'
import { relationId } from '../lib/relationId'

type Doc = Record<string, unknown> | null | undefined

export interface AuditEntry {
  action: AuditAction
  collection: AuditedCollection
  document: unknown
  /** What people called the document at the time. */
  title: string
  /** The site the document belongs to, when it belongs to one. */
  site?: unknown
  /** One French sentence for the list view. */
  summary: string
  details?: Record<string, unknown>
  /** The acting account is the one being deleted: keep its e-mail only. */
  actorGone?: boolean
}

/**
 * Only what a person does is recorded. System tasks run without a user (the
 * seed, migrations, scripts, a scheduled publication queued before Payload kept
 * who scheduled it) and leave no entry, so the seed never fills the log; a
 * script acting as someone can still opt out with `context.disableAudit`.
 */
export const auditing = (req: PayloadRequest): boolean => Boolean(req.user) && !req.context.disableAudit

/** The audit's own reads and writes: same transaction and user, own locale and context (lib/innerReq.ts). */
export { innerReq }

/** The French singular label of a collection (a `tr()` function or a `{ fr, en }` record). */
export const collectionLabel = (collection: SanitizedCollectionConfig): string =>
  (collection.labels?.singular as { fr?: string } | undefined)?.fr ?? collection.slug

/** The French text of a label, whichever form it takes (string, `{ fr, en }`, `tr()` function). */
export const frenchLabel = (label: unknown, fallback: string): string => {
  if (typeof label === 'string') return label
  const fr = (label as { fr?: unknown } | null | undefined)?.fr
  return typeof fr === 'string' ? fr : fallback
}

/** What people call a document: its (French) title or name, else its e-mail, else its id. */
export function titleOf(doc: Doc): string {
  const named = doc?.title ?? doc?.name ?? doc?.email
  const text = named && typeof named === 'object' ? (named as { fr?: unknown }).fr : named
  return String(text || `#${doc?.id ?? '?'}`).slice(0, 200)
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text)

export async function recordAudit(req: PayloadRequest, entry: AuditEntry): Promise<void> {
  if (!auditing(req)) return
  const user = req.user!
  const site = relationId(entry.site)
  const document = relationId(entry.document)
  await req.payload.create({
    collection: 'audit-log',
    data: {
      at: new Date().toISOString(),
      action: entry.action,
      actor: user.collection === 'users' && !entry.actorGone ? (user.id as number) : null,
      actorEmail: typeof user.email === 'string' ? user.email : null,
      collection: entry.collection,
      document: document == null ? null : String(document),
      title: entry.title,
      site: site == null ? null : (site as number),
      summary: clip(entry.summary, 300),
      details: entry.details ?? null,
    },
    overrideAccess: true,
    depth: 0,
    req: innerReq(req),
  })
}
