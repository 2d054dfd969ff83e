// CLES communication: the hub's latest news, drafts included.
import type { PayloadRequest } from 'payload'
import { recentHubNews } from './hubNews'
import { load } from './load'
import { adminPath } from './links'
import { Empty, Section } from './Section'
import { stringsFor } from './strings'
import { formatDate, type Language } from '../when'
import { styles } from './styles'

export async function RecentNewsSection({ req, language, hubSites }: { req: PayloadRequest; language: Language; hubSites: number[] }) {
  const t = stringsFor(language)
  const news = await load(req, 'actualités récentes', () => recentHubNews(req, hubSites))
  return (
    <Section id="cles-dashboard-recent" title={t.recentNewsTitle}>
      {news === null ? (
        <p style={styles.error}>{t.unavailable}</p>
      ) : news.length === 0 ? (
        <Empty>{t.recentNewsNone}</Empty>
      ) : (
        <ul style={styles.list}>
          {news.map((item) => (
            <li key={item.id} style={styles.item} data-recent-news={item.id}>
              <a href={adminPath(req, `/collections/news/${item.id}`)} style={styles.itemTitle}>
                {item.title || t.untitled}
              </a>
              <p style={styles.meta}>
                {item.status === 'published' ? t.statusPublished : t.statusDraft} · {t.changedOn(formatDate(item.updatedAt, language))}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Section>
  )
}
