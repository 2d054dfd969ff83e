// The dashboards' few layout rules, on Payload's own theme variables (light and
// dark themes, contrast kept by using the text colour for secondary lines).
import type { CSSProperties } from 'react'

export const styles = {
  root: { marginBottom: 'calc(var(--base) * 2)' },
  title: { margin: '0 0 var(--base)' },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 26rem), 1fr))',
    gap: 'var(--base)',
    alignItems: 'start',
    marginBottom: 'var(--base)',
  },
  section: {
    padding: 'var(--base)',
    border: '1px solid var(--theme-elevation-150)',
    borderRadius: 'var(--style-radius-m)',
    background: 'var(--theme-elevation-0)',
    marginBottom: 'var(--base)',
    minWidth: 0,
  },
  sectionTitle: { margin: '0 0 calc(var(--base) / 2)', fontSize: '1.25rem', lineHeight: 1.3 },
  list: { listStyle: 'none', margin: 0, padding: 0 },
  item: { padding: 'calc(var(--base) / 2) 0', borderTop: '1px solid var(--theme-elevation-100)' },
  itemTitle: { margin: 0, fontSize: '1rem', lineHeight: 1.4, fontWeight: 600 },
  meta: { margin: '0.15rem 0 0', fontSize: '0.875rem', color: 'var(--theme-text)' },
  lead: { margin: '0 0 calc(var(--base) / 2)', fontWeight: 600 },
  empty: { margin: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: 'calc(var(--base) / 2)', alignItems: 'center', marginTop: 'calc(var(--base) / 2)' },
  error: { margin: 0, color: 'var(--theme-error-750)' },
  pre: { whiteSpace: 'pre-wrap', margin: '0.25rem 0 0', fontSize: '0.8125rem' },
} satisfies Record<string, CSSProperties>
