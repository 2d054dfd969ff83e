// Accounts: network admins manage everyone; a site admin manages the accounts
// of their own sites; everyone else sees only themself.
import type { Access, FieldAccess } from 'payload'
import { ADMINS, anyOf, isNetworkAdminUser, sitesWithRole } from './roles'

export const readUsers: Access = ({ req: { user } }) => {
  if (!user) return false
  if (isNetworkAdminUser(user)) return true
  return anyOf({ id: { equals: user.id } }, inSitesOf(sitesWithRole(user, ADMINS)))
}

export const createUsers: Access = ({ req: { user } }) => isNetworkAdminUser(user) || sitesWithRole(user, ADMINS).length > 0

export const updateUsers: Access = readUsers

/** Unlocking a locked account: network admins, or site admins for the accounts of their sites. */
export const unlockUsers: Access = ({ req: { user } }) => {
  if (!user) return false
  if (isNetworkAdminUser(user)) return true
  return anyOf(inSitesOf(sitesWithRole(user, ADMINS)))
}

export const deleteUsers: Access = ({ req: { user } }) => isNetworkAdminUser(user)

/**
 * Memberships are edited by network admins and site admins. On one's own
 * account: a network admin's are read-only (their role is global); a site
 * admin's form sends them back as they are, and any real change is refused in
 * French by guardMemberships (« Vous ne pouvez pas modifier vos propres rôles »),
 * rather than silently dropped.
 */
export const editMemberships: FieldAccess = ({ req: { user }, id }) => {
  if (!user) return false
  const own = id !== undefined && String(id) === String(user.id)
  if (isNetworkAdminUser(user)) return !own
  return sitesWithRole(user, ADMINS).length > 0
}

function inSitesOf(sites: (string | number)[]) {
  return sites.length ? { 'memberships.site': { in: sites } } : null
}
