// Resources: network staff manage all; site admins and editors manage the
// resources shown on their own sites.
import type { Access } from 'payload'
import { actingSites, isNetworkAdminUser, isNetworkEditorUser, PUBLISHERS, sameId } from './roles'

export const resourcesWrite: Access = async ({ req, data }) => {
  if (!req.user) return false
  if (isNetworkAdminUser(req.user) || isNetworkEditorUser(req.user)) return true
  const sites = await actingSites(req, PUBLISHERS)
  if (!sites.length) return false
  if (Array.isArray(data?.sites) && data.sites.length) {
    const wanted = (data.sites as unknown[]).map((s) => (s && typeof s === 'object' ? (s as { id: unknown }).id : s))
    return wanted.every((w) => sites.some((s) => sameId(s, w)))
  }
  // Existing documents: those shown on at least one of the user's sites.
  return { sites: { in: sites } }
}
