'use client'
// The rows of « En ligne sur »: drawn by the server first (LiveStatus), then
// asked again (GET /api/<collection>/<id>/en-ligne) after each save and every
// few seconds while a site is still « en attente » or « en cours », so the
// person sees the release go live without reloading.
import { useDocumentInfo } from '@payloadcms/ui'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { SiteStatus } from '../publish/documentStatus'
import { formatWhen, type Language } from './when'

export type LiveStatusText = Record<SiteStatus['kind'], string> & { none: string; open: string }

interface Props {
  collection: 'news' | 'pages'
  id: string
  initial: SiteStatus[]
  text: LiveStatusText
  language: Language
}

const POLL_MS = 3000
/** A release takes seconds to a minute; after this long the person reloads if they still wait. */
const POLL_FOR_MS = 10 * 60_000
const settling = (rows: SiteStatus[]) => rows.some((row) => row.kind === 'publishing' || row.kind === 'waiting')

export function LiveStatusRows({ collection, id, initial, text, language }: Props) {
  const [rows, setRows] = useState(initial)
  const [tick, setTick] = useState(0)
  const { lastUpdateTime } = useDocumentInfo()
  const since = useRef(Date.now())

  const ask = useCallback(async () => {
    try {
      const response = await fetch(`/api/${collection}/${id}/en-ligne`, { credentials: 'include', cache: 'no-store' })
      const body = response.ok ? ((await response.json()) as { rows?: SiteStatus[] }) : {}
      if (body.rows) setRows(body.rows)
    } catch {
      // Offline for a moment: the next save or tick asks again.
    }
  }, [collection, id])

  // On first drawing (the server's rows may come from a form state drawn before the
  // last save) and after each save or autosave.
  useEffect(() => {
    since.current = Date.now()
    void ask()
  }, [ask, lastUpdateTime])

  // While a release is on its way.
  useEffect(() => {
    if (!settling(rows) || Date.now() - since.current > POLL_FOR_MS) return
    const timer = window.setTimeout(() => void ask().then(() => setTick((n) => n + 1)), POLL_MS)
    return () => window.clearTimeout(timer)
  }, [ask, rows, tick])

  if (!rows.length) return <p>{text.none}</p>
  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-live="polite">
      {rows.map((row) => (
        <li key={row.site.id} data-site-status={row.kind} style={{ marginBottom: 'calc(var(--base) / 4)' }}>
          <strong>{row.site.name}</strong> : {text[row.kind]}
          {row.kind === 'live' && row.at ? ` ${formatWhen(row.at, language)}` : ''}
          {row.kind === 'failed' && row.error ? ` — ${row.error}` : ''}
          {row.url && row.kind === 'live' ? (
            <>
              {' '}
              (
              <a href={row.url} target="_blank" rel="noopener noreferrer">
                {text.open}
              </a>
              )
            </>
          ) : null}
        </li>
      ))}
    </ul>
  )
}
