// Exporter: reads published content through Payload's Local API *as an
// anonymous reader* (overrideAccess: false, no user) and writes one
// deterministic snapshot per site plus content-addressed media.
import { existsSync, readFileSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Payload } from 'payload'
import { stableStringify } from '../serialize.ts'
import {
  SNAPSHOT_FORMAT,
  type Localized,
  type Locale,
  type SiteSnapshot,
  type SnapshotArticle,
  type SnapshotSite,
} from '../types.ts'
import { MediaStore, type MediaDoc } from './media.ts'
import { lexicalToHtml } from './richtext.ts'

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
  changed: boolean
  file: string
}

export interface ExportResult {
  sites: ExportedSite[]
  mediaWritten: number
  mediaReused: number
}

type Doc = Record<string, unknown>

const asString = (value: unknown): string => (typeof value === 'string' ? value : value == null ? '' : String(value))

/** Localised field read with `locale: 'all'` → `{ fr, en? }`; empty English means "not translated". */
function localized(value: unknown): Localized<string> {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const v = value as Record<string, unknown>
    const en = asString(v.en).trim() ? asString(v.en) : undefined
    return en === undefined ? { fr: asString(v.fr) } : { fr: asString(v.fr), en }
  }
  return { fr: asString(value) }
}

function localizedHtml(value: unknown, locales: Locale[]): Localized<string> {
  const v = (value && typeof value === 'object' && !('root' in value) ? value : { fr: value }) as Record<string, unknown>
  const html: Localized<string> = { fr: lexicalToHtml(v.fr) }
  if (locales.includes('en')) html.en = lexicalToHtml(v.en ?? v.fr)
  return html
}

const relationId = (value: unknown): string =>
  value && typeof value === 'object' ? asString((value as Doc).id) : asString(value)

function toSite(doc: Doc): SnapshotSite {
  const brand = (doc.brand ?? {}) as Doc
  const domain = asString(doc.domain)
  return {
    slug: asString(doc.slug),
    name: asString(typeof doc.name === 'object' ? (doc.name as Doc).fr : doc.name),
    domain,
    url: `https://${domain}`,
    tagline: localized(doc.tagline),
    brand: {
      primary: asString(brand.primary),
      accent: asString(brand.accent),
      background: asString(brand.background),
      text: asString(brand.text),
    },
    isHub: doc.isHub === true,
    exitUrl: asString(doc.exitUrl) || 'https://meteo.gc.ca/',
  }
}

async function toArticle(doc: Doc, sites: Map<string, SnapshotSite>, media: MediaStore): Promise<SnapshotArticle> {
  const origin = sites.get(relationId(doc.originSite))
  const title = localized(doc.title)
  const excerpt = localized(doc.excerpt)
  const locales: Locale[] = title.en ? ['fr', 'en'] : ['fr']
  const hero = doc.hero && typeof doc.hero === 'object' ? (doc.hero as MediaDoc) : null
  return {
    id: asString(doc.id),
    slug: asString(doc.slug),
    publishedAt: new Date(asString(doc.publishedAt)).toISOString(),
    locales,
    title,
    excerpt: locales.includes('en') ? excerpt : { fr: excerpt.fr },
    html: localizedHtml(doc.body, locales),
    hero: hero ? await media.add(hero, localized(hero.alt)) : null,
    originSite: origin?.slug ?? '',
    canonicalUrl: `${origin?.url ?? ''}/actualites/${asString(doc.slug)}/`,
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
  const siteById = new Map(siteDocs.map((d) => [asString(d.id), toSite(d)]))
  const network = siteDocs.map(toSite).map(({ slug, name, url }) => ({ slug, name, url }))

  const unknown = (options.only ?? []).filter((slug) => !siteDocs.some((d) => d.slug === slug))
  if (unknown.length) throw new Error(`Site(s) inconnu(s) : ${unknown.join(', ')}`)

  const result: ExportResult = { sites: [], mediaWritten: 0, mediaReused: 0 }
  for (const siteDoc of siteDocs) {
    const site = toSite(siteDoc)
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
    const news: SnapshotArticle[] = []
    for (const doc of (newsResult as unknown as { docs: Doc[] }).docs) news.push(await toArticle(doc, siteById, media))
    news.sort(byNewest)
    giveLocalSlugs(news, site.slug)

    const snapshot: SiteSnapshot = { format: SNAPSHOT_FORMAT, site, network, news }
    const file = join(options.outDir, `${site.slug}.json`)
    const text = stableStringify(snapshot)
    const changed = !existsSync(file) || readFileSync(file, 'utf8') !== text
    if (changed) await writeFile(file, text)
    result.sites.push({ slug: site.slug, news: news.length, changed, file })
    log(`${site.slug} : ${news.length} actualité(s)${changed ? ' — mis à jour' : ' — inchangé'}`)
  }
  result.mediaWritten = media.written
  result.mediaReused = media.reused
  return result
}
