// Resources: network staff manage all; site admins and editors manage the
// resources shown on their own sites only (hooks/guardResourceSites.ts refuses
// a write that would touch a resource shared with other sites).
import type { Access, Where } from 'payload'
import { relationIds } from '../lib/relationId'
import { actingSites, isNetworkAdminUser, isNetworkEditorUser, PUBLISHERS } from './roles'

/** Create: any publisher (the hook checks the chosen sites). */
export const resourcesCreate: Access = async ({ req }) => {
  if (!req.user) return false
  if (isNetworkAdminUser(req.user) || isNetworkEditorUser(req.user)) return true
  return (await actingSites(req, PUBLISHERS)).length > 0
}

/**
 * Update and delete: decided on the stored document, never on the request body.
 * A partner changes only resources shown on their own sites alone: one shared
 * with another site is outside the answer, so the admin shows it read-only and
 * nothing built on update access (document locks included) reaches it.
 */
export const resourcesChange: Access = async ({ req }) => {
  if (!req.user) return false
  if (isNetworkAdminUser(req.user) || isNetworkEditorUser(req.user)) return true
  const sites = await actingSites(req, PUBLISHERS)
  if (!sites.length) return false
  // Read in full and filtered here: `not_in` on a has-many field does not mean « has a site outside » on every adapter.
  const candidates = await req.payload.find({
    collection: 'resources',
    where: { sites: { in: sites } },
    select: { sites: true },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const mine = new Set(sites.map(String))
  const sharedIds = candidates.docs.filter((d) => relationIds(d.sites).some((site) => !mine.has(String(site)))).map((d) => d.id)
  const own: Where = { sites: { in: sites } }
  return sharedIds.length ? { and: [own, { id: { not_in: sharedIds } }] } : own
}
