// Exporter: reads published content through Payload's Local API *as an
// anonymous reader* (overrideAccess: false, no user) and writes one
// deterministic snapshot per site plus content-addressed media.
import { existsSync, readFileSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Payload } from 'payload'
import { routePath, stableStringify } from '@cles/content'
import {
  SNAPSHOT_FORMAT,
  type Localized,
  type Locale,
  type SiteSnapshot,
  type SnapshotArticle,
  type SnapshotCategory,
  type SnapshotSite,
} from '@cles/content'
import { asString, localized, relationId, type Doc } from './fields'
import { linkResolver } from './links'
import { MediaStore, mediaDoc } from './media'
import { toPages } from './pages'
import { toRedirects } from './redirects'
import { toResources } from './resources'
import { richTextToHtml, type RichTextContext } from './richtext'
import { toSeo } from './seo'
import { toSite } from './site'

export interface ExportOptions {
  outDir: string
  /** Folder holding the uploaded originals (the media collection's staticDir). */
  mediaDir: string
  /** Only these site slugs; all sites when omitted. */
  only?: string[]
  log?: (message: string) => void
}

export interface ExportedSite {
  slug: string
  news: number
  pages: number
  resources: number
  redirects: number
  changed: boolean
  file: string
}

export interface ExportResult {
  sites: ExportedSite[]
  mediaWritten: number
  mediaReused: number
}

async function localizedHtml(value: unknown, locales: Locale[], context: RichTextContext): Promise<Localized<string>> {
  const v = (value && typeof value === 'object' && !('root' in value) ? value : { fr: value }) as Record<string, unknown>
  const html: Localized<string> = { fr: await richTextToHtml(v.fr, context, 'fr') }
  if (locales.includes('en')) html.en = await richTextToHtml(v.en ?? v.fr, context, 'en')
  return html
}

/** Categories of an article as readable by the reader (populated at depth 1), editor order, no duplicates. */
function categoriesOf(doc: Doc, known: Map<string, SnapshotCategory>): string[] {
  const slugs: string[] = []
  for (const item of Array.isArray(doc.categories) ? doc.categories : []) {
    if (!item || typeof item !== 'object') continue
    const slug = asString((item as Doc).slug)
    if (!slug || slugs.includes(slug)) continue
    slugs.push(slug)
    if (!known.has(slug)) known.set(slug, { slug, title: localized((item as Doc).title) })
  }
  return slugs
}

async function toArticle(
  doc: Doc,
  sites: Map<string, SnapshotSite>,
  context: Omit<RichTextContext, 'images'>,
  categories: Map<string, SnapshotCategory>,
): Promise<SnapshotArticle> {
  const origin = sites.get(relationId(doc.originSite))
  const title = localized(doc.title)
  const excerpt = localized(doc.excerpt)
  const locales: Locale[] = title.en ? ['fr', 'en'] : ['fr']
  const images: SnapshotArticle['images'] = []
  const html = await localizedHtml(doc.body, locales, { ...context, images })
  return {
    id: asString(doc.id),
    slug: asString(doc.slug),
    publishedAt: new Date(asString(doc.publishedAt)).toISOString(),
    locales,
    title,
    excerpt: locales.includes('en') ? excerpt : { fr: excerpt.fr },
    html,
    images,
    hero: await context.media.add(mediaDoc(doc.hero)),
    seo: await toSeo(doc.meta, context.media),
    originSite: origin?.slug ?? '',
    canonicalUrl: `${origin?.url ?? ''}${routePath('article', 'fr', { slug: asString(doc.slug) })}`,
    categories: categoriesOf(doc, categories),
  }
}

/** Syndicated copies keep their slug unless it clashes with one already used on the site. */
function giveLocalSlugs(news: SnapshotArticle[], site: string): void {
  const used = new Set(news.filter((a) => a.originSite === site).map((a) => a.slug))
  for (const article of news) {
    if (article.originSite === site) continue
    let candidate = article.slug
    for (let n = 2; used.has(candidate); n++) candidate = n === 2 ? `${article.slug}-${article.originSite}` : `${article.slug}-${article.originSite}-${n}`
    article.slug = candidate
    used.add(candidate)
  }
}

const byNewest = (a: SnapshotArticle, b: SnapshotArticle) =>
  b.publishedAt.localeCompare(a.publishedAt) || a.id.localeCompare(b.id, 'en', { numeric: true })

export async function exportSnapshots(payload: Payload, options: ExportOptions): Promise<ExportResult> {
  const log = options.log ?? (() => {})
  const media = new MediaStore(options.mediaDir, options.outDir)
  await mkdir(options.outDir, { recursive: true })

  // No `user` and overrideAccess: false → exactly what an anonymous reader may see.
  const asReader = { overrideAccess: false, depth: 1, locale: 'all', pagination: false } as const
  const sitesResult = await payload.find({ ...asReader, collection: 'sites', sort: 'slug' } as never)
  const siteDocs = (sitesResult as unknown as { docs: Doc[] }).docs
  // Each site is mapped once, then reused for the network list, origins and its own snapshot.
  const siteById = new Map<string, SnapshotSite>()
  for (const doc of siteDocs) siteById.set(asString(doc.id), await toSite(doc, media))
  const network = [...siteById.values()].map(({ slug, name, url }) => ({ slug, name, url }))

  const unknown = (options.only ?? []).filter((slug) => !siteDocs.some((d) => d.slug === slug))
  if (unknown.length) throw new Error(`Site(s) inconnu(s) : ${unknown.join(', ')}`)

  const result: ExportResult = { sites: [], mediaWritten: 0, mediaReused: 0 }
  for (const siteDoc of siteDocs) {
    const site = siteById.get(asString(siteDoc.id))!
    if (options.only && !options.only.includes(site.slug)) continue
    // Syndicated news: proposed to this site (targetSites) *and* accepted by it.
    const decisions = await payload.find({
      ...asReader,
      depth: 0,
      collection: 'syndication-decisions',
      where: { and: [{ site: { equals: siteDoc.id } }, { decision: { equals: 'accepted' } }] },
    } as never)
    const acceptedIds = (decisions as unknown as { docs: Doc[] }).docs.map((d) => relationId(d.news))
    const belongs: Record<string, unknown>[] = [{ originSite: { equals: siteDoc.id } }]
    if (acceptedIds.length) belongs.push({ and: [{ id: { in: acceptedIds } }, { targetSites: { in: [siteDoc.id] } }] })
    const newsResult = await payload.find({
      ...asReader,
      collection: 'news',
      draft: false,
      sort: '-publishedAt',
      where: { and: [{ _status: { equals: 'published' } }, { or: belongs }] },
    } as never)
    const context = { media, linkTo: linkResolver(site, siteById) }
    const news: SnapshotArticle[] = []
    const categoryBySlug = new Map<string, SnapshotCategory>()
    for (const doc of (newsResult as unknown as { docs: Doc[] }).docs) news.push(await toArticle(doc, siteById, context, categoryBySlug))
    news.sort(byNewest)
    giveLocalSlugs(news, site.slug)
    const categories = [...categoryBySlug.values()].sort((a, b) => a.slug.localeCompare(b.slug, 'en'))

    // Local pages: published versions only, this site only.
    const pagesResult = await payload.find({
      ...asReader,
      collection: 'pages',
      draft: false,
      sort: 'path',
      where: { and: [{ _status: { equals: 'published' } }, { site: { equals: siteDoc.id } }] },
    } as never)
    const pages = await toPages((pagesResult as unknown as { docs: Doc[] }).docs, context)

    // Help directory: the entries whose "shown on" list contains this site.
    const resourcesResult = await payload.find({
      ...asReader,
      depth: 0,
      collection: 'resources',
      sort: 'id',
      where: { sites: { in: [siteDoc.id] } },
    } as never)
    const resources = toResources((resourcesResult as unknown as { docs: Doc[] }).docs)

    // Redirects: readable by anyone (old addresses are public), this site only.
    const redirectsResult = await payload.find({
      ...asReader,
      depth: 0,
      collection: 'redirects',
      sort: 'from',
      where: { site: { equals: siteDoc.id } },
    } as never)
    const { redirects, dropped } = toRedirects((redirectsResult as unknown as { docs: Doc[] }).docs)
    for (const line of dropped) log(`${site.slug} : ${line}`)

    const snapshot: SiteSnapshot = { format: SNAPSHOT_FORMAT, site, network, news, pages, resources, categories, redirects }
    const file = join(options.outDir, `${site.slug}.json`)
    const text = stableStringify(snapshot)
    const changed = !existsSync(file) || readFileSync(file, 'utf8') !== text
    if (changed) await writeFile(file, text)
    result.sites.push({ slug: site.slug, news: news.length, pages: pages.length, resources: resources.length, redirects: redirects.length, changed, file })
    log(
      `${site.slug} : ${news.length} actualité(s), ${pages.length} page(s), ${resources.length} ressource(s), ${redirects.length} redirection(s)${changed ? ' — mis à jour' : ' — inchangé'}`,
    )
  }
  result.mediaWritten = media.written
  result.mediaReused = media.reused
  return result
}
