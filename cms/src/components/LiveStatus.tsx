// Sidebar of a news item or a page: where it is online, site by site, in the
// admin's language (« CLES : en ligne à 14 h 03 · Maison de Marthe :
// proposition en attente »), with links to the live pages.
import type { UIFieldServerComponent } from 'payload'
import { documentStatus, type SiteStatus } from '../publish/documentStatus'
import { formatWhen, type Language } from './when'

const TEXT: Record<Language, Record<SiteStatus['kind'], string> & { title: string; none: string; unsaved: string; open: string }> = {
  fr: {
    title: 'En ligne sur',
    none: 'Aucun site ne la montre pour l’instant.',
    unsaved: 'L’état en ligne s’affichera après le premier enregistrement.',
    open: 'ouvrir la page en ligne',
    live: 'en ligne',
    publishing: 'mise en ligne en cours',
    failed: 'échec de la mise en ligne',
    waiting: 'en attente de mise en ligne',
    offline: 'hors ligne (brouillon)',
    proposed: 'proposition en attente',
    declined: 'proposition refusée',
  },
  en: {
    title: 'Live on',
    none: 'No site shows it yet.',
    unsaved: 'Where it is live will show after the first save.',
    open: 'open the live page',
    live: 'live',
    publishing: 'going live',
    failed: 'going live failed',
    waiting: 'waiting to go live',
    offline: 'offline (draft)',
    proposed: 'proposal awaiting an answer',
    declined: 'proposal declined',
  },
}

export const LiveStatus: UIFieldServerComponent = async ({ id, collectionSlug, req, i18n }) => {
  const language: Language = i18n.language === 'en' ? 'en' : 'fr'
  const text = TEXT[language]
  let rows: SiteStatus[] | null
  try {
    rows = id && (collectionSlug === 'news' || collectionSlug === 'pages') ? await documentStatus(req, collectionSlug, id) : null
  } catch (error) {
    // The status is a help, never a reason for the edit view not to open.
    req.payload.logger.error({ err: error, msg: `État en ligne indisponible (${collectionSlug} ${id})` })
    return null
  }
  return (
    <div className="field-type cles-live-status" style={{ marginBottom: 'var(--base)' }}>
      <p className="field-label" style={{ fontWeight: 600 }}>
        {text.title}
      </p>
      {rows === null ? (
        <p>{text.unsaved}</p>
      ) : rows.length === 0 ? (
        <p>{text.none}</p>
      ) : (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {rows.map((row) => (
            <li key={row.site.id} data-site-status={row.kind} style={{ marginBottom: 'calc(var(--base) / 4)' }}>
              <strong>{row.site.name}</strong> : {text[row.kind]}
              {row.kind === 'live' && row.at ? ` ${formatWhen(row.at, language)}` : ''}
              {row.kind === 'failed' && row.error ? ` — ${row.error}` : ''}
              {row.url && row.kind === 'live' ? (
                <>
                  {' '}
                  (
                  <a href={row.url} target="_blank" rel="noopener noreferrer">
                    {text.open}
                  </a>
                  )
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
