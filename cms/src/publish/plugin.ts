// Publishing is automatic: every change readers would see asks for a
// publication of the sites it touches (see affectedSites.ts). Draft saves and
// autosaves change nothing for readers; seeds and scripts that write in bulk
// pass `context.disablePublication` (like the Payload website template's
// `disableRevalidate`).
import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeDeleteHook,
  CollectionBeforeOperationHook,
  Config,
  Plugin,
  SanitizedCollectionConfig,
} from 'payload'
import { affectedSites, PUBLISHED_COLLECTIONS } from './affectedSites'
import { requestPublication } from './requestPublication'
import { relationId } from '../lib/relationId'

type Doc = Record<string, unknown> | undefined

/** The French singular label (a `{ fr, en }` record, or a label function carrying them, see i18n/translations.ts). */
const labelOf = (collection: SanitizedCollectionConfig) =>
  (collection.labels?.singular as { fr?: string } | undefined)?.fr ?? collection.slug
/** What people call the document: its (French) title or name, else its address or file, else its id. */
const titleOf = (doc: Doc) => {
  const named = doc?.title ?? doc?.name
  const french = named && typeof named === 'object' ? (named as { fr?: string }).fr : named
  return String(french ?? doc?.from ?? doc?.filename ?? doc?.slug ?? `#${doc?.id ?? '?'}`).slice(0, 120)
}

function action(operation: 'create' | 'update' | 'delete', doc: Doc, previous: Doc): string {
  if (operation === 'delete') return 'Suppression'
  const was = previous?._status === 'published'
  const is = doc?._status === 'published'
  if (!was && is) return 'Publication'
  if (was && doc?._status === 'draft') return 'Retrait'
  return operation === 'create' ? 'Ajout' : 'Modification'
}

async function newsTitle(news: unknown, req: Parameters<CollectionAfterChangeHook>[0]['req']): Promise<string> {
  const id = relationId(news)
  if (id == null) return '?'
  const item = await req.payload
    .findByID({ collection: 'news', id, depth: 0, overrideAccess: true, req, select: { title: true } })
    .catch(() => null)
  return typeof item?.title === 'string' ? item.title : `#${id}`
}

const markDraftSaves: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation === 'create' || operation === 'update') {
    const { draft, data } = args as { draft?: boolean; data?: { _status?: string } }
    req.context.clesDraftSave = Boolean(draft) && data?._status !== 'published'
  }
  return args
}

async function onChange(
  collection: SanitizedCollectionConfig,
  operation: 'create' | 'update' | 'delete',
  doc: Doc,
  previous: Doc,
  req: Parameters<CollectionAfterChangeHook>[0]['req'],
) {
  if (req.context.disablePublication || (operation !== 'delete' && req.context.clesDraftSave)) return
  const sites = await affectedSites(collection.slug, doc, previous, req)
  if (!sites.length) return
  // An answer has no title of its own: say what it decided about which item.
  const text =
    collection.slug === 'syndication-decisions' && operation !== 'delete'
      ? `${doc?.decision === 'accepted' ? 'Acceptation' : 'Refus'} de la proposition : Actualité « ${await newsTitle(doc?.news, req)} »`
      : `${action(operation, doc, previous)} : ${labelOf(collection)} « ${titleOf(doc)} »`
  await requestPublication(req, sites, {
    text,
    collection: collection.slug,
    document: String(doc?.id ?? ''),
  })
}

const afterChange: CollectionAfterChangeHook = async ({ collection, doc, previousDoc, operation, req }) => {
  await onChange(collection, operation, doc, previousDoc, req)
  return doc
}

const afterDelete: CollectionAfterDeleteHook = async ({ collection, doc, req }) => {
  await onChange(collection, 'delete', doc, undefined, req)
}

/** A deleted site takes its publication log with it (the log points at the site). */
const removeSitePublications: CollectionBeforeDeleteHook = async ({ id, req }) => {
  await req.payload.delete({ collection: 'publications', where: { site: { equals: id } }, overrideAccess: true, req })
}

export const publishPlugin: Plugin = (config: Config): Config => ({
  ...config,
  collections: (config.collections ?? []).map((collection) =>
    collection.slug in PUBLISHED_COLLECTIONS
      ? {
          ...collection,
          hooks: {
            ...collection.hooks,
            beforeOperation: [...(collection.hooks?.beforeOperation ?? []), markDraftSaves],
            afterChange: [...(collection.hooks?.afterChange ?? []), afterChange],
            ...(collection.slug === 'sites' ? { beforeDelete: [...(collection.hooks?.beforeDelete ?? []), removeSitePublications] } : {}),
            afterDelete: [...(collection.hooks?.afterDelete ?? []), afterDelete],
          },
        }
      : collection,
  ),
})
