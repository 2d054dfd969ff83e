// Sidebar of a news item or a page: where it is online, site by site, in the
// admin's language (« CLES : en ligne à 14 h 03 · Maison de Marthe :
// proposition en attente »), with links to the live pages.
import type { UIFieldServerComponent } from 'payload'
import { documentStatus, type SiteStatus } from '../publish/documentStatus'
import { LiveStatusRows } from './LiveStatusRows'
import { languageOf, type Language } from './when'

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
  const language = languageOf(i18n)
  const text = TEXT[language]
  let rows: SiteStatus[] | null
  try {
    rows = id && (collectionSlug === 'news' || collectionSlug === 'pages') ? ((await documentStatus(req, collectionSlug, id)) ?? []) : null
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
      ) : (
        <LiveStatusRows collection={collectionSlug as 'news' | 'pages'} id={String(id)} initial={rows} text={text} language={language} />
      )}
    </div>
  )
}
