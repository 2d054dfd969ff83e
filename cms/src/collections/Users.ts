import type { CollectionConfig } from 'payload'
import { isNetworkAdminField } from '../access/isNetworkAdmin'
import { createUsers, deleteUsers, editMemberships, readUsers, updateUsers } from '../access/users'
import { administeredSites } from '../access/siteOptions'
import { guardMemberships } from '../hooks/guardMemberships'
import { tr } from '../i18n/translations'

export const GLOBAL_ROLES = [
  { value: 'network-admin', label: { fr: 'Administration du réseau', en: 'Network administrator' } },
  { value: 'network-editor', label: { fr: 'Communication du réseau (CLES)', en: 'Network editor (CLES)' } },
]

export const SITE_ROLES = [
  { value: 'site-admin', label: { fr: 'Administration du site', en: 'Site administrator' } },
  { value: 'site-editor', label: { fr: 'Édition du site', en: 'Site editor' } },
  { value: 'contributor', label: { fr: 'Contribution (brouillons)', en: 'Contributor (drafts)' } },
]

/** Staff accounts: a global role and per-site memberships. */
export const Users: CollectionConfig = {
  slug: 'users',
  labels: { singular: tr({ fr: 'Compte', en: 'Account' }), plural: tr({ fr: 'Comptes', en: 'Accounts' }) },
  auth: { maxLoginAttempts: 10, lockTime: 10 * 60 * 1000 },
  admin: {
    useAsTitle: 'email',
    defaultColumns: ['name', 'email', 'globalRole'],
    group: { fr: 'Réseau', en: 'Network' },
  },
  access: {
    read: readUsers,
    create: createUsers,
    update: updateUsers,
    delete: deleteUsers,
  },
  hooks: { beforeChange: [guardMemberships] },
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
        { name: 'site', type: 'relationship', relationTo: 'sites', required: true, filterOptions: administeredSites, label: tr({ fr: 'Site', en: 'Site' }) },
        { name: 'role', type: 'select', required: true, options: SITE_ROLES, label: tr({ fr: 'Rôle', en: 'Role' }) },
      ],
    },
  ],
}
