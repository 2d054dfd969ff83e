// Sites are public for readers (the exporter reads them anonymously) and for
// network staff; partner staff see their own sites and the hub, whose
// proposals they answer — never the other partners.
import type { Access } from 'payload'
import { hubSiteIds, isNetworkAdminUser, isNetworkEditorUser, sitesWithRole, WRITERS } from './roles'

export const readSites: Access = async ({ req }) => {
  if (!req.user || isNetworkAdminUser(req.user) || isNetworkEditorUser(req.user)) return true
  return { id: { in: [...sitesWithRole(req.user, WRITERS), ...(await hubSiteIds(req))] } }
}
