// Sidebar of a news item proposed to other sites. A partner who answers for a
// proposed site gets « Accepter pour <site> » / « Refuser » right there (or
// the answer already given, which can be changed); everyone else who may read
// the answers (the CLES team) sees each proposed site's answer at a glance.
import type { UIFieldServerComponent } from 'payload'
import { relationIds } from '../../lib/relationId'
import { AnswerButtons } from './AnswerButtons'
import { AnswerList } from './AnswerList'
import { proposalAnswers } from './proposalAnswers'
import { textOf } from './text'
import { stringsFor } from './strings'
import { languageOf } from '../when'

export const ProposalPanel: UIFieldServerComponent = async ({ id, req, i18n }) => {
  if (id === undefined || id === null) return null
  const language = languageOf(i18n)
  const t = stringsFor(language)
  try {
    // The edit view's request reads every locale at once (locale « all »): the title is picked in textOf.
    const locale = typeof req.locale === 'string' && req.locale !== 'all' ? req.locale : 'fr'
    const news = await req.payload
      .findByID({ collection: 'news', id, depth: 0, draft: false, overrideAccess: false, req })
      .catch(() => null)
    if (!news || relationIds(news.targetSites).length === 0) return null
    const rows = (await proposalAnswers(req, [news])).get(news.id) ?? []
    if (rows.length === 0) return null
    const mine = rows.filter((row) => row.canAnswer)
    const others = rows.filter((row) => !row.canAnswer)
    return (
      <div className="field-type cles-proposal-panel" style={{ marginBottom: 'var(--base)' }} data-proposal-panel>
        <p className="field-label" id="cles-proposal-panel-title" style={{ fontWeight: 600 }}>
          {mine.length ? t.proposalPanelTitle : t.proposalAnswersTitle}
        </p>
        {mine.map((row) => (
          <AnswerButtons
            key={row.site.id}
            api={req.payload.config.routes.api}
            language={language}
            newsId={news.id}
            newsTitle={textOf(news.title, locale)}
            site={row.site}
            current={
              row.decision && row.decisionId
                ? { id: row.decisionId, decision: row.decision, reason: row.reason, decidedAt: row.decidedAt, decidedBy: row.decidedBy }
                : null
            }
            nameSiteOnDecline={mine.length > 1}
          />
        ))}
        {others.length ? <AnswerList answers={others} language={language} /> : null}
      </div>
    )
  } catch (error) {
    // A help, never a reason for the edit view not to open.
    req.payload.logger.error({ err: error, msg: `Réponses aux propositions indisponibles (news ${id})` })
    return null
  }
}
