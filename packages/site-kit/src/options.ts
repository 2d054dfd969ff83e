import { SLUG } from '@cles/content'
import { z } from 'zod'

/** Options a site passes to the kit in its astro.config. Validated at startup. */
export const siteKitOptionsSchema = z.object({
  /** Site slug, e.g. `cles`; selects `<snapshots>/<slug>.json`. */
  site: z.string().regex(SLUG, 'slug de site attendu (ex. : maison-de-marthe)'),
  /** Snapshot folder; defaults to CLES_SNAPSHOT_DIR, else `<repo>/.snapshots`. */
  snapshotDir: z.string().optional(),
  /** Articles per page of the news index. */
  pageSize: z.number().int().min(1).max(100).default(10),
  /** Articles shown on the home page. */
  homeNewsCount: z.number().int().min(0).max(20).default(5),
  /** Resources shown on the home page (help lines and shelter first). */
  homeResourcesCount: z.number().int().min(0).max(12).default(4),
  /** Latest articles listed in the RSS feed (/actualites/rss.xml). */
  feedSize: z.number().int().min(1).max(100).default(20),
  /** Links to the site's own MDX pages, shown in the header. */
  localPages: z.array(z.object({ href: z.string().startsWith('/'), label: z.string().min(1) })).default([]),
  /** Encoded-image cache shared by the sites; defaults to CLES_IMAGE_CACHE_DIR, else `<repo>/node_modules/.cache/cles-images`. */
  imageCacheDir: z.string().optional(),
  /** Overrides the neutral quick-exit page set on the site in the CMS. */
  exitUrl: z.url().optional(),
})

export type SiteKitOptions = z.input<typeof siteKitOptionsSchema>
export type SiteKitConfig = z.output<typeof siteKitOptionsSchema>
