// The site a new document belongs to when the person did not choose one: the
// admin creates autosaved drafts before any field is filled, and a document
// without a site would be invisible to everyone but the network admin.
import type { PayloadRequest } from 'payload'
import { actingSites, hubSiteIds, isNetworkAdminUser, WRITERS, type Id, type SiteRole } from './roles'

/** The person's first site for these roles (the hub for network staff), or undefined. */
export async function defaultSiteFor(req: PayloadRequest, roles: SiteRole[] = WRITERS): Promise<Id | undefined> {
  if (!req.user) return undefined
  if (isNetworkAdminUser(req.user)) return (await hubSiteIds(req))[0]
  return (await actingSites(req, roles))[0]
}
