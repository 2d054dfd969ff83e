// Answers to proposals: the proposed site's admins and editors decide; the
// origin site's team can read the answers; anonymous readers (the exporter)
// see accepted answers only, without who decided.
import type { Access, FieldAccess } from 'payload'
import { actingSites, anyOf, inSites, isNetworkAdminUser, PUBLISHERS, sameId, WRITERS } from './roles'
import { relationId } from '../lib/relationId'

export const readDecisions: Access = async ({ req }) => {
  if (!req.user) return { decision: { equals: 'accepted' } }
  if (isNetworkAdminUser(req.user)) return true
  const sites = await actingSites(req, WRITERS)
  return anyOf(inSites('site', sites), inSites('news.originSite', sites))
}

export const createDecisions: Access = async ({ req, data }) => {
  if (!req.user) return false
  if (isNetworkAdminUser(req.user)) return true
  const sites = await actingSites(req, PUBLISHERS)
  if (data?.site == null) return sites.length > 0
  return sites.some((s) => sameId(s, relationId(data.site)))
}

export const changeDecisions: Access = async ({ req }) => {
  if (!req.user) return false
  if (isNetworkAdminUser(req.user)) return true
  return anyOf(inSites('site', await actingSites(req, PUBLISHERS)))
}

/** Who decided is staff information, never published. */
export const staffField: FieldAccess = ({ req: { user } }) => Boolean(user)
