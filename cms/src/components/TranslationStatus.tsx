// Sidebar of a news item or a page: which language versions exist
// (« Français ✓ · Anglais — pas de version »), each a link to that version of
// the form. An English version is optional: it exists once it has an English
// title (and, for a page, its own content), which is also when the sites show
// it (src/export).
import type { UIFieldServerComponent } from 'payload'
import { hasText } from '../lib/hasText'
import { relationId } from '../lib/relationId'
import { languageOf } from './when'

type State = 'done' | 'none' | 'titleOnly' | 'notOffered'

const TEXT = {
  fr: {
    title: 'Langues',
    fr: 'Français',
    en: 'Anglais',
    done: 'version complète',
    none: 'pas de version (facultative)',
    titleOnly: 'titre seulement : le contenu reste à traduire',
    notOffered: 'ce site est publié en français seulement',
    open: 'ouvrir',
    add: 'ajouter',
    current: 'affichée',
  },
  en: {
    title: 'Languages',
    fr: 'French',
    en: 'English',
    done: 'complete version',
    none: 'no version (optional)',
    titleOnly: 'title only: the content is still to translate',
    notOffered: 'this site is published in French only',
    open: 'open',
    add: 'add',
    current: 'shown',
  },
} as const

const hasContent = (value: unknown) =>
  Array.isArray(value) ? value.length > 0 : Boolean((value as { root?: { children?: unknown[] } } | null)?.root?.children?.length)

/** The state of each language of a stored document read with `locale: 'all'`. */
export function languageStates(collection: 'news' | 'pages', doc: Record<string, unknown>, siteLanguages?: string[] | null) {
  const title = (doc.title ?? {}) as Record<string, unknown>
  const content = (doc[collection === 'news' ? 'body' : 'layout'] ?? {}) as Record<string, unknown>
  let en: State = 'none'
  if (hasText(title.en)) en = collection === 'pages' && !hasContent(content.en) ? 'titleOnly' : 'done'
  else if (siteLanguages && !siteLanguages.includes('en')) en = 'notOffered'
  return { fr: 'done' as State, en }
}

export const TranslationStatus: UIFieldServerComponent = async ({ id, collectionSlug, req, i18n }) => {
  if (!id || (collectionSlug !== 'news' && collectionSlug !== 'pages')) return null
  const language = languageOf(i18n)
  const text = TEXT[language]
  let states: ReturnType<typeof languageStates>
  try {
    const doc = (await req.payload.findByID({
      collection: collectionSlug,
      id,
      locale: 'all',
      draft: true,
      depth: 0,
      overrideAccess: false,
      req,
    })) as unknown as Record<string, unknown>
    const siteId = relationId(doc[collectionSlug === 'news' ? 'originSite' : 'site'])
    const site =
      siteId == null
        ? null
        : await req.payload.findByID({ collection: 'sites', id: siteId as number, depth: 0, overrideAccess: true, req }).catch(() => null)
    states = languageStates(collectionSlug, doc, site?.languages)
  } catch (error) {
    // A help, never a reason for the edit view not to open.
    req.payload.logger.error({ err: error, msg: `Langues indisponibles (${collectionSlug} ${id})` })
    return null
  }
  const shown = req.locale === 'en' ? 'en' : 'fr'
  const base = `${req.payload.config.routes.admin}/collections/${collectionSlug}/${id}`
  return (
    <div className="field-type cles-translation-status" style={{ marginBottom: 'var(--base)' }}>
      <p className="field-label" style={{ fontWeight: 600 }}>
        {text.title}
      </p>
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {(['fr', 'en'] as const).map((locale) => {
          const state = states[locale]
          return (
            <li key={locale} data-locale={locale} data-locale-state={state} style={{ marginBottom: 'calc(var(--base) / 4)' }}>
              <strong>{text[locale]}</strong>
              {state === 'done' ? ' ✓ ' : ' — '}
              {text[state]}
              {locale === shown ? (
                ` (${text.current})`
              ) : state === 'notOffered' ? null : (
                <>
                  {' '}
                  (<a href={`${base}?locale=${locale}`}>{state === 'none' ? text.add : text.open}</a>)
                </>
              )}
            </li>
          )
        })}
      </ul>
    </div>
  )
}
