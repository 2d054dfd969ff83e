// A site admin may only grant `site-editor` or `contributor` on their own
// sites; memberships on other sites are kept exactly as they were. Nobody
// changes their own roles.
import { APIError, type CollectionBeforeChangeHook } from 'payload'
import { ADMINS, isNetworkAdminUser, sameId, sitesWithRole, type SiteRole, type StaffUser } from '../access/roles'
import { message } from '../lib/message'

type Row = NonNullable<StaffUser['memberships']>[number] & { id?: string }
const siteOf = (row: Row) => (typeof row.site === 'object' ? row.site.id : row.site)
const GRANTABLE_BY_SITE_ADMIN: SiteRole[] = ['site-editor', 'contributor']

export const guardMemberships: CollectionBeforeChangeHook = ({ data, originalDoc, req, operation }) => {
  const actor = req.user
  if (!actor || req.context.skipGuards) return data // system tasks (seed, migrations)
  const before: Row[] = (originalDoc?.memberships as Row[] | undefined) ?? []
  const after: Row[] | undefined = data.memberships as Row[] | undefined
  if (after === undefined) return data
  const self = operation === 'update' && sameId(originalDoc?.id, actor.id)
  if (self && JSON.stringify(after.map((r) => [siteOf(r), r.role])) !== JSON.stringify(before.map((r) => [siteOf(r), r.role]))) {
    throw new APIError(message(req, { fr: 'Vous ne pouvez pas modifier vos propres rôles.', en: 'You cannot change your own roles.' }), 403, null, true)
  }
  if (isNetworkAdminUser(actor)) return data

  const mine = sitesWithRole(actor, ADMINS)
  const isMine = (row: Row) => mine.some((s) => sameId(s, siteOf(row)))
  for (const row of after.filter(isMine)) {
    if (!GRANTABLE_BY_SITE_ADMIN.includes(row.role)) {
      throw new APIError(
        message(req, {
          fr: 'Une administratrice de site ne peut attribuer que les rôles « Édition du site » ou « Contribution ».',
          en: 'A site administrator can only grant the “Site editor” or “Contributor” roles.',
        }),
        403,
        null,
        true,
      )
    }
  }
  // Rows on sites the actor does not administer must stay exactly as they were.
  const key = (r: Row) => `${siteOf(r)}:${r.role}`
  const foreignBefore = before.filter((r) => !isMine(r)).map(key).sort()
  const foreignAfter = after.filter((r) => !isMine(r)).map(key).sort()
  if (JSON.stringify(foreignBefore) !== JSON.stringify(foreignAfter)) {
    throw new APIError(
      message(req, {
        fr: 'Vous ne pouvez attribuer ou retirer des accès que sur les sites que vous administrez.',
        en: 'You can only grant or remove access on the sites you administer.',
      }),
      403,
      null,
      true,
    )
  }
  return data
}
