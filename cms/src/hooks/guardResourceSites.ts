// A resource shown on several sites is shared: a partner may only create,
// change or delete resources shown on their own sites alone, and may only show
// them there. Decided on the stored document, for single and bulk writes alike;
// network staff manage the shared directory.
import { APIError, type CollectionBeforeChangeHook, type CollectionBeforeDeleteHook, type PayloadRequest } from 'payload'
import { actingSites, isNetworkAdminUser, isNetworkEditorUser, PUBLISHERS, sameId } from '../access/roles'
import { message } from '../lib/message'
import { relationIds } from '../lib/relationId'

async function refuseOutsideSites(req: PayloadRequest, sites: unknown[], shared: boolean) {
  if (!req.user || isNetworkAdminUser(req.user) || isNetworkEditorUser(req.user)) return
  const mine = await actingSites(req, PUBLISHERS)
  if (sites.every((site) => mine.some((m) => sameId(m, site)))) return
  throw new APIError(
    message(
      req,
      shared
        ? {
            fr:
              'Cette ressource est aussi affichée sur d’autres sites du réseau : seule l’équipe de la CLES peut la modifier ou la ' +
              'retirer. Écrivez-lui pour proposer la correction.',
            en:
              'This resource is also shown on other sites of the network: only the CLES team can change or remove it. Write to them to ' +
              'suggest the correction.',
          }
        : {
            fr: 'Vous pouvez afficher une ressource sur vos propres sites seulement.',
            en: 'You can show a resource on your own sites only.',
          },
    ),
    403,
    null,
    true,
  )
}

export const guardResourceSites: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const stored = relationIds(originalDoc?.sites)
  await refuseOutsideSites(req, stored, true)
  if (data.sites !== undefined) await refuseOutsideSites(req, relationIds(data.sites), false)
  return data
}

export const guardResourceDelete: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const stored = await req.payload.findByID({ collection: 'resources', id, depth: 0, overrideAccess: true, req })
  await refuseOutsideSites(req, relationIds(stored.sites), true)
}
