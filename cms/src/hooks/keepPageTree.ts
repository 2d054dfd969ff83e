// A page with sub-pages cannot be deleted: its children would keep an address
// under a page that no longer exists. The person is told which pages to move
// or delete first.
import {
  APIError,
  type CollectionBeforeChangeHook,
  type CollectionBeforeDeleteHook,
  type CollectionBeforeOperationHook,
  type Where,
} from 'payload'
import { message } from '../lib/message'
import { relationId } from '../lib/relationId'
import { documentUnpublishedByRestore } from './restoredStatus'

export const keepPageTree: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const children = await req.payload.find({
    collection: 'pages',
    where: { parent: { equals: id } },
    depth: 0,
    limit: 5,
    overrideAccess: true,
    req,
    draft: true,
    select: { title: true },
  })
  if (children.totalDocs === 0) return
  const names = children.docs.map((c) => `« ${typeof c.title === 'string' ? c.title : ''} »`).join(', ')
  throw new APIError(
    message(req, {
      fr: `Cette page a ${children.totalDocs} sous-page(s) (${names}) : déplacez-les sous une autre page ou supprimez-les d’abord.`,
      en: `This page has ${children.totalDocs} sub-page(s) (${names}): move them under another page or delete them first.`,
    }),
    409,
    null,
    true,
  )
}

// A published page's address holds its parents' slugs: a page goes online only
// under a published parent (otherwise its address would reveal an unpublished page)…
export const keepPublishedTree: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  if ((data._status ?? originalDoc?._status) !== 'published') return data
  const parent = relationId(data.parent === undefined ? originalDoc?.parent : data.parent)
  if (parent == null) return data
  const stored = await req.payload.findByID({
    collection: 'pages',
    id: parent,
    depth: 0,
    overrideAccess: true,
    req,
    select: { title: true, _status: true },
  })
  if (stored._status === 'published') return data
  throw new APIError(
    message(req, {
      fr: `La page parente « ${stored.title ?? ''} » n’est pas publiée : publiez-la d’abord (son adresse fait partie de celle de cette page).`,
      en: `The parent page “${stored.title ?? ''}” is not published: publish it first (its address is part of this page's).`,
    }),
    409,
    null,
    true,
  )
}

type UnpublishArgs = { data?: { _status?: string }; draft?: boolean; id?: number | string; where?: Where; unpublishAllLocales?: unknown }

// …and a parent goes offline only once its published sub-pages have.
export const keepPublishedChildren: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  let target: Where
  if (operation === 'restoreVersion') {
    // Restoring a draft version of a published parent takes it offline too.
    const offline = await documentUnpublishedByRestore(req, 'pages', args as { id?: number | string; draft?: boolean })
    if (offline === undefined) return args
    target = { id: { equals: offline } }
  } else if (operation === 'update') {
    const { data, draft, id, where, unpublishAllLocales } = args as UnpublishArgs
    const unpublishing = (!draft && data?._status === 'draft') || String(unpublishAllLocales) === 'true'
    if (!unpublishing) return args
    target = id !== undefined ? { id: { equals: id } } : (where ?? {})
  } else return args
  const parents = await req.payload.find({
    collection: 'pages',
    where: { and: [target, { _status: { equals: 'published' } }] },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
    select: {},
  })
  if (parents.docs.length === 0) return args
  const parentIds = parents.docs.map((p) => p.id)
  const children = await req.payload.find({
    collection: 'pages',
    // Sub-pages unpublished in the same request (a bulk unpublish of a whole branch) do not count.
    where: { and: [{ parent: { in: parentIds } }, { _status: { equals: 'published' } }, { id: { not_in: parentIds } }] },
    depth: 0,
    limit: 5,
    overrideAccess: true,
    req,
    select: { title: true },
  })
  if (children.totalDocs === 0) return args
  const names = children.docs.map((c) => `« ${typeof c.title === 'string' ? c.title : ''} »`).join(', ')
  throw new APIError(
    message(req, {
      fr: `Cette page a ${children.totalDocs} sous-page(s) en ligne (${names}) : retirez-les d’abord de la publication.`,
      en: `This page has ${children.totalDocs} published sub-page(s) (${names}): unpublish them first.`,
    }),
    409,
    null,
    true,
  )
}
