// Exporter: reads published content through Payload's Local API *as an
// anonymous reader* (overrideAccess: false, no user) and writes one
// deterministic snapshot per site plus content-addressed media.
import { existsSync, readFileSync } from 'node:fs'
import { mkdir, rename, writeFile } from 'node:fs/promises'
import type { Payload, Where } from 'payload'
import {
  routePath,
  SNAPSHOT_FORMAT,
  snapshotFile,
  stableStringify,
  type Localized,
  type Locale,
  type SiteSnapshot,
  type SnapshotArticle,
  type SnapshotCategory,
  type SnapshotSite,
} from '@cles/content'
import { readAll, type NewsDoc, type PerLocale, type RichTextDoc } from './docs'
import { localized, populated, relationId } from './fields'
import { linkResolver } from './links'
import { MediaStore, mediaReader } from './media'
import { toPages } from './pages'
import { toRedirects } from './redirects'
import { toResources } from './resources'
import { richTextToHtml, type RichTextContext } from './richtext'
import { toSeo } from './seo'
import { toSite } from './site'

export interface ExportOptions {
  outDir: string
  /** Folder holding the uploaded originals (the media collection's staticDir); unused when they live in S3 (export/media.ts). */
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

async function localizedHtml(
  value: PerLocale<RichTextDoc> | null | undefined,
  locales: Locale[],
  context: RichTextContext,
): Promise<Localized<string>> {
  const html: Localized<string> = { fr: await richTextToHtml(value?.fr, context, 'fr') }
  if (locales.includes('en')) html.en = await richTextToHtml(value?.en ?? value?.fr, context, 'en')
  return html
}

/** Categories of an article as readable by the reader (populated at depth 1), editor order, no duplicates. */
function categoriesOf(doc: NewsDoc, known: Map<string, SnapshotCategory>): string[] {
  const slugs: string[] = []
  for (const item of (doc.categories ?? []).map(populated)) {
    if (!item?.slug || slugs.includes(item.slug)) continue
    slugs.push(item.slug)
    if (!known.has(item.slug)) known.set(item.slug, { slug: item.slug, title: localized(item.title) })
  }
  return slugs
}

export async function toArticle(
  doc: NewsDoc,
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
    id: String(doc.id),
    slug: doc.slug,
    publishedAt: new Date(doc.publishedAt).toISOString(),
    locales,
    title,
    excerpt: locales.includes('en') ? excerpt : { fr: excerpt.fr },
    html,
    images,
    hero: await context.media.add(populated(doc.hero)),
    seo: await toSeo(doc.meta, context.media),
    originSite: origin?.slug ?? '',
    canonicalUrl: `${origin?.url ?? ''}${routePath('article', 'fr', { slug: doc.slug })}`,
    categories: categoriesOf(doc, categories),
  }
}

/** Syndicated copies keep their slug unless it clashes with one already used on the site. */
function giveLocalSlugs(news: SnapshotArticle[], site: string): void {
  const used = new Set(news.filter((a) => a.originSite === site).map((a) => a.slug))
  for (const article of news) {
    if (article.originSite === site) continue
    let candidate = article.slug
    for (let n = 2; used.has(candidate); n++)
      candidate = n === 2 ? `${article.slug}-${article.originSite}` : `${article.slug}-${article.originSite}-${n}`
    article.slug = candidate
    used.add(candidate)
  }
}

export const byNewest = (a: SnapshotArticle, b: SnapshotArticle) =>
  b.publishedAt.localeCompare(a.publishedAt) || a.id.localeCompare(b.id, 'en', { numeric: true })

export async function exportSnapshots(payload: Payload, options: ExportOptions): Promise<ExportResult> {
  const log = options.log ?? (() => {})
  const media = new MediaStore(mediaReader(payload, options.mediaDir), options.outDir)
  await mkdir(options.outDir, { recursive: true })

  // Read as an anonymous reader (see readAll): exactly what a reader may see.
  const siteDocs = await readAll(payload, 'sites', { sort: 'slug' })
  // Each site is mapped once, then reused for the network list, origins and its own snapshot.
  const siteById = new Map<string, SnapshotSite>()
  for (const doc of siteDocs) siteById.set(String(doc.id), await toSite(doc, media))
  const network = [...siteById.values()].map(({ slug, name, url }) => ({ slug, name, url }))

  const unknown = (options.only ?? []).filter((slug) => !siteDocs.some((d) => d.slug === slug))
  if (unknown.length) throw new Error(`Site(s) inconnu(s) : ${unknown.join(', ')}`)

  const result: ExportResult = { sites: [], mediaWritten: 0, mediaReused: 0 }
  for (const siteDoc of siteDocs) {
    const site = siteById.get(String(siteDoc.id))!
    if (options.only && !options.only.includes(site.slug)) continue
    // Syndicated news: proposed to this site (targetSites) *and* accepted by it.
    const decisions = await readAll(payload, 'syndication-decisions', {
      depth: 0,
      sort: 'id',
      where: { and: [{ site: { equals: siteDoc.id } }, { decision: { equals: 'accepted' } }] },
    })
    const acceptedIds = decisions.map((d) => relationId(d.news))
    const belongs: Where[] = [{ originSite: { equals: siteDoc.id } }]
    if (acceptedIds.length) belongs.push({ and: [{ id: { in: acceptedIds } }, { targetSites: { in: [siteDoc.id] } }] })
    const newsDocs = await readAll(payload, 'news', {
      sort: '-publishedAt',
      where: { and: [{ _status: { equals: 'published' } }, { or: belongs }] },
    })
    const context = { media, linkTo: linkResolver(site, siteById) }
    const news: SnapshotArticle[] = []
    const categoryBySlug = new Map<string, SnapshotCategory>()
    for (const doc of newsDocs) news.push(await toArticle(doc, siteById, context, categoryBySlug))
    news.sort(byNewest)
    giveLocalSlugs(news, site.slug)
    const categories = [...categoryBySlug.values()].sort((a, b) => a.slug.localeCompare(b.slug, 'en'))

    // Local pages: published versions only, this site only.
    const pageDocs = await readAll(payload, 'pages', {
      sort: 'path',
      where: { and: [{ _status: { equals: 'published' } }, { site: { equals: siteDoc.id } }] },
    })
    const pages = await toPages(pageDocs, context)

    // Help directory: the entries whose "shown on" list contains this site.
    const resources = toResources(await readAll(payload, 'resources', { depth: 0, sort: 'id', where: { sites: { in: [siteDoc.id] } } }))

    // Redirects: readable by anyone (old addresses are public), this site only.
    const { redirects, dropped } = toRedirects(
      await readAll(payload, 'redirects', { depth: 0, sort: 'from', where: { site: { equals: siteDoc.id } } }),
    )
    for (const line of dropped) log(`${site.slug} : ${line}`)

    const snapshot: SiteSnapshot = { format: SNAPSHOT_FORMAT, site, network, news, pages, resources, categories, redirects }
    const file = snapshotFile(options.outDir, site.slug)
    const text = stableStringify(snapshot)
    const changed = !existsSync(file) || readFileSync(file, 'utf8') !== text
    // Written aside then renamed: a build (or `npm run rebuild` while the CMS is down) only ever reads a whole snapshot.
    if (changed) {
      await writeFile(`${file}.${process.pid}.tmp`, text)
      await rename(`${file}.${process.pid}.tmp`, file)
    }
    result.sites.push({
      slug: site.slug,
      news: news.length,
      pages: pages.length,
      resources: resources.length,
      redirects: redirects.length,
      changed,
      file,
    })
    log(
      `${site.slug} : ${news.length} actualité(s), ${pages.length} page(s), ${resources.length} ressource(s), ` +
        `${redirects.length} redirection(s)${changed ? ' — mis à jour' : ' — inchangé'}`,
    )
  }
  result.mediaWritten = media.written
  result.mediaReused = media.reused
  return result
}
