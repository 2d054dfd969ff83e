// A site admin may only grant `site-editor` or `contributor` on their own
// sites; memberships on other sites are kept exactly as they were. Nobody
// changes their own roles. A site admin never sees a person's roles on other
// sites (hooks/accountPrivacy.ts): what they send back without those rows keeps
// them as stored. An account a site admin creates has a role on one of their
// sites, so it never becomes an account nobody but the network sees. The
// network never loses its last network admin (guardLastNetworkAdmin*).
//
// Payload fills every field a save leaves out (or may not write) with its
// stored value, so an update always arrives here with the stored rows in it:
// only rows that are not stored yet (same site, same role) are grants.
import { APIError, type CollectionBeforeChangeHook, type CollectionBeforeDeleteHook, type PayloadRequest } from 'payload'
import { ADMINS, isNetworkAdminUser, sameId, sitesWithRole, type SiteRole, type StaffUser } from '../access/roles'
import { message } from '../lib/message'

type Row = NonNullable<StaffUser['memberships']>[number] & { id?: string }
const siteOf = (row: Row) => (typeof row.site === 'object' ? row.site.id : row.site)
const GRANTABLE_BY_SITE_ADMIN: SiteRole[] = ['site-editor', 'contributor']
const key = (r: Row) => `${String(siteOf(r))}:${r.role}`
const sameRoles = (a: Row[], b: Row[]) => JSON.stringify(a.map(key).sort()) === JSON.stringify(b.map(key).sort())

/** The rows of `after` that are not among `before` (as a multiset: a copied row is new). */
function newRows(after: Row[], before: Row[]): Row[] {
  const left = new Map<string, number>()
  for (const row of before) left.set(key(row), (left.get(key(row)) ?? 0) + 1)
  return after.filter((row) => {
    const count = left.get(key(row)) ?? 0
    if (count > 0) {
      left.set(key(row), count - 1)
      return false
    }
    return true
  })
}

const refused = (req: PayloadRequest, text: { fr: string; en: string }, status = 403) =>
  new APIError(message(req, text), status, null, true)

export const guardMemberships: CollectionBeforeChangeHook = ({ data, originalDoc, req, operation }) => {
  const actor = req.user
  if (!actor) return data // system tasks (seed, migrations) run without a user
  // On create (a duplicate included) nothing is stored yet: every row is new.
  const before: Row[] = operation === 'update' ? ((originalDoc?.memberships as Row[] | undefined) ?? []) : []
  const after: Row[] | undefined = data.memberships as Row[] | undefined
  const self = operation === 'update' && sameId(originalDoc?.id, actor.id)
  const roleChanged = 'globalRole' in data && (data.globalRole ?? null) !== (originalDoc?.globalRole ?? null)
  if (self && (roleChanged || (after !== undefined && !sameRoles(after, before)))) {
    throw refused(req, { fr: 'Vous ne pouvez pas modifier vos propres rôles.', en: 'You cannot change your own roles.' })
  }
  if (after === undefined) {
    if (operation === 'create' && !isNetworkAdminUser(actor)) throw withoutOwnSite(req)
    return data
  }
  if (isNetworkAdminUser(actor)) return data

  const mine = sitesWithRole(actor, ADMINS)
  const isMine = (row: Row) => mine.some((s) => sameId(s, siteOf(row)))
  // Only rows that are new on the actor's sites are grants; rows kept as stored
  // (one's own site-admin row, a co-admin's) were checked when they were granted.
  for (const row of newRows(after.filter(isMine), before.filter(isMine))) {
    if (!GRANTABLE_BY_SITE_ADMIN.includes(row.role)) {
      throw refused(req, {
        fr: 'Une administratrice de site ne peut attribuer que les rôles « Édition du site » ou « Contribution ».',
        en: 'A site administrator can only grant the “Site editor” or “Contributor” roles.',
      })
    }
  }
  // Rows on sites the actor does not administer stay exactly as stored: the
  // request may leave them out (the actor does not see them) but never add or change one.
  const foreignBefore = before.filter((r) => !isMine(r))
  if (
    newRows(
      after.filter((r) => !isMine(r)),
      foreignBefore,
    ).length > 0
  ) {
    throw refused(req, {
      fr: 'Vous ne pouvez attribuer ou retirer des accès que sur les sites que vous administrez.',
      en: 'You can only grant or remove access on the sites you administer.',
    })
  }
  if (operation === 'create' && !after.some(isMine)) throw withoutOwnSite(req)
  // A kept row keeps its row id; a request row reusing that id becomes a new row.
  const keptIds = new Set(foreignBefore.map((r) => r.id).filter(Boolean))
  data.memberships = [...after.filter(isMine).map((r) => (r.id && keptIds.has(r.id) ? { ...r, id: undefined } : r)), ...foreignBefore]
  return data
}

function withoutOwnSite(req: PayloadRequest) {
  return refused(
    req,
    {
      fr: 'Donnez à ce compte au moins un accès (Édition du site ou Contribution) sur un site que vous administrez : sinon, vous ne le verriez plus.',
      en: 'Give this account at least one role (Site editor or Contributor) on a site you administer: otherwise you would no longer see it.',
    },
    400,
  )
}

const LAST_NETWORK_ADMIN = {
  fr: 'Ce compte est la dernière administration du réseau : nommez d’abord une autre personne « Administration du réseau », puis réessayez.',
  en: 'This account is the last network administrator: make someone else a network administrator first, then try again.',
}

// Network admins on their way out (being demoted or deleted) in this process.
// A removal is reserved before the count, so two removals running at once (a
// bulk delete runs its documents in parallel, two admins may delete each other)
// never both see the other as « the one who remains ». A reservation outlives
// its operation by a minute at most; afterwards the stored state speaks.
const leaving = new Map<string, { id: string | number; until: number }>()
const RESERVATION_MS = 60_000

/** Reserves the removal of `id` unless no other network admin would remain (read in the request's transaction). */
async function reserveRemoval(req: PayloadRequest, id: string | number): Promise<void> {
  const now = Date.now()
  for (const [other, { until }] of leaving) if (until <= now) leaving.delete(other)
  leaving.set(String(id), { id, until: now + RESERVATION_MS })
  const remaining = await req.payload.count({
    collection: 'users',
    where: { and: [{ globalRole: { equals: 'network-admin' } }, { id: { not_in: [...leaving.values()].map((r) => r.id) } }] },
    overrideAccess: true,
    req,
  })
  if (remaining.totalDocs === 0) {
    leaving.delete(String(id))
    throw refused(req, LAST_NETWORK_ADMIN)
  }
}

/**
 * Demoting the last network admin is refused for everyone, scripts included:
 * the network would be left without anyone to manage accounts and sites.
 */
export const guardLastNetworkAdminChange: CollectionBeforeChangeHook = async ({ data, originalDoc, req, operation }) => {
  if (operation !== 'update' || originalDoc?.globalRole !== 'network-admin') return data
  if (!('globalRole' in data) || data.globalRole === 'network-admin') return data
  await reserveRemoval(req, originalDoc.id)
  return data
}

/** Deleting the last network admin is refused for everyone, scripts included. */
export const guardLastNetworkAdminDelete: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const doc = await req.payload.db.findOne<{ id: number | string; globalRole?: string | null }>({
    collection: 'users',
    where: { id: { equals: id } },
    req,
  })
  if (doc?.globalRole === 'network-admin') await reserveRemoval(req, id)
}
