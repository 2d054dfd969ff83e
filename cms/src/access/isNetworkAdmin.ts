import type { Access, FieldAccess } from 'payload'
import { isNetworkAdminUser } from './roles'

/** Only network administrators (users' global roles, sites, origin of a news item). */
export const isNetworkAdmin: Access = ({ req: { user } }) => isNetworkAdminUser(user)

export const isNetworkAdminField: FieldAccess = ({ req: { user } }) => isNetworkAdminUser(user)

/** For access hooks that only get the request (jobs endpoints). */
export const isNetworkAdminRequest = ({ req }: { req: { user?: unknown } }) => isNetworkAdminUser(req.user)
