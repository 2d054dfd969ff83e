// Accounts: network admins manage everyone; a site admin manages the accounts
// of their own sites; everyone else sees only themself.
import type { Access, FieldAccess } from 'payload'
import { ADMINS, anyOf, isNetworkAdminUser, sitesWithRole } from './roles'

export const readUsers: Access = ({ req: { user } }) => {
  if (!user) return false
  if (isNetworkAdminUser(user)) return true
  return anyOf({ id: { equals: user.id } }, inSitesOf(sitesWithRole(user, ADMINS)))
}

export const createUsers: Access = ({ req: { user } }) =>
  isNetworkAdminUser(user) || sitesWithRole(user, ADMINS).length > 0

export const updateUsers: Access = readUsers

/** Unlocking a locked account: network admins, or site admins for the accounts of their sites. */
export const unlockUsers: Access = ({ req: { user } }) => {
  if (!user) return false
  if (isNetworkAdminUser(user)) return true
  return anyOf(inSitesOf(sitesWithRole(user, ADMINS)))
}

export const deleteUsers: Access = ({ req: { user } }) => isNetworkAdminUser(user)

/** Memberships can be edited by network admins and site admins, never on one's own account. */
export const editMemberships: FieldAccess = ({ req: { user }, id }) => {
  if (!user || (id !== undefined && String(id) === String(user.id))) return false
  return isNetworkAdminUser(user) || sitesWithRole(user, ADMINS).length > 0
}

function inSitesOf(sites: (string | number)[]) {
  return sites.length ? { 'memberships.site': { in: sites } } : null
}
