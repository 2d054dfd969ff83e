// News: anonymous readers get published items only; staff read the items of
// their sites and the items proposed to their sites; only the origin site's
// team writes an item (partners answer proposals in syndication-decisions).
// Proposing an item to other sites is a hub (CLES) thing.
import { APIError, type FieldAccess, type FieldHook, type PayloadRequest } from 'payload'
import { siteScopedAccess } from './siteScoped'
import { actingSites, hubSiteIds, isNetworkAdminUser, isNetworkEditorUser, PUBLISHERS, sameId } from './roles'
import { message } from '../lib/message'
import { relationId, relationIds } from '../lib/relationId'

export const newsAccess = siteScopedAccess({
  siteField: 'originSite',
  publicRead: 'published',
  alsoReadableVia: 'targetSites',
  readerSitesKey: true,
})

/** Network staff, or publishers of the item's origin site when that site is the hub. */
async function mayPropose(req: PayloadRequest, originSite: unknown): Promise<boolean> {
  if (!req.user) return false
  if (isNetworkAdminUser(req.user) || isNetworkEditorUser(req.user)) return true
  const originId = relationId(originSite)
  if (!(await hubSiteIds(req)).some((h) => sameId(h, originId))) return false
  return (await actingSites(req, PUBLISHERS)).some((s) => sameId(s, originId))
}

/** Proposing an item to other sites: network staff, or publishers of its origin site when it is the hub. */
export const canProposeNews: FieldAccess = async ({ req, doc, data }) => mayPropose(req, (doc ?? data)?.originSite ?? data?.originSite)

/**
 * Draft saves skip validation, and with it the picker's filterOptions: the
 * sites an item is proposed to are checked here, on every write. Sites already
 * proposed (stored) stay; each newly proposed site needs the right to propose
 * from the item's stored origin, and, outside network staff, a publisher role there.
 */
export const checkProposedSites: FieldHook = async ({ value, previousValue, operation, originalDoc, data, req }) => {
  if (!req.user || isNetworkAdminUser(req.user) || isNetworkEditorUser(req.user) || value === undefined) return value
  const before = operation === 'update' ? relationIds(previousValue) : []
  const added = relationIds(value).filter((id) => !before.some((b) => sameId(b, id)))
  if (added.length === 0) return value
  // The origin cannot be changed by anyone but network admins: the stored one decides.
  const origin = operation === 'update' ? originalDoc?.originSite : data?.originSite
  const allowed = (await mayPropose(req, origin)) ? await actingSites(req, PUBLISHERS) : []
  if (added.every((id) => allowed.some((s) => sameId(s, id)))) return value
  throw new APIError(
    message(req, {
      fr: 'Seule l’équipe de la CLES peut proposer une actualité à d’autres sites (brouillons compris). Retirez les sites ajoutés dans « Proposer aux sites ».',
      en: 'Only the CLES team can propose a news item to other sites of the network (drafts included). Remove the sites added under “Propose to sites”.',
    }),
    403,
    null,
    true,
  )
}
