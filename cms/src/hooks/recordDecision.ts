// Validates an answer to a proposal and records who decided and when.
import { APIError, type CollectionBeforeChangeHook } from 'payload'
import { message } from '../lib/message'
import { relationId as idOf } from '../lib/relationId'

export const recordDecision: CollectionBeforeChangeHook = async ({ data, originalDoc, req, operation }) => {
  const newsId = idOf(data.news ?? originalDoc?.news)
  const siteId = idOf(data.site ?? originalDoc?.site)
  if (
    operation === 'update' &&
    (String(newsId) !== String(idOf(originalDoc?.news)) || String(siteId) !== String(idOf(originalDoc?.site)))
  ) {
    throw new APIError(
      message(req, {
        fr: 'Une réponse ne peut pas changer d’actualité ni de site : créez-en une nouvelle.',
        en: 'An answer cannot move to another news item or site: create a new one.',
      }),
      400,
      null,
      true,
    )
  }
  const news = await req.payload
    .findByID({ collection: 'news', id: newsId as number, depth: 0, overrideAccess: true, req, draft: false })
    .catch(() => null)
  const proposed = (news?.targetSites ?? []).some((s) => String(idOf(s)) === String(siteId))
  if (!news || !proposed) {
    throw new APIError(
      message(req, { fr: 'Cette actualité n’a pas été proposée à ce site.', en: 'This news item has not been proposed to this site.' }),
      400,
      null,
      true,
    )
  }
  if (operation === 'create') {
    const existing = await req.payload.count({
      collection: 'syndication-decisions',
      where: { and: [{ news: { equals: newsId } }, { site: { equals: siteId } }] },
      overrideAccess: true,
      req,
    })
    if (existing.totalDocs > 0) {
      throw new APIError(
        message(req, {
          fr: 'Ce site a déjà répondu à cette proposition : modifiez la réponse existante.',
          en: 'This site already answered this proposal: edit the existing answer.',
        }),
        400,
        null,
        true,
      )
    }
  }
  // A reason explains a refusal only: an accepted answer keeps none.
  if ((data.decision ?? originalDoc?.decision) !== 'declined') data.reason = null
  // Set here only, whatever the request sent, so the record cannot be forged.
  if (operation === 'create' || data.decision !== originalDoc?.decision) {
    data.decidedBy = req.user?.id ?? null
    data.decidedAt = new Date().toISOString()
  } else {
    data.decidedBy = idOf(originalDoc?.decidedBy) ?? null
    data.decidedAt = originalDoc?.decidedAt ?? null
  }
  return data
}
