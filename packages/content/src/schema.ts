// The snapshot contract between the CMS and the sites, written once: these
// schemas validate snapshot files at runtime (a broken or hand-edited snapshot
// fails the site build with a clear message instead of rendering garbage), and
// types.ts derives every TypeScript type from them.
// One JSON file per site (`<slug>.json`) plus content-addressed media files
// (`media/<sha256>.<ext>`) shared by every site of the snapshot folder.
// Messages are French: the schema's own messages first, then zod's French
// locale for the generic ones (see `frenchErrors`, used by read.ts).
import { z } from 'zod'
import { BRAND_FONTS, LOCALES, REGIONS, RESOURCE_CATEGORIES, SNAPSHOT_FORMAT } from './constants.ts'
import { isRedirectLoop, isSafeHref, isSafeRedirectFrom, isSafeRedirectTo, PAGE_PATH, redirectKey, SLUG } from './urls.ts'

/** Zod's French messages for every issue the schema does not word itself. */
export const frenchErrors = z.locales.fr().localeError

/** French is always present; English only where a translation exists. */
export const localized = <T extends z.ZodType>(item: T) => z.object({ fr: item, en: item.optional() })

const hexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'couleur attendue au format #rrggbb')
const slug = z.string().regex(SLUG, 'slug attendu : minuscules, chiffres et tirets')
const id = z.string().min(1, 'identifiant manquant')
// The links rule of the whole network (urls.ts): a site path, http(s), mailto: or tel:.
const safeUrl = z.string().refine(isSafeHref, 'adresse refusée : chemin commençant par /, ou adresse https://, mailto: ou tel: attendu')
const https = z.url({ protocol: /^https$/, error: 'adresse https:// complète attendue' })
const optionalText = z.string().min(1).nullable()
const category = z.enum(RESOURCE_CATEGORIES, { error: `besoin attendu parmi : ${RESOURCE_CATEGORIES.join(', ')}` })
const region = z.enum(REGIONS, { error: `région attendue parmi : ${REGIONS.join(', ')}` })
const pagePath = z.string().regex(PAGE_PATH, 'chemin attendu : /segment/…/ en minuscules, chiffres et tirets')
/** Locales with a real translation, never a fallback copy. */
const locales = z.array(z.enum(LOCALES)).min(1)

export const mediaSchema = z.object({
  /** Path relative to the snapshot folder, e.g. `media/3f…a1.jpg`. */
  file: z.string().regex(/^media\/[0-9a-f]{64}\.[a-z0-9]+$/, 'fichier attendu : media/<sha256>.<extension>'),
  mimeType: z.string(),
  width: z.number().int().positive().nullable(),
  height: z.number().int().positive().nullable(),
  alt: localized(z.string()),
  /** Focal point chosen in the CMS, in % of width and height (50/50 = centre); crops keep it in view. */
  focalX: z.number().min(0).max(100),
  focalY: z.number().min(0).max(100),
  /**
   * Caption set in the CMS (Médias › Légende), shown under the image (`<figcaption>`);
   * absent when the editor wrote none (and in snapshots exported before it was carried).
   */
  caption: localized(z.string()).optional(),
  /** Who made the image (Médias › Crédit), not translated, shown as « Crédit : … »; absent when none. */
  credit: z.string().min(1, 'crédit vide : omettez le champ').optional(),
})

/** Search-engine and link-preview fields; empty strings mean "use the page's own title/excerpt". */
export const seoSchema = z.object({
  title: localized(z.string()),
  description: localized(z.string()),
  /** Open Graph image; the site falls back to the hero, then to the site default. */
  image: mediaSchema.nullable(),
})
const images = z.array(mediaSchema)

export const articleSchema = z.object({
  id,
  /** URL segment on this site; a syndicated copy whose slug clashes with a local one gets `-<origin>` appended. */
  slug,
  /** ISO 8601 date-time. */
  publishedAt: z.iso.datetime({ offset: true }),
  locales,
  title: localized(z.string().min(1)),
  excerpt: localized(z.string()),
  /** Body already converted from Lexical to safe HTML (see IMAGE_MARKER). */
  html: localized(z.string()),
  /** Images inserted in the body, in both locales, referenced by the HTML markers. */
  images,
  hero: mediaSchema.nullable(),
  seo: seoSchema,
  /** Origin site slug: the canonical URL lives there. */
  originSite: slug,
  /** Absolute URL of the article on its origin site (canonical for syndicated copies). */
  canonicalUrl: z.url(),
  /** Category slugs, in the editor's order; each one is in `SiteSnapshot.categories`. */
  categories: z.array(slug),
})

export const linkSchema = z.object({
  label: localized(z.string().min(1)),
  /** Site path, http(s), mailto: or tel: only (never javascript: or data:). */
  url: safeUrl,
})

export const brandSchema = z.object({
  /** Main brand colour (header background), hex `#rrggbb`. */
  primary: hexColour,
  /** Accent colour (links, focus), hex. */
  accent: hexColour,
  /** Page background, hex. */
  background: hexColour,
  /** Body text colour, hex. */
  text: hexColour,
  font: z.enum(BRAND_FONTS, { error: `police attendue parmi : ${BRAND_FONTS.join(', ')}` }),
})

export const helpLineSchema = z.object({
  label: localized(z.string().min(1)),
  /** As written by the editor (e.g. `1 888 933-9007`); the site builds the tel: link. */
  phone: z.string().min(1, 'numéro de téléphone manquant'),
  hours: localized(z.string()),
})

export const contactSchema = z.object({ phone: optionalText, email: optionalText, address: optionalText, note: localized(z.string()) })

/**
 * Languages a site offers its readers (CMS « Langues du site »): French always,
 * English only when listed. A site without English gets no `/en/` page at all.
 * Snapshots exported before the field existed offer both, as every site did then.
 */
export const siteLanguagesSchema = z
  .array(z.enum(LOCALES, { error: `langue attendue parmi : ${LOCALES.join(', ')}` }))
  .refine((languages) => languages.includes('fr'), 'le français est toujours proposé (fr manquant)')
  .refine((languages) => new Set(languages).size === languages.length, 'langue en double')
  .default([...LOCALES])

export const siteSchema = z.object({
  slug,
  name: z.string().min(1),
  domain: z.string().min(1),
  languages: siteLanguagesSchema,
  /** Absolute public URL, no trailing slash. */
  url: z.url(),
  tagline: localized(z.string()),
  brand: brandSchema,
  /** Shown in the header; an image file (never SVG: the CMS refuses it). */
  logo: mediaSchema.nullable(),
  /** Site-wide defaults for search engines and link previews (page fields win). */
  seo: seoSchema,
  isHub: z.boolean(),
  /** Neutral page opened by the quick-exit control. */
  exitUrl: z.url({ protocol: /^https$/ }),
  /** Help lines shown in the footer of every page and by the help-line block. */
  helpLines: z.array(helpLineSchema),
  contact: contactSchema,
  /** Editor-chosen links; unsafe URLs are dropped by the exporter. */
  headerMenu: z.array(linkSchema),
  footerMenu: z.array(linkSchema),
})

export const networkSiteSchema = z.object({ slug, name: z.string(), url: z.url() })

/** A network-wide news category used by at least one article of the site. */
export const categorySchema = z.object({ slug, title: localized(z.string().min(1)) })

export const resourceSchema = z.object({
  id,
  name: localized(z.string().min(1)),
  category,
  description: localized(z.string()),
  phone: optionalText,
  /** https:// only, else null. */
  website: https.nullable(),
  address: optionalText,
  regions: z.array(region),
  hours: localized(z.string()),
})

/**
 * Page blocks, already safe: `html` comes from the Lexical converter (escaped
 * text, safe links only), every other field is plain text the site escapes.
 * Block fields are not localised one by one: the CMS localises the whole
 * layout, so a page holds one block list per locale.
 */
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
    z.object({
      type: z.literal('imageText'),
      image: mediaSchema.nullable(),
      html: z.string(),
      images,
      imageSide: z.enum(['left', 'right']),
    }),
  ],
  { error: 'type de bloc inconnu (attendu : richText, callToAction, resourcesList, helpLineCard, faq, imageText)' },
)

export const pageSchema = z.object({
  id,
  slug,
  /** Full path from the CMS, with slashes: `/services/accompagnement/`. */
  path: pagePath,
  parentId: id.nullable(),
  title: localized(z.string().min(1)),
  /** Locales with a real translation (title and content), never a fallback copy. */
  locales,
  blocks: localized(z.array(blockSchema)),
  seo: seoSchema,
})

/**
 * An old address of the site answered with a permanent redirect (CMS « Redirections »).
 * Written by the site kit to `_redirects` (`from to 301` per line) and answered by
 * the static server, the nginx config and the S3 sync (see packages/deploy), all
 * with the rules of urls.ts.
 */
export const redirectSchema = z.object({
  /** Site path as typed by the editor (`/ancienne-page/`): no query, no fragment, no space. */
  from: z
    .string()
    .refine(
      isSafeRedirectFrom,
      'ancienne adresse refusée : chemin commençant par un seul / (ex. : /ancienne-page/), sans espace, ni ?, ni #',
    ),
  /** Site path (query and fragment allowed) or https:// address. */
  to: z.string().refine(isSafeRedirectTo, 'nouvelle adresse refusée : chemin commençant par un seul /, ou adresse https:// complète'),
})

export const siteSnapshotSchema = z
  .object({
    format: z.literal(SNAPSHOT_FORMAT),
    site: siteSchema,
    network: z.array(networkSiteSchema),
    /** Newest first; ties broken by id so the order is stable. */
    news: z.array(articleSchema),
    /** Published local pages, sorted by path. */
    pages: z.array(pageSchema),
    /** Help directory entries shown on this site, sorted by French name. */
    resources: z.array(resourceSchema),
    /** Categories used by this site's news, sorted by slug. */
    categories: z.array(categorySchema),
    /** Redirects of this site, sorted by `from`, one per `from` (format 3). */
    redirects: z.array(redirectSchema),
  })
  // Cross-references a site relies on: every link between items must resolve.
  .superRefine((snapshot, ctx) => {
    const categories = new Set(snapshot.categories.map((c) => c.slug))
    snapshot.news.forEach((article, i) =>
      article.categories.forEach((c, j) => {
        if (!categories.has(c))
          ctx.addIssue({ code: 'custom', path: ['news', i, 'categories', j], message: `catégorie « ${c} » absente de la liste categories` })
      }),
    )
    const ids = new Set(snapshot.pages.map((p) => p.id))
    const paths = new Set<string>()
    snapshot.pages.forEach((page, i) => {
      if (page.parentId !== null && !ids.has(page.parentId))
        ctx.addIssue({
          code: 'custom',
          path: ['pages', i, 'parentId'],
          message: `page parente « ${page.parentId} » absente de l’instantané`,
        })
      if (paths.has(page.path))
        ctx.addIssue({ code: 'custom', path: ['pages', i, 'path'], message: `chemin « ${page.path} » utilisé par deux pages` })
      paths.add(page.path)
    })
    const froms = new Set<string>()
    snapshot.redirects.forEach((redirect, i) => {
      const key = redirectKey(redirect.from)
      if (froms.has(key))
        ctx.addIssue({
          code: 'custom',
          path: ['redirects', i, 'from'],
          message: `ancienne adresse « ${redirect.from} » redirigée deux fois`,
        })
      if (isRedirectLoop(redirect.from, redirect.to))
        ctx.addIssue({ code: 'custom', path: ['redirects', i, 'to'], message: `« ${redirect.from} » redirige vers elle-même` })
      froms.add(key)
    })
  })
