// CLES communication: for each item proposed to partners, who accepted, who
// declined (and why) and who has not answered yet.
import type { PayloadRequest } from 'payload'
import { proposedHubNews } from './hubNews'
import type { SiteAnswer } from './proposalAnswers'
import { load } from './load'
import { adminPath } from './links'
import { Empty, Section } from './Section'
import { stringsFor } from './strings'
import { formatDate, type Language } from '../when'
import { styles } from './styles'

/** « Acceptée par : A, B » · « Refusée par : C (raison) » · « Sans réponse de : D »: one line per answer, however many partners. */
function AnswerGroups({ answers, language }: { answers: SiteAnswer[]; language: Language }) {
  const t = stringsFor(language)
  const groups = [
    { key: 'accepted', label: t.groupAccepted, rows: answers.filter((a) => a.decision === 'accepted') },
    { key: 'declined', label: t.groupDeclined, rows: answers.filter((a) => a.decision === 'declined') },
    { key: 'waiting', label: t.groupWaiting, rows: answers.filter((a) => a.decision === null) },
  ].filter((group) => group.rows.length > 0)
  return (
    <ul style={{ ...styles.list, marginTop: '0.25rem' }}>
      {groups.map((group) => (
        <li key={group.key} style={{ ...styles.meta, margin: '0.15rem 0' }} data-answers={group.key}>
          <strong>
            {group.label}
            {t.colon}
          </strong>
          {group.rows
            .map((row) => (row.decision === 'declined' && row.reason ? `${row.site.name} (${row.reason})` : row.site.name))
            .join(', ')}
        </li>
      ))}
    </ul>
  )
}

export async function AnswersSection({ req, language, hubSites }: { req: PayloadRequest; language: Language; hubSites: number[] }) {
  const t = stringsFor(language)
  const proposed = await load(req, 'réponses des partenaires', () => proposedHubNews(req, hubSites))
  return (
    <Section id="cles-dashboard-answers" title={t.answersTitle}>
      {proposed === null ? (
        <p style={styles.error}>{t.unavailable}</p>
      ) : proposed.length === 0 ? (
        <Empty>{t.answersNone}</Empty>
      ) : (
        <ul style={styles.list}>
          {proposed.map((item) => {
            const count = (decision: string | null) => item.answers.filter((a) => a.decision === decision).length
            return (
              <li key={item.id} style={styles.item} data-proposed-news={item.id}>
                <a href={adminPath(req, `/collections/news/${item.id}`)} style={styles.itemTitle}>
                  {item.title || t.untitled}
                </a>{' '}
                {item.status === 'draft' ? <span style={styles.meta}>{t.draftMark}</span> : null}
                <p style={styles.meta}>
                  {(item.status === 'draft' ? t.datedOn : t.publishedOn)(formatDate(item.publishedAt, language))} ·{' '}
                  {t.answersSummary(count('accepted'), count('declined'), count(null))}
                </p>
                <AnswerGroups answers={item.answers} language={language} />
              </li>
            )
          })}
        </ul>
      )}
    </Section>
  )
}
