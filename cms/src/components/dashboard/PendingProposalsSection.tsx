// Partner staff: « N actualités de la CLES attendent votre réponse », each with
// its one-click answers for the person's sites (read-only for contributors).
import type { PayloadRequest } from 'payload'
import { AnswerButtons } from './AnswerButtons'
import { AnswerFeedback } from './AnswerFeedback'
import type { PartnerSite } from './audience'
import { load } from './load'
import { pendingProposals } from './pendingProposals'
import { adminPath } from './links'
import { Empty, Section } from './Section'
import { stringsFor } from './strings'
import { formatDate, type Language } from '../when'
import { styles } from './styles'

export async function PendingProposalsSection({ req, language, sites }: { req: PayloadRequest; language: Language; sites: PartnerSite[] }) {
  const t = stringsFor(language)
  const pending = await load(req, 'propositions en attente', () => pendingProposals(req, sites))
  const answering = sites.filter((s) => s.canAnswer)
  return (
    <Section id="cles-dashboard-proposals" title={t.proposalsTitle}>
      {pending === null ? (
        <p style={styles.error}>{t.unavailable}</p>
      ) : pending.total === 0 ? (
        <Empty>{t.proposalsNone}</Empty>
      ) : (
        <>
          <p style={styles.lead} data-proposals-waiting={pending.total}>
            {t.proposalsWaiting(pending.total)}
          </p>
          {answering.length === 0 ? <p style={styles.empty}>{t.proposalsReadOnly}</p> : null}
          <AnswerFeedback>
            <ul style={styles.list}>
              {pending.items.map((item) => {
                const titleId = `cles-proposal-${item.id}`
                const mine = item.sites.filter((s) => s.canAnswer)
                return (
                  <li key={item.id} style={styles.item} data-proposal={item.id}>
                    <h3 id={titleId} style={styles.itemTitle}>
                      <a href={adminPath(req, `/collections/news/${item.id}`)}>{item.title || t.untitled}</a>
                    </h3>
                    <p style={styles.meta}>
                      {t.publishedOn(formatDate(item.publishedAt, language))}
                      {item.origin ? ` · ${t.proposedBy(item.origin)}` : ''}
                    </p>
                    {mine.map((site) => (
                      <AnswerButtons
                        key={site.id}
                        api={req.payload.config.routes.api}
                        language={language}
                        newsId={item.id}
                        newsTitle={item.title}
                        site={{ id: site.id, name: site.name }}
                        current={null}
                        nameSiteOnDecline={mine.length > 1}
                        labelledBy={titleId}
                      />
                    ))}
                  </li>
                )
              })}
            </ul>
          </AnswerFeedback>
        </>
      )}
    </Section>
  )
}
