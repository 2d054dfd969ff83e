// Which dashboard a person gets, from their global role and memberships:
// network administration, CLES communication (network editors and writers on
// the hub), and partner staff (writers on a partner site). One person may get several.
import type { PayloadRequest } from 'payload'
import { siteNames } from './siteNames'
import {
  hubSiteIds,
  isNetworkAdminUser,
  isNetworkEditorUser,
  PUBLISHERS,
  sameId,
  sitesWithRole,
  WRITERS,
  type Id,
} from '../../access/roles'

export interface PartnerSite {
  id: number
  name: string
  /** Site admins and editors answer proposals; contributors only read them. */
  canAnswer: boolean
}

export interface Audience {
  networkAdmin: boolean
  comms: boolean
  hubSites: number[]
  partnerSites: PartnerSite[]
}

export async function dashboardAudience(req: PayloadRequest): Promise<Audience> {
  const user = req.user
  const hubSites = (await hubSiteIds(req)) as number[]
  const isHub = (id: Id) => hubSites.some((h) => sameId(h, id))
  const writerSites = sitesWithRole(user, WRITERS)
  const publisherSites = sitesWithRole(user, PUBLISHERS)
  const partnerIds = [...new Set(writerSites.filter((id) => !isHub(id)).map(Number))]
  const docs = await siteNames(req, partnerIds)
  return {
    networkAdmin: isNetworkAdminUser(user),
    comms: isNetworkEditorUser(user) || writerSites.some(isHub),
    hubSites,
    partnerSites: docs.map((site) => ({ id: site.id, name: site.name, canAnswer: publisherSites.some((s) => sameId(s, site.id)) })),
  }
}
