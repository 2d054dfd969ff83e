// Document locks (`payload-locked-documents`): Payload adds this collection
// itself, with « any signed-in account » for every operation, after plugins
// have run, so its access is set on the built config (payload.config.ts).
// A lock is someone's « I am editing this » on one document:
// - read: locks on documents the person can read (the admin shows who edits), and their own;
// - create: in their own name only, on a document they can update;
// - update (the admin's « take over ») and delete (release): locks they hold or on
//   documents they can update, never handed to someone else's name.
// Decided on the stored lock and document, never on the request body alone.
// Locks are few (one per document being edited, expired ones are removed).
import type { Access, CollectionSlug, PayloadRequest, SanitizedConfig, Where } from 'payload'
import { isNetworkAdminUser, sameId, type Id } from './roles'
import { relationId } from '../lib/relationId'

export const LOCKS_SLUG = 'payload-locked-documents'

type Ref = { relationTo?: string; value?: unknown }
const refOf = (value: unknown): Ref => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Ref) : { value })
/** A query that matches no document, on every database adapter. */
const NOTHING: Where = { id: { exists: false } }
const onlyIds = (ids: Id[]): Where => (ids.length ? { id: { in: ids } } : NOTHING)

/** Ids among `ids` of `collection` that the person may read (or update). */
async function permittedIds(req: PayloadRequest, slug: string, ids: Id[], action: 'read' | 'update'): Promise<Id[]> {
  const collection = req.payload.collections[slug as CollectionSlug]
  if (!collection || slug === LOCKS_SLUG || ids.length === 0) return []
  const rule = collection.config.access?.[action]
  const result = rule ? await rule({ req, data: {} }) : Boolean(req.user)
  if (!result) return []
  const where: Where = result === true ? { id: { in: ids } } : { and: [{ id: { in: ids } }, result as Where] }
  const found = await req.payload.find({
    collection: slug as CollectionSlug,
    where,
    select: {},
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  return found.docs.map((d) => d.id)
}

/** Locks the person holds, plus locks on documents they may read (or update). */
async function permittedLocks(req: PayloadRequest, action: 'read' | 'update'): Promise<Id[]> {
  const locks = await req.payload.find({ collection: LOCKS_SLUG as CollectionSlug, depth: 0, pagination: false, overrideAccess: true, req })
  const allowed: Id[] = []
  const byCollection = new Map<string, { lock: Id; doc: Id }[]>()
  for (const lock of locks.docs as { id: Id; user?: unknown; document?: unknown }[]) {
    if (sameId(relationId(refOf(lock.user).value), req.user?.id)) {
      allowed.push(lock.id)
      continue
    }
    const { relationTo, value } = refOf(lock.document)
    const doc = relationId(value)
    if (!relationTo || doc == null) continue
    byCollection.set(relationTo, [...(byCollection.get(relationTo) ?? []), { lock: lock.id, doc }])
  }
  for (const [slug, entries] of byCollection) {
    const permitted = await permittedIds(
      req,
      slug,
      entries.map((e) => e.doc),
      action,
    )
    for (const entry of entries) if (permitted.some((id) => sameId(id, entry.doc))) allowed.push(entry.lock)
  }
  return allowed
}

/** The lock's `user` (when the request sets it) is the signed-in person, and its `document` one they may update. */
async function claimsAreOwn(req: PayloadRequest, data: Record<string, unknown> | undefined, creating: boolean): Promise<boolean> {
  if (creating || (data && 'user' in data)) {
    const user = refOf(data?.user)
    if ((user.relationTo !== undefined && user.relationTo !== req.user?.collection) || !sameId(relationId(user.value), req.user?.id))
      return false
  }
  if (data?.globalSlug) return false // no globals here; network admins only
  if (creating || (data && 'document' in data)) {
    const { relationTo, value } = refOf(data?.document)
    const doc = relationId(value)
    if (!relationTo || doc == null) return false
    if ((await permittedIds(req, relationTo, [doc], 'update')).length === 0) return false
  }
  return true
}

export const readLocks: Access = async ({ req }) => {
  if (!req.user) return false
  if (isNetworkAdminUser(req.user)) return true
  return onlyIds(await permittedLocks(req, 'read'))
}

export const createLocks: Access = async ({ req, data }) => {
  if (!req.user) return false
  if (isNetworkAdminUser(req.user)) return true
  // Asked without data (the admin's permission summary): no.
  if (!data) return false
  return claimsAreOwn(req, data, true)
}

export const changeLocks: Access = async ({ req, data }) => {
  if (!req.user) return false
  if (isNetworkAdminUser(req.user)) return true
  if (!(await claimsAreOwn(req, data, false))) return false
  return onlyIds(await permittedLocks(req, 'update'))
}

/** Applies the rules above to the collection Payload added to the built config. */
export function secureLockedDocuments(config: SanitizedConfig): SanitizedConfig {
  const locks = config.collections.find((c) => c.slug === LOCKS_SLUG)
  if (locks) locks.access = { ...locks.access, read: readLocks, create: createLocks, update: changeLocks, delete: changeLocks }
  return config
}
