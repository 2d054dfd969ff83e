// The publication status of a person's site (partners) or of every site
// (network admins): what readers get now and how the last publication went.
import type { PayloadRequest } from 'payload'
import { PUBLICATION_STATES } from '../../collections/Publications'
import { load } from './load'
import { adminPath } from './links'
import { Empty, Section } from './Section'
import { sitePublications } from './sitePublications'
import { stringsFor } from './strings'
import { formatDate, type Language } from '../when'
import { styles } from './styles'

export async function PublicationsSection({ req, language, siteIds }: { req: PayloadRequest; language: Language; siteIds?: number[] }) {
  const t = stringsFor(language)
  const sites = await load(req, 'publication des sites', () => sitePublications(req, siteIds))
  // Problems first: a failed publication, then work in progress, then sites never published, then the live ones.
  const rank = (state: string | undefined) => ['failed', 'running', 'pending', undefined, 'live'].indexOf(state)
  const ordered = sites?.slice().sort((a, b) => rank(a.last?.state) - rank(b.last?.state))
  const stateLabel = (state: string) => PUBLICATION_STATES.find((s) => s.value === state)?.label[language] ?? state
  return (
    <Section id="cles-dashboard-publications" title={siteIds ? t.siteStatusTitle : t.sitesStatusTitle}>
      {sites === null ? (
        <p style={styles.error}>{t.unavailable}</p>
      ) : sites.length === 0 ? (
        <Empty>{t.sitesNone}</Empty>
      ) : (
        <>
          <ul style={styles.list}>
            {(ordered ?? []).map(({ site, live, last }) => (
              <li key={site.id} style={styles.item} data-site-publication={last?.state ?? 'none'}>
                <p style={styles.itemTitle}>{site.name}</p>
                {!last ? (
                  <p style={styles.meta}>{t.siteNeverPublished}</p>
                ) : (
                  <>
                    {live?.finishedAt ? (
                      <p style={styles.meta}>{t.siteLiveSince(formatDate(live.finishedAt, language), live.release ?? '')}</p>
                    ) : null}
                    <p style={styles.meta}>
                      {t.siteLast(
                        stateLabel(last.state).toLocaleLowerCase(language === 'fr' ? 'fr-CA' : 'en-CA'),
                        formatDate(last.requestedAt, language),
                      )}
                    </p>
                    {last.state === 'failed' && last.error ? (
                      <details>
                        <summary style={styles.meta}>{t.siteLastError}</summary>
                        <pre style={styles.pre}>{last.error}</pre>
                      </details>
                    ) : null}
                  </>
                )}
              </li>
            ))}
          </ul>
          <p style={{ ...styles.meta, marginTop: 'calc(var(--base) / 2)' }}>
            <a href={adminPath(req, '/collections/publications')}>{t.publicationsLink}</a>
          </p>
        </>
      )}
    </Section>
  )
}
