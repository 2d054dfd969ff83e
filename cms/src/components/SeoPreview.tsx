// « Aperçu dans un moteur de recherche » of a news item or a page: the real
// address of the document on its site (lib/documentUrl.ts, from the route
// table), and the title and description as typed (SeoPreviewLive). Replaces
// the SEO plugin's preview, which asks the server for the address by sending
// the whole form — including the page blocks' labels, which it cannot send.
import type { UIFieldServerComponent } from 'payload'
import { documentAddress } from '../lib/documentUrl'
import { SeoPreviewLive } from './SeoPreviewLive'
import { languageOf } from './when'

const TEXT = {
  fr: {
    title: 'Aperçu dans un moteur de recherche',
    hint: 'L’adresse est celle de la page sur le site public. L’affichage réel varie d’un moteur de recherche à l’autre.',
    unsaved: 'L’adresse exacte s’affichera une fois le document enregistré.',
  },
  en: {
    title: 'Search engine preview',
    hint: 'The address is the page’s address on the public site. The actual display varies from one search engine to another.',
    unsaved: 'The exact address will show once the document is saved.',
  },
} as const

const text = (value: unknown) => (typeof value === 'string' ? value : '')

export const SeoPreview: UIFieldServerComponent = async ({ id, collectionSlug, data, req, i18n }) => {
  const language = languageOf(i18n)
  const doc = (data ?? {}) as Record<string, unknown>
  let url = ''
  let siteName = ''
  try {
    ;({ url, siteName } = await documentAddress({ req, collectionSlug, doc, id, locale: req.locale }))
  } catch (error) {
    // A help, never a reason for the edit view not to open.
    req.payload.logger.error({ err: error, msg: `Aperçu SEO indisponible (${collectionSlug} ${id ?? 'nouveau'})` })
  }
  const meta = (doc.meta ?? {}) as Record<string, unknown>
  return (
    <div className="field-type cles-seo-preview" style={{ marginBottom: 'var(--base)' }}>
      <p className="field-label" style={{ marginBottom: 0 }}>
        {TEXT[language].title}
      </p>
      <p className="field-description" style={{ marginTop: 0 }}>
        {id ? TEXT[language].hint : TEXT[language].unsaved}
      </p>
      <SeoPreviewLive
        url={url}
        pageTitle={text(doc.title)}
        siteName={siteName}
        metaTitle={text(meta.title)}
        metaDescription={text(meta.description)}
        excerpt={text(doc.excerpt)}
      />
    </div>
  )
}
