// What an account's API answers show. Sessions are Payload's own bookkeeping
// (the JWT strategy reads them with overrideAccess): no API answer carries
// them, not even one's own. A site admin sees a person's roles on the sites they
// administer only, never that the person also works for another organisation;
// network admins and the person themself see them all.
import { APIError, type CollectionAfterReadHook, type CollectionBeforeOperationHook } from 'payload'
import { ADMINS, isNetworkAdminUser, sameId, sitesWithRole } from '../access/roles'
import { message } from '../lib/message'
import { relationId } from '../lib/relationId'

export const hideAccountInternals: CollectionAfterReadHook = ({ doc, req, overrideAccess }) => {
  if (overrideAccess === true || !doc || typeof doc !== 'object') return doc
  delete (doc as { sessions?: unknown }).sessions
  const reader = req.user
  if (!reader || isNetworkAdminUser(reader) || sameId(reader.id, doc.id)) return doc
  if (Array.isArray(doc.memberships)) {
    const administered = sitesWithRole(reader, ADMINS)
    doc.memberships = (doc.memberships as { site: unknown }[]).filter((m) => administered.some((s) => sameId(s, relationId(m.site))))
  }
  return doc
}

const mentionsMemberships = (value: unknown): boolean => {
  if (Array.isArray(value)) return value.some(mentionsMemberships)
  if (value && typeof value === 'object')
    return Object.entries(value).some(([key, inner]) => key.startsWith('memberships') || mentionsMemberships(inner))
  return typeof value === 'string' && /^-?memberships/.test(value)
}

/**
 * Hidden rows must not be guessable either: outside the network admins, no
 * query, sort or distinct list on accounts may look at memberships (a filter
 * « has a role on site X » would tell who also works for another organisation).
 */
export const guardAccountQueries: CollectionBeforeOperationHook = ({ args, req }) => {
  const { overrideAccess, where, sort, field } = args as { overrideAccess?: boolean; where?: unknown; sort?: unknown; field?: unknown }
  if (overrideAccess || !req.user || isNetworkAdminUser(req.user)) return args
  if (!mentionsMemberships(where) && !mentionsMemberships(sort) && !mentionsMemberships(field)) return args
  throw new APIError(
    message(req, {
      fr: 'Filtrer ou trier les comptes par accès aux sites est réservé à l’administration du réseau.',
      en: 'Filtering or sorting accounts by site memberships is for network administrators only.',
    }),
    403,
    null,
    true,
  )
}
