// A page with sub-pages cannot be deleted: its children would keep an address
// under a page that no longer exists. The person is told which pages to move
// or delete first.
import { APIError, type CollectionBeforeDeleteHook } from 'payload'
import { message } from '../lib/message'

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
