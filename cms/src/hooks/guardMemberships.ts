// A site admin may only grant `site-editor` or `contributor` on their own
// sites; memberships on other sites are kept exactly as they were. Nobody
// changes their own roles. A site admin never sees a person's roles on other
// sites (hooks/accountPrivacy.ts): what they send back without those rows keeps
// them as stored. An account a site admin creates has a role on one of their
// sites, so it never becomes an account nobody but the network sees.
import { APIError, type CollectionBeforeChangeHook, type PayloadRequest } from 'payload'
import { ADMINS, isNetworkAdminUser, sameId, sitesWithRole, type SiteRole, type StaffUser } from '../access/roles'
import { message } from '../lib/message'

type Row = NonNullable<StaffUser['memberships']>[number] & { id?: string }
const siteOf = (row: Row) => (typeof row.site === 'object' ? row.site.id : row.site)
const GRANTABLE_BY_SITE_ADMIN: SiteRole[] = ['site-editor', 'contributor']

export const guardMemberships: CollectionBeforeChangeHook = ({ data, originalDoc, req, operation }) => {
  const actor = req.user
  if (!actor) return data // system tasks (seed, migrations) run without a user
  // On create (a duplicate included) nothing is stored yet: every row is new.
  const before: Row[] = operation === 'update' ? ((originalDoc?.memberships as Row[] | undefined) ?? []) : []
  const after: Row[] | undefined = data.memberships as Row[] | undefined
  if (after === undefined) {
    if (operation === 'create' && !isNetworkAdminUser(actor)) throw withoutOwnSite(req)
    return data
  }
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
  // Rows on sites the actor does not administer stay exactly as stored: the
  // request may leave them out (the actor does not see them) but never add or change one.
  const key = (r: Row) => `${siteOf(r)}:${r.role}`
  const foreignBefore = before.filter((r) => !isMine(r))
  const foreignStored = new Set(foreignBefore.map(key))
  if (after.some((r) => !isMine(r) && !foreignStored.has(key(r)))) {
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
  if (operation === 'create' && !after.some(isMine)) throw withoutOwnSite(req)
  // A kept row keeps its row id; a request row reusing that id becomes a new row.
  const keptIds = new Set(foreignBefore.map((r) => r.id).filter(Boolean))
  data.memberships = [...after.filter(isMine).map((r) => (r.id && keptIds.has(r.id) ? { ...r, id: undefined } : r)), ...foreignBefore]
  return data
}

function withoutOwnSite(req: PayloadRequest) {
  return new APIError(
    message(req, {
      fr: 'Donnez à ce compte au moins un accès (Édition du site ou Contribution) sur un site que vous administrez : sinon, vous ne le verriez plus.',
      en: 'Give this account at least one role (Site editor or Contributor) on a site you administer: otherwise you would no longer see it.',
    }),
    400,
    null,
    true,
  )
}
