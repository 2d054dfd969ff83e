// Partner staff: the drafts in progress on their sites.
import type { PayloadRequest } from 'payload'
import { load } from './load'
import { adminPath } from './links'
import { Empty, Section } from './Section'
import { siteDrafts } from './siteDrafts'
import { stringsFor } from './strings'
import { formatDate, type Language } from '../when'
import { styles } from './styles'

/** The lists' own filter (the admin shows them filtered on drafts). */
const DRAFTS_QUERY = new URLSearchParams({ 'where[_status][equals]': 'draft' }).toString()

export async function DraftsSection({ req, language, siteIds }: { req: PayloadRequest; language: Language; siteIds: number[] }) {
  const t = stringsFor(language)
  const drafts = await load(req, 'brouillons', () => siteDrafts(req, siteIds))
  return (
    <Section id="cles-dashboard-drafts" title={t.draftsTitle}>
      {drafts === null ? (
        <p style={styles.error}>{t.unavailable}</p>
      ) : drafts.total === 0 ? (
        <>
          <Empty>{t.draftsNone}</Empty>
          <p style={styles.meta}>
            <a href={adminPath(req, '/collections/news/create')}>{t.draftsCreate}</a>
          </p>
        </>
      ) : (
        <>
          <ul style={styles.list}>
            {drafts.items.map((draft) => (
              <li key={`${draft.collection}-${draft.id}`} style={styles.item} data-draft={`${draft.collection}:${draft.id}`}>
                <a href={adminPath(req, `/collections/${draft.collection}/${draft.id}`)} style={styles.itemTitle}>
                  {draft.title || t.untitled}
                </a>
                <p style={styles.meta}>
                  {draft.collection === 'news' ? t.draftNews : t.draftPage} · {t.changedOn(formatDate(draft.updatedAt, language))}
                </p>
              </li>
            ))}
          </ul>
          {drafts.total > drafts.items.length ? (
            <p style={{ ...styles.meta, marginTop: 'calc(var(--base) / 2)' }}>
              {t.draftsAll} <a href={adminPath(req, `/collections/news?${DRAFTS_QUERY}`)}>{t.draftNewsList}</a> ·{' '}
              <a href={adminPath(req, `/collections/pages?${DRAFTS_QUERY}`)}>{t.draftPagesList}</a>
            </p>
          ) : null}
        </>
      )}
    </Section>
  )
}
