// The CMS documents as the exporter reads them, typed from the generated
// Payload types (payload-types.ts) so a renamed or removed CMS field breaks
// `tsc` here instead of exporting empty values.
// The exporter reads with `locale: 'all'`: each field marked `localized: true`
// in the collection configs (and the SEO plugin's meta fields) then holds one
// value per locale, which the generated types, written for one locale, cannot
// say. They are listed here, next to the relations populated at depth 1.
import type { Locale } from '@cles/content'
import type { Payload, Where } from 'payload'
import type { Category, Media, News, Page, Redirect, Resource, Site, SyndicationDecision } from '../payload-types'

/** A localised field read with `locale: 'all'`: a locale never written is missing or null. */
export type PerLocale<T> = { [L in Locale]?: T | null }

/** A relationship: the bare id, or the document when the read depth populated it (and the reader may see it). */
export type Relation<T> = number | T

/** `T` with some fields retyped; a key `T` does not have is an error, so a renamed CMS field breaks `tsc`. */
type Retype<T, R extends { [K in keyof R]?: K extends keyof T ? unknown : never }> = Omit<T, keyof R> & R

/** `T` with its fields `K` localised, read with `locale: 'all'`. */
type Localize<T, K extends keyof T> = Omit<T, K> & { [P in K]?: PerLocale<NonNullable<T[P]>> | null }

export type MediaDoc = Localize<Media, 'alt' | 'caption'>
export type CategoryDoc = Localize<Category, 'title'>
export type ResourceDoc = Localize<Resource, 'name' | 'description' | 'hours'>
export type RedirectDoc = Redirect
export type DecisionDoc = SyndicationDecision

/** Rich text as Payload stores it (Lexical JSON). */
export type RichTextDoc = NonNullable<News['body']>

/** The SEO plugin's `meta` group: all three fields are localised, the share image too. */
export type MetaDoc = Retype<
  NonNullable<News['meta'] | Page['meta']>,
  { title?: PerLocale<string> | null; description?: PerLocale<string> | null; image?: PerLocale<Relation<MediaDoc>> | null }
>

type MenuRow = Retype<
  Localize<NonNullable<Site['headerMenu']>[number], 'label'>,
  { page?: Relation<{ id: number; path?: string | null }> | null }
>
export type SiteDoc = Retype<
  Localize<Site, 'tagline'>,
  {
    logo?: Relation<MediaDoc> | null
    contact?: Localize<NonNullable<Site['contact']>, 'note'>
    helpLines?: Localize<NonNullable<Site['helpLines']>[number], 'label' | 'hours'>[] | null
    headerMenu?: MenuRow[] | null
    footerMenu?: MenuRow[] | null
    seo?: Retype<Localize<NonNullable<Site['seo']>, 'description'>, { image?: Relation<MediaDoc> | null }>
  }
>

export type NewsDoc = Retype<
  Localize<News, 'title' | 'excerpt' | 'body'>,
  { hero?: Relation<MediaDoc> | null; categories?: Relation<CategoryDoc>[] | null; originSite: Relation<SiteDoc>; meta?: MetaDoc }
>

/** A layout block, plain values of its locale (the whole layout is localised, not its fields). */
type Block = NonNullable<Page['layout']>[number]
export type BlockDoc =
  Exclude<Block, { blockType: 'imageText' }> | Retype<Extract<Block, { blockType: 'imageText' }>, { image: Relation<MediaDoc> }>

export type PageDoc = Retype<Localize<Page, 'title'>, { layout?: PerLocale<BlockDoc[]> | null; site: Relation<SiteDoc>; meta?: MetaDoc }>

/** What each collection the exporter reads gives with `locale: 'all'`. */
interface ReadDocs {
  sites: SiteDoc
  news: NewsDoc
  pages: PageDoc
  resources: ResourceDoc
  redirects: RedirectDoc
  'syndication-decisions': DecisionDoc
}

/**
 * A whole collection *as an anonymous reader*: no `user` and overrideAccess:
 * false → exactly what a reader may see, published versions only. The cast
 * is the one place where Payload's one-locale types become the ones above.
 */
export async function readAll<C extends keyof ReadDocs>(
  payload: Payload,
  collection: C,
  query: { sort: string; where?: Where; depth?: 0 | 1 },
): Promise<ReadDocs[C][]> {
  const { docs } = await payload.find({
    collection,
    overrideAccess: false,
    depth: 1,
    locale: 'all',
    pagination: false,
    draft: false,
    ...query,
  })
  return docs as unknown as ReadDocs[C][]
}
