import type { Access } from 'payload'
import { isNetworkAdminUser, isNetworkEditorUser } from './roles'

/** Network admins and CLES communication (network editors). */
export const networkStaff: Access = ({ req: { user } }) => isNetworkAdminUser(user) || isNetworkEditorUser(user)
