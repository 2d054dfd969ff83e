// Deleting a news item withdraws it from every site that accepted it: its
// answers go with it (they point at the item, so the database would refuse
// the delete otherwise). The person already passed the news delete access.
import type { CollectionBeforeDeleteHook } from 'payload'

export const removeDecisions: CollectionBeforeDeleteHook = async ({ id, req }) => {
  await req.payload.delete({
    collection: 'syndication-decisions',
    where: { news: { equals: id } },
    overrideAccess: true,
    req,
    context: req.context,
  })
}
