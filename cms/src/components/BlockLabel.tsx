'use client'
// The header of a block in a page's layout, named after its content
// (« 01 Texte — Nos heures d’ouverture », « 03 Questions fréquentes — Est-ce
// confidentiel ? ») instead of a blank or « Sans titre » name, updated as the
// person types. The block's own fields are read from the row on screen (its
// first text, heading or question), so the label needs nothing from the server.
import { useEffect, useRef, useState } from 'react'

const MAX = 70

export const clip = (text: string) => {
  const plain = text.replace(/\s+/g, ' ').trim()
  return plain.length > MAX ? `${plain.slice(0, MAX - 1).trimEnd()}…` : plain
}

/** The first words a person wrote in a block: its first filled text field, text area or rich text. */
export function rowSummary(row: Element): string {
  const fields = row.querySelectorAll<HTMLElement>('input[type="text"], textarea, [contenteditable="true"], [data-lexical-editor]')
  for (const field of fields) {
    const text = field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement ? field.value : (field.textContent ?? '')
    if (text.trim()) return clip(text)
  }
  return ''
}

interface BlockLabelProps {
  /** The block's name in both languages (set on each block, blocks/*.ts). */
  blockLabel?: { fr: string; en: string }
}

export function BlockLabel({ blockLabel }: BlockLabelProps) {
  const ref = useRef<HTMLSpanElement>(null)
  const [number, setNumber] = useState('')
  const [summary, setSummary] = useState('')
  const [english, setEnglish] = useState(false)

  useEffect(() => {
    setEnglish(document.documentElement.lang === 'en')
    const row = ref.current?.closest('[id*="-row-"]')
    if (!row) return
    const index = /-row-(\d+)$/.exec(row.id)?.[1]
    if (index !== undefined) setNumber(String(Number(index) + 1).padStart(2, '0'))
    const update = () => setSummary(rowSummary(row))
    update()
    // Typing in a field, and the rich-text editor drawing its content after the first paint.
    row.addEventListener('input', update)
    const observer = new MutationObserver(update)
    observer.observe(row, { subtree: true, characterData: true, childList: true })
    return () => {
      row.removeEventListener('input', update)
      observer.disconnect()
    }
  }, [])

  const name = blockLabel ? (english ? blockLabel.en : blockLabel.fr) : ''
  return (
    <span ref={ref} className="cles-block-label" style={{ pointerEvents: 'none' }}>
      {number ? <span style={{ marginInlineEnd: '0.5em', color: 'var(--theme-elevation-500)' }}>{number}</span> : null}
      <strong>{name}</strong>
      {summary ? ` — ${summary}` : ''}
    </span>
  )
}
