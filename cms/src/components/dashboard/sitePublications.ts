// The publication status of each site a person may read: what readers get now
// and how the last publication went (publish/siteStatus.ts, the person's access).
import type { PayloadRequest } from 'payload'
import { siteNames } from './siteNames'
import { siteReleaseStatus, type SiteReleaseStatus } from '../../publish/siteStatus'

export interface SitePublication extends SiteReleaseStatus {
  site: { id: number; name: string }
}

/** `siteIds` limits the list to these sites; without it, every site the person may read. */
export async function sitePublications(req: PayloadRequest, siteIds?: number[]): Promise<SitePublication[]> {
  const sites = await siteNames(req, siteIds)
  return Promise.all(sites.map(async (site) => ({ site: { id: site.id, name: site.name }, ...(await siteReleaseStatus(req, site.id)) })))
}
