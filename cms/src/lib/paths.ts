import path from 'node:path'

// Paths are resolved from the working directory (always cms/ for next, tsx and
// vitest) rather than import.meta.url, which Next bakes into its build output.
export const cmsRoot = (env: NodeJS.ProcessEnv = process.env) => path.resolve(env.CLES_CMS_ROOT ?? process.cwd())

/** Gitignored data folder holding the SQLite file, uploads and the dev secret. */
export const dataDir = () => path.resolve(cmsRoot(), process.env.CLES_DATA_DIR ?? 'data')

export const mediaDir = () => path.resolve(process.env.CLES_MEDIA_DIR ?? path.join(dataDir(), 'media'))

export const defaultDatabaseUrl = () => `file:${path.join(dataDir(), 'cles.db')}`

/**
 * The draft preview's working folder, shared by the CMS (media of drafts, export/preview.ts) and the
 * publisher (server bundles and images of previews, publish/previewRenderer.ts): never a snapshot or a release.
 */
export const previewDir = () => path.resolve(cmsRoot(), '..', 'node_modules', '.cache', 'cles-apercu')
