// The snapshot types, derived from the zod schemas (schema.ts) so the contract
// is written once: a field added there is typed here, with its documentation.
// Type imports only: under Node's type stripping this module is just the
// re-exports below (the static server reads the redirect rules through
// `@cles/content/types`).
import type { z } from 'zod'
import type * as schema from './schema.ts'

export * from './constants.ts'
export * from './urls.ts'

/** French is always present; English only where a translation exists. */
export type Localized<T> = z.output<ReturnType<typeof schema.localized<z.ZodType<T>>>>

export type SiteSnapshot = z.output<typeof schema.siteSnapshotSchema>
export type SnapshotSite = z.output<typeof schema.siteSchema>
export type SnapshotBrand = z.output<typeof schema.brandSchema>
export type SnapshotHelpLine = z.output<typeof schema.helpLineSchema>
export type SnapshotContact = z.output<typeof schema.contactSchema>
export type SnapshotLink = z.output<typeof schema.linkSchema>
export type SnapshotNetworkSite = z.output<typeof schema.networkSiteSchema>
export type SnapshotMedia = z.output<typeof schema.mediaSchema>
export type SnapshotSeo = z.output<typeof schema.seoSchema>
export type SnapshotArticle = z.output<typeof schema.articleSchema>
export type SnapshotCategory = z.output<typeof schema.categorySchema>
export type SnapshotResource = z.output<typeof schema.resourceSchema>
export type SnapshotBlock = z.output<typeof schema.blockSchema>
export type SnapshotPage = z.output<typeof schema.pageSchema>
export type SnapshotRedirect = z.output<typeof schema.redirectSchema>
