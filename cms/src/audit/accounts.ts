// Accounts: creation, deletion, network role and site memberships.
//
// What is compared is what is stored, read with overrideAccess inside the
// transaction: the answer a site admin gets back hides the rows on sites they
// do not administer (hooks/accountPrivacy.ts), which must not read as « removed ».
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'
import { sameId } from '../access/roles'
import { GLOBAL_ROLES, SITE_ROLES } from '../collections/Users'
import { relationId } from '../lib/relationId'
import { auditing, innerReq, recordAudit, titleOf } from './record'

type Row = { site?: unknown; role?: string | null }
interface Account {
  id?: unknown
  email?: unknown
  globalRole?: string | null
  memberships?: Row[] | null
}

const globalRoleLabel = (value: string | null | undefined) =>
  value ? (GLOBAL_ROLES.find((r) => r.value === value)?.label.fr ?? value) : 'aucun'
const siteRoleLabel = (value: string | null | undefined) => SITE_ROLES.find((r) => r.value === value)?.label.fr ?? String(value)

async function storedAccount(req: PayloadRequest, id: unknown): Promise<Account | null> {
  return req.payload
    .findByID({
      collection: 'users',
      id: id as number,
      depth: 0,
      overrideAccess: true,
      req: innerReq(req),
      select: { email: true, globalRole: true, memberships: true },
    })
    .catch(() => null) as Promise<Account | null>
}

/** « Site name : role » for each row, in order; site names as they are now. */
async function describeRows(req: PayloadRequest, rows: Row[]): Promise<string[]> {
  const ids = [...new Set(rows.map((r) => relationId(r.site)).filter((id) => id != null))]
  const names = new Map<string, string>()
  if (ids.length) {
    const { docs } = await req.payload.find({
      collection: 'sites',
      where: { id: { in: ids } },
      depth: 0,
      limit: ids.length,
      pagination: false,
      overrideAccess: true,
      req: innerReq(req),
      select: { name: true },
    })
    for (const site of docs) names.set(String(site.id), site.name)
  }
  return rows.map((r) => {
    const id = relationId(r.site)
    return `${names.get(String(id)) ?? `Site #${id}`} : ${siteRoleLabel(r.role)}`
  })
}

const rowKey = (r: Row) => `${String(relationId(r.site))}:${r.role}`

/** Rows of `a` not in `b`, counting duplicates. */
function minus(a: Row[], b: Row[]): Row[] {
  const left = new Map<string, number>()
  for (const r of b) left.set(rowKey(r), (left.get(rowKey(r)) ?? 0) + 1)
  return a.filter((r) => {
    const n = left.get(rowKey(r)) ?? 0
    if (n > 0) left.set(rowKey(r), n - 1)
    return n === 0
  })
}

/** The one site a set of rows concerns, if there is exactly one. */
function onlySite(rows: Row[]): unknown {
  const sites = [...new Set(rows.map((r) => String(relationId(r.site))))]
  return sites.length === 1 ? relationId(rows[0]!.site) : undefined
}

export const auditAccountChange: CollectionAfterChangeHook = async ({ doc, operation, previousDoc, req }) => {
  if (!auditing(req)) return doc
  if (operation === 'create') {
    const account = (await storedAccount(req, doc.id)) ?? (doc as Account)
    const rows = account.memberships ?? []
    const email = titleOf(account as Record<string, unknown>)
    await recordAudit(req, {
      action: 'account-created',
      collection: 'users',
      document: doc.id,
      title: email,
      site: onlySite(rows),
      summary: `Création du compte « ${email} »`,
      details: { globalRole: account.globalRole ?? null, memberships: await describeRows(req, rows) },
    })
    return doc
  }
  const before = (previousDoc ?? {}) as Account
  const after = await storedAccount(req, doc.id)
  if (!after) return doc
  const email = titleOf(after as Record<string, unknown>)
  if ((before.globalRole ?? null) !== (after.globalRole ?? null)) {
    await recordAudit(req, {
      action: 'roles-changed',
      collection: 'users',
      document: doc.id,
      title: email,
      summary: `Rôle dans le réseau de « ${email} » : ${globalRoleLabel(before.globalRole)} → ${globalRoleLabel(after.globalRole)}`,
      details: { before: before.globalRole ?? null, after: after.globalRole ?? null },
    })
  }
  const rowsBefore = before.memberships ?? []
  const rowsAfter = after.memberships ?? []
  const added = minus(rowsAfter, rowsBefore)
  const removed = minus(rowsBefore, rowsAfter)
  if (added.length || removed.length) {
    const [addedText, removedText] = [await describeRows(req, added), await describeRows(req, removed)]
    const changes = [...addedText.map((t) => `+ ${t}`), ...removedText.map((t) => `− ${t}`)].join(' ; ')
    await recordAudit(req, {
      action: 'memberships-changed',
      collection: 'users',
      document: doc.id,
      title: email,
      site: onlySite([...added, ...removed]),
      summary: `Accès de « ${email} » : ${changes}`,
      details: {
        before: await describeRows(req, rowsBefore),
        after: await describeRows(req, rowsAfter),
        added: addedText,
        removed: removedText,
      },
    })
  }
  return doc
}

export const auditAccountDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
  if (!auditing(req)) return
  const account = doc as Account
  const rows = account.memberships ?? []
  const email = titleOf(doc)
  await recordAudit(req, {
    action: 'account-deleted',
    collection: 'users',
    document: doc.id,
    title: email,
    site: onlySite(rows),
    summary: `Suppression du compte « ${email} »`,
    details: { globalRole: account.globalRole ?? null, memberships: await describeRows(req, rows) },
    // Deleting one's own account: the entry cannot point at it any more.
    actorGone: sameId(doc.id, req.user?.id),
  })
}
