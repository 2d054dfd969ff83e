// Sites: public read; network admins manage them; a site admin edits their own
// site's brand, contact, help lines and menus (identity fields stay network-only).
import type { Access } from 'payload'
import { ADMINS, anyOf, inSites, isNetworkAdminUser, sitesWithRole } from './roles'

export const updateSites: Access = ({ req: { user } }) => {
  if (!user) return false
  if (isNetworkAdminUser(user)) return true
  return anyOf(inSites('id', sitesWithRole(user, ADMINS)))
}
