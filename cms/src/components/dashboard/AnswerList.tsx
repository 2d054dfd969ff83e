// Each proposed site's answer to one news item: « Maison de Marthe : acceptée »,
// « refusée (raison) », « sans réponse ». Shared by the CLES dashboard and the
// news item's sidebar.
import type { SiteAnswer } from './proposalAnswers'
import { stringsFor } from './strings'
import { formatDate, type Language } from '../when'
import { styles } from './styles'

export function AnswerList({ answers, language }: { answers: SiteAnswer[]; language: Language }) {
  const t = stringsFor(language)
  return (
    <ul style={{ ...styles.list, marginTop: '0.25rem' }}>
      {answers.map((answer) => (
        <li key={answer.site.id} data-site-answer={answer.decision ?? 'waiting'} style={{ ...styles.meta, margin: '0.15rem 0' }}>
          <strong>{answer.site.name}</strong>
          {t.colon}
          {answer.decision === 'accepted' ? t.answerAccepted : answer.decision === 'declined' ? t.answerDeclined : t.answerWaiting}
          {answer.decision === 'declined' && answer.reason ? ` (${answer.reason})` : ''}
          {answer.decidedAt ? ` ${t.decidedOn(formatDate(answer.decidedAt, language))}` : ''}
          {answer.decidedBy ? ` ${t.decidedBy(answer.decidedBy)}` : ''}
        </li>
      ))}
    </ul>
  )
}
