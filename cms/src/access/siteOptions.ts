// Relationship pickers that point at sites only offer the sites a person works
// on (network staff see all). Payload also validates saved values against
// filterOptions, so another site's id cannot be slipped in through the API.
import type { FilterOptions, Where } from 'payload'
import { actingSites, isNetworkAdminUser, isNetworkEditorUser, PUBLISHERS, sitesWithRole, ADMINS, WRITERS, type SiteRole } from './roles'

export function ownSitesOnly(roles: SiteRole[] = WRITERS): FilterOptions {
  return async ({ req }) => {
    if (!req.user || isNetworkAdminUser(req.user)) return true
    const sites = await actingSites(req, roles)
    return { id: { in: sites.length ? sites : [-1] } } satisfies Where
  }
}

/** Network staff may pick any site (proposals, resources); other publishers only their own. */
export const networkOrOwnPublisherSites: FilterOptions = async ({ req }) => {
  if (!req.user || isNetworkAdminUser(req.user) || isNetworkEditorUser(req.user)) return true
  const sites = await actingSites(req, PUBLISHERS)
  return { id: { in: sites.length ? sites : [-1] } }
}

/** A site admin grants memberships on the sites they administer only. */
export const administeredSites: FilterOptions = ({ req }) => {
  if (!req.user || isNetworkAdminUser(req.user)) return true
  const sites = sitesWithRole(req.user, ADMINS)
  return { id: { in: sites.length ? sites : [-1] } }
}
