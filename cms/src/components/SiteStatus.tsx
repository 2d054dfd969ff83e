// The site's page in the admin: what readers get now (release, since when)
// and the last publication's state, duration and, on failure, the reason.
import type { UIFieldServerComponent } from 'payload'
import { PUBLICATION_STATES } from '../collections/Publications'
import { siteReleaseStatus } from '../publish/siteStatus'
import { formatWhen, type Language } from './when'

const TEXT = {
  fr: {
    title: 'Publication du site',
    none: 'Aucune publication pour l’instant : le site n’est pas encore en ligne par ce CMS.',
    live: 'En ligne',
    release: 'version',
    last: 'Dernière publication',
    duration: 'durée',
    seconds: 's',
  },
  en: {
    title: 'Site publishing',
    none: 'No publication yet: this CMS has not put the site online.',
    live: 'Live',
    release: 'release',
    last: 'Last publication',
    duration: 'took',
    seconds: 's',
  },
} as const

export const SiteStatus: UIFieldServerComponent = async ({ id, req, i18n }) => {
  const language: Language = i18n.language === 'en' ? 'en' : 'fr'
  const text = TEXT[language]
  let status: Awaited<ReturnType<typeof siteReleaseStatus>>
  try {
    status = id ? await siteReleaseStatus(req, id) : {}
  } catch (error) {
    // The status is a help, never a reason for the site's page not to open.
    req.payload.logger.error({ err: error, msg: `État de publication indisponible (site ${id})` })
    return null
  }
  const stateLabel = (state: string) => PUBLICATION_STATES.find((s) => s.value === state)?.label[language] ?? state
  return (
    <div className="field-type cles-site-status" style={{ marginBottom: 'var(--base)' }}>
      <p className="field-label" style={{ fontWeight: 600 }}>
        {text.title}
      </p>
      {!status.last ? (
        <p>{text.none}</p>
      ) : (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {status.live?.finishedAt ? (
            <li data-site-live>
              <strong>{text.live}</strong> {formatWhen(status.live.finishedAt, language, 'since')} ({text.release} {status.live.release})
            </li>
          ) : null}
          <li data-site-last={status.last.state}>
            <strong>{text.last}</strong> : {stateLabel(status.last.state)}
            {status.last.durationMs != null ? `, ${text.duration} ${(status.last.durationMs / 1000).toFixed(1)} ${text.seconds}` : ''}
            {status.last.summary ? ` — ${status.last.summary}` : ''}
            {status.last.state === 'failed' && status.last.error ? <pre style={{ whiteSpace: 'pre-wrap' }}>{status.last.error}</pre> : null}
          </li>
        </ul>
      )}
    </div>
  )
}
