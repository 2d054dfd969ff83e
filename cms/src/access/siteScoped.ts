// Access for documents that belong to one site (pages, media, news origin):
// network admins everywhere, members on their own sites, readers per `publicRead`.
import type { Access, Where } from 'payload'
import { actingSites, anyOf, inSites, isNetworkAdminUser, PUBLISHERS, sameId, WRITERS } from './roles'
import { relationId } from '../lib/relationId'
import { readableBySites } from '../fields/readerSites'

export interface SiteScopedOptions {
  /** Field holding the owning site. */
  siteField: string
  /** What anonymous readers get: everything, published only, or nothing. */
  publicRead: 'all' | 'published' | 'none'
  /** Extra sites field that also grants staff read access (e.g. news proposed to a site). */
  alsoReadableVia?: string
  /**
   * SQLite: staff read through the stored key of every reading site (fields/readerSites.ts)
   * instead of the origin and `alsoReadableVia`, which a list could only filter with a join.
   * Other adapters filter arrays natively and keep the two fields.
   */
  readerSitesKey?: boolean
}

export function siteScopedAccess({ siteField, publicRead, alsoReadableVia, readerSitesKey }: SiteScopedOptions) {
  const read: Access = async ({ req }) => {
    if (!req.user) {
      if (publicRead === 'all') return true
      if (publicRead === 'published') return { _status: { equals: 'published' } } satisfies Where
      return false
    }
    if (isNetworkAdminUser(req.user)) return true
    const sites = await actingSites(req, WRITERS)
    if (readerSitesKey && req.payload.db.name === 'sqlite') return anyOf(readableBySites(sites))
    return anyOf(inSites(siteField, sites), alsoReadableVia ? inSites(alsoReadableVia, sites) : null)
  }

  // Create: without a site yet, the admin only asks "may I create at all?"
  // (a document without a site is refused by validation anyway).
  const create: Access = async ({ req, data }) => {
    if (!req.user) return false
    if (isNetworkAdminUser(req.user)) return true
    const sites = await actingSites(req, WRITERS)
    const site = data?.[siteField]
    if (site == null) return sites.length > 0
    return sites.some((s) => sameId(s, relationId(site)))
  }

  // Asked with `_status: 'published'`, this answers "may I publish?": Payload's
  // admin shows Publish, Unpublish and Schedule from it, so contributors never
  // see actions they cannot do (see hooks/guardPublishing.ts for the API side).
  const update: Access = async ({ req, data }) => {
    if (!req.user) return false
    if (isNetworkAdminUser(req.user)) return true
    const roles = data?._status === 'published' ? PUBLISHERS : WRITERS
    return anyOf(inSites(siteField, await actingSites(req, roles)))
  }

  const remove: Access = async ({ req }) => {
    if (!req.user) return false
    if (isNetworkAdminUser(req.user)) return true
    return anyOf(inSites(siteField, await actingSites(req, PUBLISHERS)))
  }

  // Version documents hold the fields under `version.`.
  const readVersions: Access = async ({ req }) => {
    if (!req.user) return false
    if (isNetworkAdminUser(req.user)) return true
    return anyOf(inSites(`version.${siteField}`, await actingSites(req, WRITERS)))
  }

  return { read, create, update, delete: remove, readVersions }
}
