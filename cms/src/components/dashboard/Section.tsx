// One titled block of a dashboard: a <section> named by its heading (a region screen readers list).
import type { ReactNode } from 'react'
import { styles } from './styles'

export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} style={styles.section} data-dashboard-section={id}>
      <h2 id={id} style={styles.sectionTitle}>
        {title}
      </h2>
      {children}
    </section>
  )
}

/** What to do first when a section has nothing to show. */
export function Empty({ children }: { children: ReactNode }) {
  return (
    <p style={styles.empty} data-dashboard-empty>
      {children}
    </p>
  )
}
