// What goes live (or is taken down) later, soonest first.
import type { PayloadRequest } from 'payload'
import { load } from './load'
import { adminPath } from './links'
import { upcomingSchedules } from './scheduled'
import { Empty, Section } from './Section'
import { stringsFor } from './strings'
import { formatDate, type Language } from '../when'
import { styles } from './styles'

export async function ScheduledSection({ req, language, siteIds }: { req: PayloadRequest; language: Language; siteIds: number[] }) {
  const t = stringsFor(language)
  const scheduled = await load(req, 'publications programmées', () => upcomingSchedules(req, siteIds))
  return (
    <Section id="cles-dashboard-scheduled" title={t.scheduledTitle}>
      {scheduled === null ? (
        <p style={styles.error}>{t.unavailable}</p>
      ) : scheduled.length === 0 ? (
        <Empty>{t.scheduledNone}</Empty>
      ) : (
        <ul style={styles.list}>
          {scheduled.map((item) => (
            <li key={item.jobId} style={styles.item} data-scheduled={`${item.collection}:${item.id}`}>
              <a href={adminPath(req, `/collections/${item.collection}/${item.id}`)} style={styles.itemTitle}>
                {item.title || t.untitled}
              </a>
              <p style={styles.meta}>
                {(item.type === 'publish' ? t.scheduledPublish : t.scheduledUnpublish)(formatDate(item.at, language))}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Section>
  )
}
