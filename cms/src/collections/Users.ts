import type { CollectionConfig, RelationshipFieldSingleValidation } from 'payload'
import { relationship } from 'payload/shared'
import { isNetworkAdminField } from '../access/isNetworkAdmin'
import { createUsers, deleteUsers, editMemberships, readUsers, unlockUsers, updateUsers } from '../access/users'
import { administeredSites } from '../access/siteOptions'
import { guardAccountQueries, hideAccountInternals } from '../hooks/accountPrivacy'
import { guardLastNetworkAdminChange, guardLastNetworkAdminDelete, guardMemberships } from '../hooks/guardMemberships'
import { forgotPasswordEndpoint, loginEndpoint } from '../lib/loginLimits'
import { RESET_EXPIRATION_MS, resetEmailHTML, resetEmailSubject } from '../lib/email'
import { unlockEndpoint } from '../lib/unlockEndpoint'
import { tr } from '../i18n/translations'
import { relationId } from '../lib/relationId'

export const GLOBAL_ROLES = [
  { value: 'network-admin', label: { fr: 'Administration du réseau', en: 'Network administrator' } },
  { value: 'network-editor', label: { fr: 'Communication du réseau (CLES)', en: 'Network editor (CLES)' } },
]

export const SITE_ROLES = [
  { value: 'site-admin', label: { fr: 'Administration du site', en: 'Site administrator' } },
  { value: 'site-editor', label: { fr: 'Édition du site', en: 'Site editor' } },
  { value: 'contributor', label: { fr: 'Contribution (brouillons)', en: 'Contributor (drafts)' } },
]

const keptOrValid: RelationshipFieldSingleValidation = (value, options) => {
  const kept = options.operation === 'update' && value != null && String(relationId(value)) === String(relationId(options.previousValue))
  return kept ? true : relationship(value, options)
}

/** Staff accounts: a global role and per-site memberships. */
export const Users: CollectionConfig = {
  slug: 'users',
  labels: { singular: tr({ fr: 'Compte', en: 'Account' }), plural: tr({ fr: 'Comptes', en: 'Accounts' }) },
  auth: {
    // Payload's lockout; lib/loginLimits.ts adds limits per e-mail and per address.
    maxLoginAttempts: 10,
    lockTime: 10 * 60 * 1000,
    // The signed-in person is read on every request: memberships as ids (access
    // helpers take ids), not populated sites and their logos (2 queries per request).
    depth: 0,
    // The session cookie (always HttpOnly) only travels over HTTPS in production,
    // or whenever the CMS's public address is https.
    cookies: {
      secure: process.env.NODE_ENV === 'production' || /^https:/i.test(process.env.CLES_SERVER_URL?.trim() ?? ''),
      sameSite: 'Lax',
    },
    // The reset e-mail in French, its link on the CMS's public address (lib/email.ts).
    forgotPassword: { expiration: RESET_EXPIRATION_MS, generateEmailSubject: resetEmailSubject, generateEmailHTML: resetEmailHTML },
  },
  admin: {
    useAsTitle: 'email',
    defaultColumns: ['name', 'email', 'globalRole'],
    components: { beforeListTable: ['@/components/ListHelp#ListHelp'] },
    group: { fr: 'Réseau', en: 'Network' },
  },
  access: {
    read: readUsers,
    create: createUsers,
    update: updateUsers,
    delete: deleteUsers,
    unlock: unlockUsers,
  },
  // Replace Payload's unlock, login and forgot-password routes: the same answer
  // whether the e-mail is known or not; login and reset requests are rate-limited.
  endpoints: [unlockEndpoint, loginEndpoint, forgotPasswordEndpoint],
  hooks: {
    beforeOperation: [guardAccountQueries],
    beforeChange: [guardMemberships, guardLastNetworkAdminChange],
    beforeDelete: [guardLastNetworkAdminDelete],
    afterRead: [hideAccountInternals],
  },
  fields: [
    { name: 'name', type: 'text', label: tr({ fr: 'Nom', en: 'Name' }) },
    {
      name: 'globalRole',
      type: 'select',
      label: tr({ fr: 'Rôle dans le réseau', en: 'Network role' }),
      options: GLOBAL_ROLES,
      // Only network admins set global roles (and never their own: see guardMemberships).
      access: { create: isNetworkAdminField, update: isNetworkAdminField },
      admin: { position: 'sidebar' },
    },
    {
      name: 'memberships',
      type: 'array',
      label: tr({ fr: 'Accès par site', en: 'Site memberships' }),
      labels: { singular: tr({ fr: 'Accès', en: 'Membership' }), plural: tr({ fr: 'Accès', en: 'Memberships' }) },
      access: { create: editMemberships, update: editMemberships },
      fields: [
        {
          name: 'site',
          type: 'relationship',
          relationTo: 'sites',
          required: true,
          filterOptions: administeredSites,
          // A row kept as stored (a role on a site the editing admin does not
          // administer, nor even see) was checked when it was granted.
          validate: keptOrValid,
          label: tr({ fr: 'Site', en: 'Site' }),
        },
        { name: 'role', type: 'select', required: true, options: SITE_ROLES, label: tr({ fr: 'Rôle', en: 'Role' }) },
      ],
    },
  ],
}
