// The one field that says which site a document belongs to (pages, media,
// redirects, a news item's origin). It is never empty, even in a draft: the
// person's own site fills it when they did not choose, and a document nobody
// can place is refused with a message instead of becoming an invisible orphan.
import { APIError, type FieldHook, type RelationshipField } from 'payload'
import { defaultSiteFor } from '../access/defaultSite'
import { WRITERS, type SiteRole } from '../access/roles'
import { ownSitesOnly } from '../access/siteOptions'
import { message } from '../lib/message'
import { tr } from '../i18n/translations'

interface SiteFieldOptions {
  name?: string
  /** Roles that let a person place a document on a site (pickers offer those sites). */
  roles?: SiteRole[]
  label?: { fr: string; en: string }
  overrides?: Pick<RelationshipField, 'access' | 'index'> & { admin?: { position?: 'sidebar' } }
}

export function siteField({ name = 'site', roles = WRITERS, label = { fr: 'Site', en: 'Site' }, overrides = {} }: SiteFieldOptions = {}): RelationshipField {
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
  return {
    name,
    type: 'relationship',
    relationTo: 'sites',
    required: true,
    label: tr(label),
    filterOptions: ownSitesOnly(roles),
    defaultValue: ({ req }) => defaultSiteFor(req, roles),
    ...overrides,
    hooks: { beforeValidate: [fillOrRefuse] },
    admin: { position: 'sidebar', ...overrides.admin },
  }
}
