// Runtime validation of snapshot files, so a broken or hand-edited snapshot
// fails the site build with a clear message instead of rendering garbage.
// Messages are French: the schema's own messages first, then zod's French
// locale for the generic ones (see `frenchErrors`, used by read.ts).
import { z } from 'zod'
import { BRAND_FONTS, isSafeRedirectFrom, isSafeRedirectTo, redirectKey, REGIONS, RESOURCE_CATEGORIES, SNAPSHOT_FORMAT } from './types.ts'

/** Zod's French messages for every issue the schema does not word itself. */
export const frenchErrors = z.locales.fr().localeError

const hexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'couleur attendue au format #rrggbb')
const localized = <T extends z.ZodType>(item: T) => z.object({ fr: item, en: item.optional() })
const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'slug attendu : minuscules, chiffres et tirets')
const id = z.string().min(1, 'identifiant manquant')
// Same rule as the exporter's isSafeUrl: a site path, http(s), mailto:, tel: or an anchor.
const safeUrl = z
  .string()
  .regex(/^\s*(https?:|mailto:|tel:|\/(?!\/)|#)/i, 'adresse refusée : chemin commençant par /, ou adresse https://, mailto: ou tel: attendu')
const https = z.url({ protocol: /^https$/, error: 'adresse https:// complète attendue' })
const optionalText = z.string().min(1).nullable()
const category = z.enum(RESOURCE_CATEGORIES, { error: `besoin attendu parmi : ${RESOURCE_CATEGORIES.join(', ')}` })
const region = z.enum(REGIONS, { error: `région attendue parmi : ${REGIONS.join(', ')}` })
const pagePath = z.string().regex(/^\/(?:[a-z0-9]+(?:-[a-z0-9]+)*\/)+$/, 'chemin attendu : /segment/…/ en minuscules, chiffres et tirets')

export const mediaSchema = z.object({
  file: z.string().regex(/^media\/[0-9a-f]{64}\.[a-z0-9]+$/, 'fichier attendu : media/<sha256>.<extension>'),
  mimeType: z.string(),
  width: z.number().int().positive().nullable(),
  height: z.number().int().positive().nullable(),
  alt: localized(z.string()),
  focalX: z.number().min(0).max(100),
  focalY: z.number().min(0).max(100),
})

export const seoSchema = z.object({ title: localized(z.string()), description: localized(z.string()), image: mediaSchema.nullable() })
const images = z.array(mediaSchema)

export const articleSchema = z.object({
  id,
  slug,
  publishedAt: z.iso.datetime({ offset: true }),
  locales: z.array(z.enum(['fr', 'en'])).min(1),
  title: localized(z.string().min(1)),
  excerpt: localized(z.string()),
  html: localized(z.string()),
  images,
  hero: mediaSchema.nullable(),
  seo: seoSchema,
  originSite: slug,
  canonicalUrl: z.url(),
  categories: z.array(slug),
})

export const linkSchema = z.object({ label: localized(z.string().min(1)), url: safeUrl })

export const siteSchema = z.object({
  slug,
  name: z.string().min(1),
  domain: z.string().min(1),
  url: z.url(),
  tagline: localized(z.string()),
  brand: z.object({
    primary: hexColour,
    accent: hexColour,
    background: hexColour,
    text: hexColour,
    font: z.enum(BRAND_FONTS, { error: `police attendue parmi : ${BRAND_FONTS.join(', ')}` }),
  }),
  logo: mediaSchema.nullable(),
  seo: seoSchema,
  isHub: z.boolean(),
  exitUrl: z.url({ protocol: /^https$/ }),
  helpLines: z.array(z.object({ label: localized(z.string().min(1)), phone: z.string().min(1, 'numéro de téléphone manquant'), hours: localized(z.string()) })),
  contact: z.object({ phone: optionalText, email: optionalText, address: optionalText, note: localized(z.string()) }),
  headerMenu: z.array(linkSchema),
  footerMenu: z.array(linkSchema),
})

export const categorySchema = z.object({ slug, title: localized(z.string().min(1)) })

export const resourceSchema = z.object({
  id,
  name: localized(z.string().min(1)),
  category,
  description: localized(z.string()),
  phone: optionalText,
  website: https.nullable(),
  address: optionalText,
  regions: z.array(region),
  hours: localized(z.string()),
})

export const blockSchema = z.discriminatedUnion(
  'type',
  [
    z.object({ type: z.literal('richText'), html: z.string(), images }),
    z.object({
      type: z.literal('callToAction'),
      text: z.string(),
      links: z.array(z.object({ label: z.string().min(1), url: safeUrl })),
    }),
    z.object({ type: z.literal('resourcesList'), heading: z.string(), category }),
    z.object({ type: z.literal('helpLineCard'), heading: z.string() }),
    z.object({ type: z.literal('faq'), items: z.array(z.object({ question: z.string().min(1), answer: z.string() })) }),
    z.object({ type: z.literal('imageText'), image: mediaSchema.nullable(), html: z.string(), images, imageSide: z.enum(['left', 'right']) }),
  ],
  { error: 'type de bloc inconnu (attendu : richText, callToAction, resourcesList, helpLineCard, faq, imageText)' },
)

export const pageSchema = z.object({
  id,
  slug,
  path: pagePath,
  parentId: id.nullable(),
  title: localized(z.string().min(1)),
  locales: z.array(z.enum(['fr', 'en'])).min(1),
  blocks: localized(z.array(blockSchema)),
  seo: seoSchema,
})

// Same rules as the exporter, the site kit and the static server (types.ts).
export const redirectSchema = z.object({
  from: z.string().refine(isSafeRedirectFrom, 'ancienne adresse refusée : chemin commençant par un seul / (ex. : /ancienne-page/), sans espace, ni ?, ni #'),
  to: z.string().refine(isSafeRedirectTo, 'nouvelle adresse refusée : chemin commençant par un seul /, ou adresse https:// complète'),
})

export const siteSnapshotSchema = z
  .object({
    format: z.literal(SNAPSHOT_FORMAT),
    site: siteSchema,
    network: z.array(z.object({ slug, name: z.string(), url: z.url() })),
    news: z.array(articleSchema),
    pages: z.array(pageSchema),
    resources: z.array(resourceSchema),
    categories: z.array(categorySchema),
    redirects: z.array(redirectSchema),
  })
  // Cross-references a site relies on: every link between items must resolve.
  .superRefine((snapshot, ctx) => {
    const categories = new Set(snapshot.categories.map((c) => c.slug))
    snapshot.news.forEach((article, i) =>
      article.categories.forEach((c, j) => {
        if (!categories.has(c)) ctx.addIssue({ code: 'custom', path: ['news', i, 'categories', j], message: `catégorie « ${c} » absente de la liste categories` })
      }),
    )
    const ids = new Set(snapshot.pages.map((p) => p.id))
    const paths = new Set<string>()
    snapshot.pages.forEach((page, i) => {
      if (page.parentId !== null && !ids.has(page.parentId)) ctx.addIssue({ code: 'custom', path: ['pages', i, 'parentId'], message: `page parente « ${page.parentId} » absente de l’instantané` })
      if (paths.has(page.path)) ctx.addIssue({ code: 'custom', path: ['pages', i, 'path'], message: `chemin « ${page.path} » utilisé par deux pages` })
      paths.add(page.path)
    })
    const froms = new Set<string>()
    snapshot.redirects.forEach((redirect, i) => {
      const key = redirectKey(redirect.from)
      if (froms.has(key)) ctx.addIssue({ code: 'custom', path: ['redirects', i, 'from'], message: `ancienne adresse « ${redirect.from} » redirigée deux fois` })
      if (key === redirectKey(redirect.to.split(/[?#]/)[0]!)) ctx.addIssue({ code: 'custom', path: ['redirects', i, 'to'], message: `« ${redirect.from} » redirige vers elle-même` })
      froms.add(key)
    })
  })
