// Contributors write drafts; only site admins and editors of the owning site
// (and network staff on the hub) publish. Enforced on every write path.
import { APIError, type CollectionBeforeChangeHook } from 'payload'
import { actingSites, isNetworkAdminUser, PUBLISHERS, sameId } from '../access/roles'
import { message } from '../lib/message'

export function guardPublishing(siteField: string): CollectionBeforeChangeHook {
  return async ({ data, originalDoc, req }) => {
    if (!req.user || req.context.skipGuards || isNetworkAdminUser(req.user)) return data
    if (data._status !== 'published') return data
    const site = data[siteField] ?? originalDoc?.[siteField]
    const siteId = site && typeof site === 'object' ? site.id : site
    if ((await actingSites(req, PUBLISHERS)).some((s) => sameId(s, siteId))) return data
    throw new APIError(
      message(req, {
        fr: 'Vous pouvez enregistrer un brouillon, mais pas publier : demandez à une éditrice ou une administratrice du site de le faire.',
        en: 'You can save a draft but not publish: ask a site editor or administrator to publish it.',
      }),
      403,
      null,
      true,
    )
  }
}
