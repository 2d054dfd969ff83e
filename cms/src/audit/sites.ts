// Sites: creation, deletion and which settings changed (exit URL, help lines,
// contact, brand…), with the old and new value of simple settings.
//
// Compared on the stored document in every language, read inside the
// transaction before and after the change: the answer itself is in one
// language and may carry populated relations.
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionBeforeChangeHook, PayloadRequest } from 'payload'
import { auditing, frenchLabel, innerReq, recordAudit, titleOf } from './record'

type Doc = Record<string, unknown>
interface FieldLike {
  name?: string
  type: string
  label?: unknown
  localized?: boolean
  flattenedFields?: FieldLike[]
}
export interface SettingChange {
  field: string
  path: string
  before?: string | null
  after?: string | null
}

const IGNORED = new Set(['id', 'createdAt', 'updatedAt'])
const snapshots = (req: PayloadRequest) => (req.context.auditSiteBefore ??= {}) as Record<string, Doc | null>

/** The stored site in every language (the audit's own request keeps the operation's language). */
async function storedSite(req: PayloadRequest, id: unknown): Promise<Doc | null> {
  const inner = innerReq(req)
  return req.payload
    .findByID({ collection: 'sites', id: id as number, depth: 0, locale: 'all', overrideAccess: true, req: inner })
    .catch(() => null) as Promise<Doc | null>
}

/** JSON with sorted keys; missing and empty are the same. */
const canonical = (value: unknown) =>
  JSON.stringify(value ?? null, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Doc).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  )

/** A value people can read back: strings, numbers, booleans, and short texts per language. */
function shown(value: unknown): string | null {
  if (value == null || value === '') return null
  if (typeof value === 'object') return canonical(value).slice(0, 300)
  return String(value).slice(0, 300)
}

export function changedSettings(
  fields: FieldLike[],
  before: Doc | null | undefined,
  after: Doc | null | undefined,
  labels: string[] = [],
  path: string[] = [],
): SettingChange[] {
  const changes: SettingChange[] = []
  for (const field of fields) {
    if (!field.name || IGNORED.has(field.name) || field.type === 'join' || field.type === 'ui') continue
    const b = before?.[field.name]
    const a = after?.[field.name]
    const label = [...labels, frenchLabel(field.label, field.name)]
    const at = [...path, field.name]
    if ((field.type === 'group' || field.type === 'tab') && field.flattenedFields && !field.localized) {
      changes.push(...changedSettings(field.flattenedFields, b as Doc | undefined, a as Doc | undefined, label, at))
    } else if (canonical(b) !== canonical(a)) {
      // Lists (help lines, menus) are summed up as « changed »: their rows are too long for one line.
      const simple = field.type !== 'array' && field.type !== 'blocks'
      changes.push({ field: label.join(' › '), path: at.join('.'), ...(simple ? { before: shown(b), after: shown(a) } : {}) })
    }
  }
  return changes
}

export const rememberSite: CollectionBeforeChangeHook = async ({ data, operation, originalDoc, req }) => {
  if (operation === 'update' && auditing(req) && originalDoc?.id != null) {
    snapshots(req)[String(originalDoc.id)] = await storedSite(req, originalDoc.id)
  }
  return data
}

export const auditSiteChange: CollectionAfterChangeHook = async ({ collection, doc, operation, req }) => {
  if (!auditing(req)) return doc
  const name = titleOf(doc)
  if (operation === 'create') {
    await recordAudit(req, {
      action: 'site-created',
      collection: 'sites',
      document: doc.id,
      title: name,
      site: doc.id,
      summary: `Création du site « ${name} »`,
    })
    return doc
  }
  const before = snapshots(req)[String(doc.id)]
  delete snapshots(req)[String(doc.id)]
  if (!before) return doc
  const after = await storedSite(req, doc.id)
  const changes = changedSettings(collection.flattenedFields as FieldLike[], before, after)
  if (!changes.length) return doc
  await recordAudit(req, {
    action: 'site-settings-changed',
    collection: 'sites',
    document: doc.id,
    title: name,
    site: doc.id,
    summary: `Réglages du site « ${name} » : ${changes.map((c) => c.field).join(', ')}`,
    details: { changes },
  })
  return doc
}

export const auditSiteDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
  if (!auditing(req)) return
  const name = titleOf(doc)
  // The site is gone: the entry keeps its name and id, not a link to it.
  await recordAudit(req, {
    action: 'site-deleted',
    collection: 'sites',
    document: doc.id,
    title: name,
    summary: `Suppression du site « ${name} »`,
  })
}
