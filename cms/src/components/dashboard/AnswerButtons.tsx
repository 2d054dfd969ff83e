'use client'
// One-click answer to a proposal for one site: « Accepter pour <site> » or
// « Refuser » (with an optional reason), and changing an answer already given.
// It writes through the REST API with the person's session, so the existing
// access rules and hooks decide (who and when are recorded by the server);
// a refusal shows the API's own French message.
import { useRouter } from 'next/navigation'
import { useEffect, useId, useRef, useState, type ReactNode } from 'react'
import { useAnswerFeedback, FeedbackMessage, type Feedback } from './AnswerFeedback'
import { stringsFor } from './strings'
import { formatDate, type Language } from '../when'
import type { Decision } from './proposalAnswers'

export interface CurrentAnswer {
  id: number
  decision: Decision
  reason: string | null
  decidedAt: string | null
  decidedBy: string | null
}

export interface AnswerButtonsProps {
  api: string
  language: Language
  newsId: number
  newsTitle: string
  site: { id: number; name: string }
  current: CurrentAnswer | null
  /** Name the site on « Refuser » too (the person answers for several sites here). */
  nameSiteOnDecline?: boolean
  /** Id of the element that names the news item: the buttons' group is named after it for screen readers. */
  labelledBy?: string
}

interface ApiAnswer {
  doc?: { id: number; decision: Decision; reason?: string | null; decidedAt?: string | null; decidedBy?: unknown }
  errors?: { message?: string; data?: { errors?: { message?: string }[] } }[]
}

/** A button with Payload's own look (its admin stylesheet styles these classes). */
function Button({
  kind,
  disabled,
  onClick,
  children,
}: {
  kind: 'primary' | 'secondary'
  disabled: boolean
  onClick: () => void
  children: ReactNode
}) {
  const classes = ['btn', 'btn--size-small', 'btn--withoutPopup', 'btn--no-margin', `btn--style-${kind}`, disabled ? 'btn--disabled' : '']
  return (
    <button type="button" className={classes.filter(Boolean).join(' ')} disabled={disabled} onClick={onClick}>
      <span className="btn__content">
        <span className="btn__label">{children}</span>
      </span>
    </button>
  )
}

const textareaStyle = {
  display: 'block',
  width: '100%',
  minHeight: '4.5rem',
  marginTop: '0.25rem',
  padding: '0.5rem',
  font: 'inherit',
  color: 'var(--theme-text)',
  background: 'var(--theme-input-bg)',
  border: '1px solid var(--theme-elevation-400)',
  borderRadius: 'var(--style-radius-s)',
} as const

export function AnswerButtons({
  api,
  language,
  newsId,
  newsTitle,
  site,
  current: initial,
  nameSiteOnDecline,
  labelledBy,
}: AnswerButtonsProps) {
  const t = stringsFor(language)
  const router = useRouter()
  const report = useAnswerFeedback()
  const reasonId = useId()
  const [current, setCurrent] = useState<CurrentAnswer | null>(initial)
  const [declining, setDeclining] = useState(false)
  const [reason, setReason] = useState(initial?.reason ?? '')
  const [sending, setSending] = useState(false)
  const [ownFeedback, setOwnFeedback] = useState<Feedback | null>(null)
  const reasonField = useRef<HTMLTextAreaElement>(null)
  // The reason field takes the focus when it opens, so the keyboard lands where typing goes.
  useEffect(() => {
    if (declining) reasonField.current?.focus()
  }, [declining])
  // After a refresh the server sends the stored answer: show it (when the page re-renders this field).
  const [shown, setShown] = useState(initial)
  if (shown?.id !== initial?.id || shown?.decision !== initial?.decision || shown?.reason !== initial?.reason) {
    setShown(initial)
    setCurrent(initial)
  }
  const tell = (feedback: Feedback) => (report ? report(feedback) : setOwnFeedback(feedback))

  async function send(decision: Decision) {
    setSending(true)
    const body = { decision, reason: decision === 'declined' ? reason.trim() || null : null }
    try {
      const response = await fetch(current ? `${api}/syndication-decisions/${current.id}` : `${api}/syndication-decisions`, {
        method: current ? 'PATCH' : 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(current ? body : { ...body, news: newsId, site: site.id }),
      })
      const json = (await response.json().catch(() => ({}))) as ApiAnswer
      if (!response.ok || !json.doc) {
        const error = json.errors?.[0]
        const detail = error?.data?.errors
          ?.map((e) => e.message)
          .filter(Boolean)
          .join(' ')
        tell({ kind: 'error', text: [error?.message, detail].filter(Boolean).join(' ') || t.failed })
        // Someone may have answered meanwhile: the refreshed page shows the stored answer.
        router.refresh()
        return
      }
      const by =
        json.doc.decidedBy && typeof json.doc.decidedBy === 'object' ? (json.doc.decidedBy as { name?: string; email?: string }) : null
      setCurrent({
        id: json.doc.id,
        decision: json.doc.decision,
        reason: json.doc.reason ?? null,
        decidedAt: json.doc.decidedAt ?? null,
        decidedBy: by?.name || by?.email || null,
      })
      setDeclining(false)
      const title = newsTitle || t.untitled
      tell({ kind: 'success', text: decision === 'accepted' ? t.savedAccepted(title, site.name) : t.savedDeclined(title, site.name) })
      router.refresh()
    } catch {
      tell({ kind: 'error', text: t.failed })
    } finally {
      setSending(false)
    }
  }

  const state = current ? (
    <p style={{ margin: 0 }} data-answer-state={current.decision}>
      <strong>{current.decision === 'accepted' ? t.acceptedFor(site.name) : t.declinedFor(site.name)}</strong>
      {current.decidedAt ? ` ${t.decidedOn(formatDate(current.decidedAt, language))}` : ''}
      {current.decidedBy ? ` ${t.decidedBy(current.decidedBy)}` : ''}
      {current.decision === 'declined' && current.reason ? ` — ${t.quoted(current.reason)}` : ''}
    </p>
  ) : null

  return (
    <div data-answer-site={site.id} style={{ marginTop: 'calc(var(--base) / 2)' }}>
      {report ? null : <FeedbackMessage feedback={ownFeedback} />}
      {state}
      {declining ? (
        <div style={{ marginTop: '0.5rem' }}>
          <label htmlFor={reasonId} style={{ fontWeight: 600 }}>
            {t.reasonLabel}
          </label>
          <textarea
            ref={reasonField}
            id={reasonId}
            value={reason}
            maxLength={500}
            onChange={(event) => setReason(event.target.value)}
            aria-describedby={`${reasonId}-hint`}
            style={textareaStyle}
          />
          <p id={`${reasonId}-hint`} style={{ margin: '0.25rem 0 0', fontSize: '0.875rem' }}>
            {t.reasonHint}
          </p>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0.5rem', marginTop: '0.5rem' }}>
            <Button kind="primary" disabled={sending} onClick={() => void send('declined')}>
              {sending ? t.sending : t.confirmDecline}
            </Button>
            <Button kind="secondary" disabled={sending} onClick={() => setDeclining(false)}>
              {t.cancel}
            </Button>
          </div>
        </div>
      ) : (
        <div
          style={{ display: 'flex', flexWrap: 'wrap', gap: '0.5rem', marginTop: current ? '0.5rem' : 0 }}
          {...(labelledBy ? { 'aria-labelledby': labelledBy, role: 'group' } : {})}
        >
          {current?.decision !== 'accepted' ? (
            <Button kind="primary" disabled={sending} onClick={() => void send('accepted')}>
              {sending ? t.sending : current ? t.acceptInstead : t.accept(site.name)}
            </Button>
          ) : null}
          {current?.decision !== 'declined' ? (
            <Button kind="secondary" disabled={sending} onClick={() => setDeclining(true)}>
              {current ? t.declineInstead : nameSiteOnDecline ? t.declineFor(site.name) : t.decline}
            </Button>
          ) : null}
        </div>
      )}
    </div>
  )
}
