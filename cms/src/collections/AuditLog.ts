import type { CollectionConfig } from 'payload'
import { isNetworkAdmin } from '../access/isNetworkAdmin'
import { tr } from '../i18n/translations'

export const AUDIT_ACTIONS = [
  { value: 'published', label: { fr: 'Publication', en: 'Published' } },
  { value: 'unpublished', label: { fr: 'Retrait de la publication', en: 'Unpublished' } },
  { value: 'restored-version', label: { fr: 'Restauration d’une version', en: 'Version restored' } },
  { value: 'deleted', label: { fr: 'Suppression', en: 'Deleted' } },
  { value: 'account-created', label: { fr: 'Création d’un compte', en: 'Account created' } },
  { value: 'account-deleted', label: { fr: 'Suppression d’un compte', en: 'Account deleted' } },
  { value: 'roles-changed', label: { fr: 'Rôle dans le réseau modifié', en: 'Network role changed' } },
  { value: 'memberships-changed', label: { fr: 'Accès par site modifiés', en: 'Site memberships changed' } },
  { value: 'site-created', label: { fr: 'Création d’un site', en: 'Site created' } },
  { value: 'site-settings-changed', label: { fr: 'Réglages d’un site modifiés', en: 'Site settings changed' } },
  { value: 'site-deleted', label: { fr: 'Suppression d’un site', en: 'Site deleted' } },
] as const
export type AuditAction = (typeof AUDIT_ACTIONS)[number]['value']

/** The collections the audit plugin watches (src/audit/plugin.ts), with the names people know them by. */
export const AUDITED_COLLECTIONS = [
  { value: 'news', label: { fr: 'Actualités', en: 'News' } },
  { value: 'pages', label: { fr: 'Pages', en: 'Pages' } },
  { value: 'users', label: { fr: 'Comptes', en: 'Accounts' } },
  { value: 'sites', label: { fr: 'Sites', en: 'Sites' } },
] as const
export type AuditedCollection = (typeof AUDITED_COLLECTIONS)[number]['value']

/**
 * The audit trail: who published, unpublished or deleted content, who changed
 * roles, site memberships or site settings, and when. Written only by the
 * system (src/audit/plugin.ts), in the same transaction as the change it
 * records; nobody creates, edits or deletes an entry, and only network
 * administrators read them (an entry can name a person's roles on every site).
 */
export const AuditLog: CollectionConfig = {
  slug: 'audit-log',
  labels: {
    singular: tr({ fr: 'Entrée du journal d’audit', en: 'Audit trail entry' }),
    plural: tr({ fr: 'Journal d’audit', en: 'Audit trail' }),
  },
  admin: {
    useAsTitle: 'summary',
    defaultColumns: ['at', 'action', 'actorEmail', 'summary', 'site'],
    listSearchableFields: ['summary', 'title', 'actorEmail'],
    components: { beforeListTable: ['@/components/ListHelp#ListHelp'] },
    group: { fr: 'Réseau', en: 'Network' },
    description: {
      fr:
        'Qui a publié, retiré ou supprimé un contenu, modifié un rôle, des accès ou les réglages d’un site, et quand. ' +
        'Tenu automatiquement par le CMS : personne ne peut y ajouter, modifier ou effacer une entrée. Réservé à l’administration du réseau.',
      en:
        'Who published, unpublished or deleted content, changed a role, memberships or site settings, and when. ' +
        'Kept by the CMS itself: nobody can add, edit or erase an entry. Network administrators only.',
    },
  },
  defaultSort: '-at',
  // Nobody edits an entry, so nothing to lock.
  lockDocuments: false,
  disableDuplicate: true,
  access: {
    read: isNetworkAdmin,
    create: () => false,
    update: () => false,
    delete: () => false,
  },
  fields: [
    {
      name: 'at',
      type: 'date',
      required: true,
      index: true,
      defaultValue: () => new Date().toISOString(),
      label: tr({ fr: 'Date', en: 'When' }),
      admin: { date: { pickerAppearance: 'dayAndTime', displayFormat: 'yyyy-MM-dd HH:mm:ss' } },
    },
    {
      name: 'action',
      type: 'select',
      required: true,
      index: true,
      options: AUDIT_ACTIONS.map((a) => ({ value: a.value, label: a.label })),
      label: tr({ fr: 'Action', en: 'Action' }),
    },
    {
      name: 'actor',
      type: 'relationship',
      relationTo: 'users',
      index: true,
      label: tr({ fr: 'Par', en: 'By' }),
      admin: { description: { fr: 'Vide si le compte a été supprimé depuis.', en: 'Empty if the account was deleted since.' } },
    },
    { name: 'actorEmail', type: 'text', label: tr({ fr: 'Courriel de la personne', en: 'Email of the person' }) },
    { name: 'summary', type: 'text', label: tr({ fr: 'Résumé', en: 'Summary' }) },
    {
      name: 'collection',
      type: 'select',
      options: AUDITED_COLLECTIONS.map((c) => ({ value: c.value, label: c.label })),
      label: tr({ fr: 'Type de document', en: 'Document type' }),
    },
    { name: 'document', type: 'text', label: tr({ fr: 'Identifiant du document', en: 'Document ID' }) },
    {
      name: 'title',
      type: 'text',
      label: tr({ fr: 'Titre au moment de l’action', en: 'Title at the time' }),
    },
    { name: 'site', type: 'relationship', relationTo: 'sites', index: true, label: tr({ fr: 'Site', en: 'Site' }) },
    {
      name: 'details',
      type: 'json',
      label: tr({ fr: 'Détails', en: 'Details' }),
      admin: {
        description: {
          fr: 'Par exemple les accès avant et après (« site : rôle »), ou les réglages modifiés.',
          en: 'For example memberships before and after (“site: role”), or the settings that changed.',
        },
      },
    },
  ],
}
