// A page's path is its parents' slugs plus its own (/services/hebergement/).
// The parent must belong to the same site and may not be the page itself or a
// descendant; the path may not start with a segment the sites reserve for their
// own pages (/actualites/, /recherche/…: the contract's route table).
import { reservedSegmentOf } from '@cles/content/routes'
import { APIError, ValidationError, type CollectionBeforeChangeHook } from 'payload'
import { message } from '../lib/message'
import { relationId as idOf } from '../lib/relationId'

export const computePagePath: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const segments = [data.slug ?? originalDoc?.slug]
  const site = idOf(data.site ?? originalDoc?.site)
  const self = originalDoc?.id
  let parentId = idOf(data.parent === undefined ? originalDoc?.parent : data.parent)
  for (let depth = 0; parentId != null; depth++) {
    if (depth > 10 || (self != null && String(parentId) === String(self))) {
      throw new APIError(
        message(req, {
          fr: 'Une page ne peut pas être sa propre parente (boucle dans l’arborescence).',
          en: 'A page cannot be its own parent (loop in the tree).',
        }),
        400,
        null,
        true,
      )
    }
    const parent = await req.payload.findByID({
      collection: 'pages',
      id: parentId as number,
      depth: 0,
      overrideAccess: true,
      req,
      draft: true,
    })
    if (String(idOf(parent.site)) !== String(site)) {
      throw new APIError(
        message(req, { fr: 'La page parente doit appartenir au même site.', en: 'The parent page must belong to the same site.' }),
        400,
        null,
        true,
      )
    }
    segments.unshift(parent.slug)
    parentId = idOf(parent.parent)
  }
  data.path = `/${segments.join('/')}/`
  const reserved = reservedSegmentOf(data.path)
  if (reserved) {
    throw new ValidationError(
      {
        collection: 'pages',
        errors: [
          {
            path: 'slug',
            message: message(req, {
              fr:
                `L’adresse /${reserved}/ est réservée aux pages que chaque site crée lui-même (actualités, ressources, recherche…) : ` +
                `choisissez un autre identifiant d’URL.`,
              en: `The address /${reserved}/ is reserved for the pages every site makes itself (news, resources, search…): choose another URL slug.`,
            }),
          },
        ],
        req,
      },
      req.t,
    )
  }
  return data
}
