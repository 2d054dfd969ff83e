// News: anonymous readers get published items only; staff read the items of
// their sites and the items proposed to their sites; only the origin site's
// team writes an item (partners answer proposals in syndication-decisions).
import type { FieldAccess } from 'payload'
import { siteScopedAccess } from './siteScoped'
import { actingSites, isNetworkAdminUser, isNetworkEditorUser, PUBLISHERS, sameId } from './roles'
import { relationId } from '../lib/relationId'

export const newsAccess = siteScopedAccess({ siteField: 'originSite', publicRead: 'published', alsoReadableVia: 'targetSites' })

/** Proposing an item to other sites: network staff, or publishers of its origin site. */
export const canProposeNews: FieldAccess = async ({ req, doc, data }) => {
  if (!req.user) return false
  if (isNetworkAdminUser(req.user) || isNetworkEditorUser(req.user)) return true
  const originId = relationId((doc ?? data)?.originSite)
  return (await actingSites(req, PUBLISHERS)).some((s) => sameId(s, originId))
}
