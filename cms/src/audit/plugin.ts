// The audit trail (collections/AuditLog.ts): hooks on the collections whose
// changes a network admin must be able to trace.
//
// - news, pages: publish (draft → published, or created published, including a
//   scheduled publication, recorded as the person who scheduled it), unpublish,
//   version restore, delete;
// - users: account created or deleted, network role changed, site memberships
//   changed (before / after as « site : rôle » lists);
// - sites: created, deleted, which settings changed.
//
// Entries are written with overrideAccess through the change's own `req`, so
// they are part of its transaction: a change that fails or is rolled back
// leaves no entry. Writes without a user (seed, migrations, scripts) and writes
// with `context.disableAudit` are not recorded (see record.ts).
import type { CollectionConfig, Config, Plugin } from 'payload'
import { auditAccountChange, auditAccountDelete } from './accounts'
import { auditContentChange, auditContentDelete, CONTENT_SITE_FIELD, markContentOperation, rememberLiveState } from './content'
import { auditSiteChange, auditSiteDelete, rememberSite } from './sites'

type Hooks = NonNullable<CollectionConfig['hooks']>

const HOOKS: Record<string, Hooks> = {
  ...Object.fromEntries(
    Object.keys(CONTENT_SITE_FIELD).map((slug) => [
      slug,
      {
        beforeOperation: [markContentOperation],
        beforeChange: [rememberLiveState],
        afterChange: [auditContentChange],
        afterDelete: [auditContentDelete],
      },
    ]),
  ),
  users: { afterChange: [auditAccountChange], afterDelete: [auditAccountDelete] },
  sites: { beforeChange: [rememberSite], afterChange: [auditSiteChange], afterDelete: [auditSiteDelete] },
}

function withHooks(collection: CollectionConfig, added: Hooks): CollectionConfig {
  const hooks: Hooks = { ...collection.hooks }
  for (const [name, list] of Object.entries(added) as [keyof Hooks, unknown[]][]) {
    // Last, so each sees the data the collection's own hooks settled on.
    ;(hooks as Record<string, unknown[]>)[name] = [...((hooks[name] as unknown[] | undefined) ?? []), ...list]
  }
  return { ...collection, hooks }
}

export const auditPlugin: Plugin = (config: Config): Config => ({
  ...config,
  collections: (config.collections ?? []).map((collection) =>
    HOOKS[collection.slug] ? withHooks(collection, HOOKS[collection.slug]!) : collection,
  ),
})
