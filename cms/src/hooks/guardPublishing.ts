// Contributors write drafts; only site admins and editors of the owning site
// (and network staff on the hub) publish or unpublish. Enforced on every write
// path, deciding on the stored documents, not on what the request claims.
import { APIError, type CollectionBeforeChangeHook, type CollectionBeforeOperationHook, type PayloadRequest, type Where } from 'payload'
import { actingSites, isNetworkAdminUser, PUBLISHERS, sameId } from '../access/roles'
import { message } from '../lib/message'
import { relationId } from '../lib/relationId'
import { documentUnpublishedByRestore } from './restoredStatus'

const publishersOnly = (req: PayloadRequest, action: 'publish' | 'unpublish') =>
  new APIError(
    message(
      req,
      action === 'publish'
        ? {
            fr: 'Vous pouvez enregistrer un brouillon, mais pas publier : demandez à une éditrice ou une administratrice du site de le faire.',
            en: 'You can save a draft but not publish: ask a site editor or administrator to publish it.',
          }
        : {
            fr: 'Seules les éditrices et administratrices du site peuvent retirer une publication : demandez-leur de le faire.',
            en: 'Only the site’s editors and administrators can unpublish: ask one of them.',
          },
    ),
    403,
    null,
    true,
  )

type UpdateArgs = { data?: { _status?: string }; draft?: boolean; id?: string | number; where?: Where; unpublishAllLocales?: unknown }

const skip = (req: PayloadRequest) => !req.user || isNetworkAdminUser(req.user)

export function guardPublishing(siteField: string): CollectionBeforeChangeHook {
  return async ({ data, originalDoc, req }) => {
    if (skip(req) || data._status !== 'published') return data
    const siteId = relationId(data[siteField] ?? originalDoc?.[siteField])
    if ((await actingSites(req, PUBLISHERS)).some((s) => sameId(s, siteId))) return data
    throw publishersOnly(req, 'publish')
  }
}

/**
 * An update that sets `_status: 'draft'` without being a draft save, or the
 * restore of a draft version (hooks/restoredStatus.ts), takes a published document offline. Refused when any stored document it would touch
 * is published on a site where the person is not a publisher (one document or
 * a bulk update alike).
 */
export function guardUnpublishing(siteField: string): CollectionBeforeOperationHook {
  return async ({ args, operation, req, collection }) => {
    if ((operation !== 'update' && operation !== 'restoreVersion') || skip(req) || args.overrideAccess) return args
    let target: Where
    if (operation === 'restoreVersion') {
      const offline = await documentUnpublishedByRestore(req, collection.slug as 'news' | 'pages', args as UpdateArgs)
      if (offline === undefined) return args
      target = { id: { equals: offline } }
    } else {
      const { data, draft, id, where, unpublishAllLocales } = args as UpdateArgs
      const unpublishing = (!draft && data?._status === 'draft') || String(unpublishAllLocales) === 'true'
      if (!unpublishing) return args
      target = id !== undefined ? { id: { equals: id } } : (where ?? {})
    }
    const publisherSites = await actingSites(req, PUBLISHERS)
    const offending = await req.payload.count({
      collection: collection.slug as 'news',
      where: {
        and: [target, { _status: { equals: 'published' } }, { [siteField]: { not_in: publisherSites.length ? publisherSites : [-1] } }],
      },
      overrideAccess: true,
      req,
    })
    if (offending.totalDocs > 0) throw publishersOnly(req, 'unpublish')
    return args
  }
}

/**
 * An update that is not a draft save and does not say `_status` gives each
 * document the status of its latest version (Payload). On a published document
 * with a newer draft that is `draft`: the document would go offline, with the
 * pending draft as its content (payloadcms/payload#13267). Such an update is
 * saved as a draft instead, whoever asks (system tasks without a user keep
 * Payload's behaviour), in bulk too: what is published changes only through an
 * explicit publish or unpublish, which the guards above check.
 */
export function keepPublishedState(): CollectionBeforeOperationHook {
  return async ({ args, operation, req, collection }) => {
    if (operation !== 'update' || !req.user) return args
    const { data, draft, id, where, unpublishAllLocales } = args as UpdateArgs
    if (draft || !data || data._status !== undefined || String(unpublishAllLocales) === 'true') return args
    const target: Where = id !== undefined ? { id: { equals: id } } : (where ?? {})
    const published = await req.payload.find({
      collection: collection.slug as 'news',
      where: { and: [target, { _status: { equals: 'published' } }] },
      select: {},
      depth: 0,
      pagination: false,
      overrideAccess: true,
      req,
    })
    if (published.docs.length === 0) return args
    const pending = await req.payload.countVersions({
      collection: collection.slug as 'news',
      where: {
        and: [
          { parent: { in: published.docs.map((d) => d.id) } },
          { latest: { equals: true } },
          { 'version._status': { equals: 'draft' } },
        ],
      },
      overrideAccess: true,
      req,
    })
    return pending.totalDocs > 0 ? { ...args, draft: true } : args
  }
}
