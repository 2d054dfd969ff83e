// The one field that says which site a document belongs to (pages, media,
// redirects, a news item's origin). It is never empty, even in a draft: the
// person's own site fills it when they did not choose, and a document nobody
// can place is refused with a message instead of becoming an invisible orphan.
//
// Payload skips field validation (and so the picker's filterOptions) when it
// saves a draft, and a duplicate copies the site of the original. The site a
// person puts a document on is therefore checked in a beforeChange hook, which
// runs for every write: create, update, draft save, autosave and duplicate.
import { APIError, type FieldHook, type RelationshipField } from 'payload'
import { defaultSiteFor } from '../access/defaultSite'
import { actingSites, isNetworkAdminUser, sameId, WRITERS, type SiteRole } from '../access/roles'
import { ownSitesOnly } from '../access/siteOptions'
import { message } from '../lib/message'
import { relationId } from '../lib/relationId'
import { tr } from '../i18n/translations'

interface SiteFieldOptions {
  name?: string
  /** Roles that let a person place a document on a site (pickers offer those sites). */
  roles?: SiteRole[]
  label?: { fr: string; en: string }
  overrides?: Pick<RelationshipField, 'access' | 'index'> & { admin?: { position?: 'sidebar' } }
}

export function siteField({
  name = 'site',
  roles = WRITERS,
  label = { fr: 'Site', en: 'Site' },
  overrides = {},
}: SiteFieldOptions = {}): RelationshipField {
  const fillOrRefuse: FieldHook = async ({ value, operation, req }) => {
    if (value !== undefined && value !== null && value !== '') return value
    // A partial update that does not mention the site keeps the stored one.
    if (value === undefined && operation === 'update') return value
    const fallback = await defaultSiteFor(req, roles)
    if (fallback !== undefined) return fallback
    throw new APIError(
      message(req, {
        fr: 'Choisissez le site auquel ce document appartient : votre compte n’est rattaché à aucun site où vous pouvez écrire.',
        en: 'Choose the site this document belongs to: your account has no site you can write on.',
      }),
      400,
      null,
      true,
    )
  }

  // A version restore by someone who may not set the field arrives without it (field access
  // removes it, and Payload skips the stored value while restoring): it keeps the stored site.
  const keepOnRestore: FieldHook = ({ value, originalDoc, req }) =>
    value === undefined && req.context.isRestoringVersion ? originalDoc?.[name] : value

  // A copy belongs to the person who makes it: it stays on the original's site
  // when they may write there, and otherwise lands on their own site.
  const rehomeCopy: FieldHook = async ({ value, req }) => {
    if (!req.user || isNetworkAdminUser(req.user)) return value
    const sites = await actingSites(req, roles)
    if (sites.some((s) => sameId(s, relationId(value)))) return value
    return sites[0] ?? value
  }

  // Decided on the stored value: keeping the site a document already has is
  // always fine; putting it on a site (new document, copy, move) needs the role there.
  const placeOnOwnSitesOnly: FieldHook = async ({ value, previousValue, operation, req }) => {
    if (!req.user || isNetworkAdminUser(req.user)) return value
    const site = relationId(value)
    if (operation === 'update' && (value === undefined || sameId(site, relationId(previousValue)))) return value
    if (site != null && (await actingSites(req, roles)).some((s) => sameId(s, site))) return value
    throw new APIError(
      message(req, {
        fr: 'Vous ne pouvez placer ce document que sur un site où vous travaillez (brouillons et copies compris) : choisissez l’un de vos sites.',
        en: 'You can only put this document on a site you work on (drafts and copies included): choose one of your sites.',
      }),
      403,
      null,
      true,
    )
  }

  return {
    name,
    type: 'relationship',
    relationTo: 'sites',
    required: true,
    label: tr(label),
    filterOptions: ownSitesOnly(roles),
    defaultValue: ({ req }) => defaultSiteFor(req, roles),
    ...overrides,
    hooks: { beforeValidate: [fillOrRefuse], beforeChange: [keepOnRestore, placeOnOwnSitesOnly], beforeDuplicate: [rehomeCopy] },
    admin: { position: 'sidebar', ...overrides.admin },
  }
}
