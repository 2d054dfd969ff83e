import type { Access } from 'payload'

/**
 * Signed-in staff read everything; anonymous readers get a query constraint
 * that only matches published documents (so drafts never leak, even with ?draft=true).
 */
export const publishedOrAuthenticated: Access = ({ req: { user } }) => {
  if (user) return true
  return { _status: { equals: 'published' } }
}
