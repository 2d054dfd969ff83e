import type { Access, FieldAccess } from 'payload'

type MaybeUser = { globalRole?: string | null } | null | undefined

export const userIsNetworkAdmin = (user: MaybeUser): boolean => user?.globalRole === 'network-admin'

/** Only network administrators (users, sites, global settings). */
export const isNetworkAdmin: Access = ({ req: { user } }) => userIsNetworkAdmin(user as MaybeUser)

export const isNetworkAdminField: FieldAccess = ({ req: { user } }) => userIsNetworkAdmin(user as MaybeUser)
