// Resources: network staff manage all; site admins and editors manage the
// resources shown on their own sites only (hooks/guardResourceSites.ts refuses
// a write that would touch a resource shared with other sites).
import type { Access } from 'payload'
import { actingSites, isNetworkAdminUser, isNetworkEditorUser, PUBLISHERS } from './roles'

/** Create: any publisher (the hook checks the chosen sites). */
export const resourcesCreate: Access = async ({ req }) => {
  if (!req.user) return false
  if (isNetworkAdminUser(req.user) || isNetworkEditorUser(req.user)) return true
  return (await actingSites(req, PUBLISHERS)).length > 0
}

/** Update and delete: decided on the stored document, never on the request body. */
export const resourcesChange: Access = async ({ req }) => {
  if (!req.user) return false
  if (isNetworkAdminUser(req.user) || isNetworkEditorUser(req.user)) return true
  const sites = await actingSites(req, PUBLISHERS)
  return sites.length ? { sites: { in: sites } } : false
}
