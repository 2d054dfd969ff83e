import type { Access } from 'payload'
import { userIsNetworkAdmin } from './isNetworkAdmin'

/** Network admins see every account; everyone else only their own. */
export const selfOrNetworkAdmin: Access = ({ req: { user } }) => {
  if (!user) return false
  if (userIsNetworkAdmin(user as { globalRole?: string })) return true
  return { id: { equals: user.id } }
}
