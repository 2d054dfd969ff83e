export * from './types.ts'
export * from './routes.ts'
export { stableStringify } from './serialize.ts'
export { readSnapshot, snapshotDir, snapshotFile, SnapshotError } from './read.ts'
export {
  siteSnapshotSchema,
  articleSchema,
  siteSchema,
  mediaSchema,
  pageSchema,
  resourceSchema,
  categorySchema,
  blockSchema,
  linkSchema,
  redirectSchema,
  seoSchema,
  brandSchema,
  helpLineSchema,
  contactSchema,
  networkSiteSchema,
  frenchErrors,
} from './schema.ts'
