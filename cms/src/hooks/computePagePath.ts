// A page's path is its parents' slugs plus its own (/services/hebergement/).
// The parent must belong to the same site and may not be the page itself or a descendant.
import { APIError, type CollectionBeforeChangeHook } from 'payload'
import { message } from '../lib/message'

const idOf = (v: unknown) => (v && typeof v === 'object' ? (v as { id: unknown }).id : v)

export const computePagePath: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const segments = [data.slug ?? originalDoc?.slug]
  const site = idOf(data.site ?? originalDoc?.site)
  const self = originalDoc?.id
  let parentId = idOf(data.parent === undefined ? originalDoc?.parent : data.parent)
  for (let depth = 0; parentId != null; depth++) {
    if (depth > 10 || (self != null && String(parentId) === String(self))) {
      throw new APIError(message(req, { fr: 'Une page ne peut pas être sa propre parente (boucle dans l’arborescence).', en: 'A page cannot be its own parent (loop in the tree).' }), 400, null, true)
    }
    const parent = await req.payload.findByID({ collection: 'pages', id: parentId as number, depth: 0, overrideAccess: true, req, draft: true })
    if (String(idOf(parent.site)) !== String(site)) {
      throw new APIError(message(req, { fr: 'La page parente doit appartenir au même site.', en: 'The parent page must belong to the same site.' }), 400, null, true)
    }
    segments.unshift(parent.slug)
    parentId = idOf(parent.parent)
  }
  data.path = `/${segments.join('/')}/`
  return data
}
