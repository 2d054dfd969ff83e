'use client'
// A few admin controls carry English names written into Payload's rich-text
// editor itself, with no translation key (« Edit link » and « Remove link » on
// the link toolbar; the drag handle, « + » and end-of-text buttons, hidden in
// fields/richTextEditor.ts, have the same problem). Screen readers and
// tooltips read those names: in the French admin they are replaced as soon as
// the editor draws them. Remove an entry once Payload translates it.
import { useEffect, type ReactNode } from 'react'

export const FRENCH_NAMES: Readonly<Record<string, string>> = {
  'Edit link': 'Modifier le lien',
  'Remove link': 'Retirer le lien',
  'Drag to move': 'Glisser pour déplacer',
  'Add block': 'Ajouter un bloc',
  'Insert Paragraph': 'Ajouter un paragraphe à la fin',
}

function translate(element: Element) {
  const french = FRENCH_NAMES[element.getAttribute('aria-label') ?? '']
  if (french) element.setAttribute('aria-label', french)
}

function translateTree(root: Element) {
  translate(root)
  for (const element of root.querySelectorAll('[aria-label]')) translate(element)
}

export function HardCodedStrings({ children }: { children?: ReactNode }) {
  useEffect(() => {
    const french = () => document.documentElement.lang.startsWith('fr')
    if (french()) translateTree(document.body)
    const observer = new MutationObserver((records) => {
      if (!french()) return
      for (const record of records) {
        if (record.type === 'attributes') translate(record.target as Element)
        else for (const node of record.addedNodes) if (node instanceof Element) translateTree(node)
      }
    })
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-label'] })
    return () => observer.disconnect()
  }, [])
  return <>{children}</>
}
