import type { Access } from 'payload'

/** Any signed-in account (used for admin-only bookkeeping collections). */
export const staffOnly: Access = ({ req: { user } }) => Boolean(user)
