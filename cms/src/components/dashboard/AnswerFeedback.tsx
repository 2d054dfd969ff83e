'use client'
// The confirmation (or the API's refusal) after a one-click answer, announced to
// screen readers. It lives above the list it serves: once the dashboard is
// refreshed the answered proposal leaves the list, and the message stays.
import { createContext, useContext, useState, type ReactNode } from 'react'

export interface Feedback {
  kind: 'success' | 'error'
  text: string
}

const FeedbackContext = createContext<((feedback: Feedback) => void) | null>(null)

/** The provider's reporter, or null outside one (the buttons then show their own message). */
export const useAnswerFeedback = () => useContext(FeedbackContext)

export function FeedbackMessage({ feedback }: { feedback: Feedback | null }) {
  return (
    <>
      <div role="status" data-answer-feedback="success" style={{ margin: feedback?.kind === 'success' ? '0 0 0.5rem' : 0 }}>
        {feedback?.kind === 'success' ? <p style={{ margin: 0, fontWeight: 600 }}>{feedback.text}</p> : null}
      </div>
      <div role="alert" data-answer-feedback="error" style={{ margin: feedback?.kind === 'error' ? '0 0 0.5rem' : 0 }}>
        {feedback?.kind === 'error' ? <p style={{ margin: 0, fontWeight: 600, color: 'var(--theme-error-750)' }}>{feedback.text}</p> : null}
      </div>
    </>
  )
}

export function AnswerFeedback({ children }: { children: ReactNode }) {
  const [feedback, setFeedback] = useState<Feedback | null>(null)
  return (
    <FeedbackContext.Provider value={setFeedback}>
      <FeedbackMessage feedback={feedback} />
      {children}
    </FeedbackContext.Provider>
  )
}
