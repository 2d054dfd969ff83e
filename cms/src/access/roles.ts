// Who may do what, computed from a user's global role and per-site memberships.
// Every access function builds on these helpers so the rules live in one place.
import type { PayloadRequest, Where } from 'payload'

export type GlobalRole = 'network-admin' | 'network-editor'
export type SiteRole = 'site-admin' | 'site-editor' | 'contributor'
export type Id = string | number

export interface StaffUser {
  id: Id
  globalRole?: GlobalRole | null
  memberships?: { site: Id | { id: Id }; role: SiteRole }[] | null
}

/** Roles allowed to write drafts, to publish, and to administer a site. */
export const WRITERS: SiteRole[] = ['site-admin', 'site-editor', 'contributor']
export const PUBLISHERS: SiteRole[] = ['site-admin', 'site-editor']
export const ADMINS: SiteRole[] = ['site-admin']

const idOf = (value: Id | { id: Id }): Id => (typeof value === 'object' ? value.id : value)
export const sameId = (a: unknown, b: unknown) => a != null && b != null && String(a) === String(b)

export const asStaff = (user: unknown): StaffUser | null => (user && typeof user === 'object' ? (user as StaffUser) : null)
export const isNetworkAdminUser = (user: unknown) => asStaff(user)?.globalRole === 'network-admin'
export const isNetworkEditorUser = (user: unknown) => asStaff(user)?.globalRole === 'network-editor'

/** Sites where the user holds one of `roles` through a membership. */
export function sitesWithRole(user: unknown, roles: SiteRole[]): Id[] {
  return (asStaff(user)?.memberships ?? []).filter((m) => roles.includes(m.role)).map((m) => idOf(m.site))
}

/**
 * Hub site ids (CLES), looked up once per request. The promise is kept, not the
 * result: the admin evaluates every collection's access at once, and each
 * evaluation would otherwise start its own lookup before the first one ends.
 */
export function hubSiteIds(req: PayloadRequest): Promise<Id[]> {
  const cached = req.context.hubSiteIds as Promise<Id[]> | undefined
  if (cached) return cached
  const lookup = req.payload
    .find({
      collection: 'sites',
      where: { isHub: { equals: true } },
      select: { isHub: true },
      depth: 0,
      limit: 100,
      pagination: false,
      overrideAccess: true,
      req,
    })
    .then((hubs) => hubs.docs.map((d) => d.id as Id))
  // A failed lookup is not remembered: the next access evaluation asks again.
  lookup.catch(() => delete req.context.hubSiteIds)
  req.context.hubSiteIds = lookup
  return lookup
}

/**
 * Sites where the user may act with the given roles. A network editor acts as
 * a site editor on the hub (CLES) sites.
 */
export async function actingSites(req: PayloadRequest, roles: SiteRole[]): Promise<Id[]> {
  const sites = sitesWithRole(req.user, roles)
  if (isNetworkEditorUser(req.user) && roles.some((r) => r === 'site-editor' || r === 'contributor')) {
    sites.push(...(await hubSiteIds(req)))
  }
  const seen = new Set<string>()
  return sites.filter((id) => !seen.has(String(id)) && seen.add(String(id)))
}

/** `{ field: { in: sites } }`, or null when the user has no such site. */
export function inSites(field: string, sites: Id[]): Where | null {
  return sites.length ? { [field]: { in: sites } } : null
}

/** OR of the given constraints; `false` (deny) when none applies. */
export function anyOf(...constraints: (Where | null)[]): Where | false {
  const present = constraints.filter((c): c is Where => c !== null)
  if (present.length === 0) return false
  return present.length === 1 ? present[0]! : { or: present }
}
