// Sites are public for readers (the exporter reads them anonymously) and for
// network staff; partner staff see their own sites and the hub, whose
// proposals they answer — never the other partners.
import type { Access, PayloadRequest } from 'payload'
import { hubSiteIds, isNetworkAdminUser, isNetworkEditorUser, sitesWithRole, WRITERS, type Id } from './roles'

/** The sites a signed-in person may open in the admin: `all`, or these ids. */
export async function readableSiteIds(req: PayloadRequest): Promise<'all' | Id[]> {
  if (!req.user || isNetworkAdminUser(req.user) || isNetworkEditorUser(req.user)) return 'all'
  return [...sitesWithRole(req.user, WRITERS), ...(await hubSiteIds(req))]
}

export const readSites: Access = async ({ req }) => {
  const ids = await readableSiteIds(req)
  return ids === 'all' ? true : { id: { in: ids } }
}
