import type { Access } from 'payload'

/** Any signed-in account. */
export const authenticated: Access = ({ req: { user } }) => Boolean(user)
