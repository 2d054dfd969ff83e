// Runtime validation of snapshot files, so a broken or hand-edited snapshot
// fails the site build with a clear message instead of rendering garbage.
import { z } from 'zod'
import { SNAPSHOT_FORMAT } from './types.ts'

const hexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'couleur attendue au format #rrggbb')
const localized = <T extends z.ZodType>(item: T) => z.object({ fr: item, en: item.optional() })
const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'slug attendu : minuscules, chiffres et tirets')

export const mediaSchema = z.object({
  file: z.string().regex(/^media\/[0-9a-f]{64}\.[a-z0-9]+$/),
  mimeType: z.string(),
  width: z.number().int().positive().nullable(),
  height: z.number().int().positive().nullable(),
  alt: localized(z.string()),
})

export const articleSchema = z.object({
  id: z.string().min(1),
  slug,
  publishedAt: z.iso.datetime({ offset: true }),
  locales: z.array(z.enum(['fr', 'en'])).min(1),
  title: localized(z.string().min(1)),
  excerpt: localized(z.string()),
  html: localized(z.string()),
  hero: mediaSchema.nullable(),
  originSite: slug,
  canonicalUrl: z.url(),
})

export const siteSchema = z.object({
  slug,
  name: z.string().min(1),
  domain: z.string().min(1),
  url: z.url(),
  tagline: localized(z.string()),
  brand: z.object({ primary: hexColour, accent: hexColour, background: hexColour, text: hexColour }),
  isHub: z.boolean(),
  exitUrl: z.url({ protocol: /^https$/ }),
})

export const siteSnapshotSchema = z.object({
  format: z.literal(SNAPSHOT_FORMAT),
  site: siteSchema,
  network: z.array(z.object({ slug, name: z.string(), url: z.url() })),
  news: z.array(articleSchema),
})
