// Network administration: help directory entries to review (past their review date or marked outdated).
import type { PayloadRequest } from 'payload'
import { load } from './load'
import { overdueResources } from './overdueResources'
import { resourcesToReviewWhere, listUrl } from '../../lib/listFilters'
import { adminPath } from './links'
import { Empty, Section } from './Section'
import { stringsFor } from './strings'
import { formatDay, type Language } from '../when'
import { styles } from './styles'

export async function OverdueResourcesSection({ req, language }: { req: PayloadRequest; language: Language }) {
  const t = stringsFor(language)
  const overdue = await load(req, 'ressources à revérifier', () => overdueResources(req))
  return (
    <Section id="cles-dashboard-overdue" title={t.overdueTitle}>
      {overdue === null ? (
        <p style={styles.error}>{t.unavailable}</p>
      ) : overdue.total === 0 ? (
        <Empty>{t.overdueNone}</Empty>
      ) : (
        <>
          <p style={styles.lead}>{t.overdueCount(overdue.total)}</p>
          <ul style={styles.list}>
            {overdue.items.map((resource) => (
              <li key={resource.id} style={styles.item} data-overdue-resource={resource.id}>
                <a href={adminPath(req, `/collections/resources/${resource.id}`)} style={styles.itemTitle}>
                  {resource.name || t.untitled}
                </a>
                <p style={styles.meta}>
                  {resource.outdated || !resource.reviewBy ? t.outdated : t.reviewBy(formatDay(resource.reviewBy, language))}
                </p>
              </li>
            ))}
          </ul>
          {overdue.total > overdue.items.length ? (
            <p style={{ ...styles.meta, marginTop: 'calc(var(--base) / 2)' }}>
              {/* The list filtered the same way (« Ressources à revoir »). */}
              <a href={listUrl(req.payload.config.routes.admin, 'resources', resourcesToReviewWhere())}>{t.seeAll(overdue.total)}</a>
            </p>
          ) : null}
        </>
      )}
    </Section>
  )
}
