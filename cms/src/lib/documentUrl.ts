// The public address of a news item or a page on its own site, for the SEO
// preview (components/SeoPreview.tsx): the site's domain and the reader path
// from the contract's route table (articles) or the page's computed path.
// Nothing here spells a URL pattern of its own.
import { routePath } from '@cles/content/routes'
import type { PayloadRequest } from 'payload'
import { relationId } from './relationId'
import { slugify } from './slugify'

type Locale = 'fr' | 'en'

interface DocumentUrlArgs {
  req: PayloadRequest
  collectionSlug?: string
  /** The document as the form holds it (unsaved changes included), or as stored. */
  doc?: Record<string, unknown> | null
  id?: number | string | null
  locale?: string | null
}

const text = (value: unknown): string => {
  if (typeof value === 'string') return value.trim()
  if (value && typeof value === 'object' && 'fr' in value) return text((value as { fr?: unknown }).fr)
  return ''
}

/**
 * `https://<domain><path>` of the document in `locale`, or '' when the site is
 * unknown. An English address only where the site serves English and the kit
 * has an English route (articles); local pages are served in French only.
 * A new draft has no slug yet: the one its French title will give is shown.
 */
export async function documentUrl(args: DocumentUrlArgs): Promise<string> {
  return (await documentAddress(args)).url
}

/** The address and the name of the site it is on (the preview shows both; one read of the site). */
export async function documentAddress({
  req,
  collectionSlug,
  doc,
  id,
  locale,
}: DocumentUrlArgs): Promise<{ url: string; siteName: string }> {
  const none = { url: '', siteName: '' }
  if (collectionSlug !== 'news' && collectionSlug !== 'pages') return none
  const siteField = collectionSlug === 'news' ? 'originSite' : 'site'
  let data: Record<string, unknown> = doc ?? {}
  if ((data[siteField] == null || data.slug == null) && id != null) {
    const stored = await req.payload
      .findByID({ collection: collectionSlug, id, depth: 0, draft: true, overrideAccess: false, req, locale: 'fr' })
      .catch(() => null)
    if (stored) data = { ...(stored as unknown as Record<string, unknown>), ...data }
  }
  const siteId = relationId(data[siteField])
  if (siteId == null) return none
  const site = await req.payload
    .findByID({ collection: 'sites', id: siteId as number, depth: 0, overrideAccess: true, req })
    .catch(() => null)
  if (!site?.domain) return { ...none, siteName: site?.name ?? '' }
  const origin = `https://${site.domain}`
  const at = (path: string) => ({ url: `${origin}${path}`, siteName: site.name })
  const slug = text(data.slug) || slugify(text(data.title))

  if (collectionSlug === 'news') {
    if (!slug) return at(routePath('news', 'fr'))
    const english = locale === 'en' && (site.languages ?? ['fr', 'en']).includes('en')
    return at(routePath('article', (english ? 'en' : 'fr') as Locale, { slug }))
  }
  const path = text(data.path)
  if (path) return at(path)
  if (!slug) return at('/')
  // Not saved yet: the parent's path and the slug the title will give (hooks/computePagePath.ts).
  const parentId = relationId(data.parent)
  const parent =
    parentId == null
      ? null
      : await req.payload
          .findByID({ collection: 'pages', id: parentId as number, depth: 0, draft: true, overrideAccess: true, req })
          .catch(() => null)
  return at(`${parent?.path ?? '/'}${slug}/`)
}
