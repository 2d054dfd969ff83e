// The role dashboard, above the collection links (DashboardView.tsx):
// - partner staff: proposals awaiting their answer (with one-click answers),
//   their site's drafts, what is scheduled, their site's last publication;
// - CLES communication: recent CLES news and each partner's answer to proposals;
// - network administration: every site's publication, overdue resources,
//   accounts without any access.
// Everything is read with the person's own access.
import type { PayloadRequest } from 'payload'
import { AnswersSection } from './AnswersSection'
import { dashboardAudience, type Audience } from './audience'
import { DraftsSection } from './DraftsSection'
import { IdleAccountsSection } from './IdleAccountsSection'
import { load } from './load'
import { OverdueResourcesSection } from './OverdueResourcesSection'
import { PendingProposalsSection } from './PendingProposalsSection'
import { PublicationsSection } from './PublicationsSection'
import { RecentNewsSection } from './RecentNewsSection'
import { ScheduledSection } from './ScheduledSection'
import { stringsFor } from './strings'
import { languageOf } from '../when'
import { styles } from './styles'

/** `req` is the page's own request: the signed-in person, their admin language and content locale. */
export async function RoleDashboard({ req }: { req: PayloadRequest }) {
  if (!req.user) return null
  const language = languageOf(req.i18n)
  const t = stringsFor(language)
  const audience: Audience | null = await load(req, 'rôles', () => dashboardAudience(req))
  if (!audience) return <p style={styles.error}>{t.unavailable}</p>
  const partnerIds = audience.partnerSites.map((s) => s.id)
  const nothing = !audience.networkAdmin && !audience.comms && partnerIds.length === 0
  return (
    <div style={styles.root} data-cles-dashboard>
      <h1 style={styles.title}>{t.dashboardTitle}</h1>
      {nothing ? <p data-dashboard-empty>{t.noRole}</p> : null}
      {partnerIds.length ? (
        <div data-dashboard-role="partner">
          <PendingProposalsSection req={req} language={language} sites={audience.partnerSites} />
          <div style={styles.grid}>
            <DraftsSection req={req} language={language} siteIds={partnerIds} />
            <ScheduledSection req={req} language={language} siteIds={partnerIds} />
            <PublicationsSection req={req} language={language} siteIds={partnerIds} />
          </div>
        </div>
      ) : null}
      {audience.comms ? (
        <div data-dashboard-role="comms" style={styles.grid}>
          <RecentNewsSection req={req} language={language} hubSites={audience.hubSites} />
          <AnswersSection req={req} language={language} hubSites={audience.hubSites} />
        </div>
      ) : null}
      {audience.networkAdmin ? (
        <div data-dashboard-role="network-admin" style={styles.grid}>
          <PublicationsSection req={req} language={language} />
          <OverdueResourcesSection req={req} language={language} />
          <IdleAccountsSection req={req} language={language} />
        </div>
      ) : null}
    </div>
  )
}
