// The site kit: one Astro integration gives every site the same routes,
// layouts and safety features; a site only chooses its slug and local pages.
// This entry only orchestrates the named modules in ./integrations/.
import { snapshotDir as defaultSnapshotDir, type SiteSnapshot } from '@cles/content'
import type { AstroIntegration } from 'astro'
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import { isEncodable, mediaModuleSource, readableImages, snapshotMedia } from './images/mediaModule.ts'
import { imageConfig } from './integrations/images.ts'
import { finishBuild } from './integrations/postBuild.ts'
import { injectKitRoutes } from './integrations/routes.ts'
import { sitemapIntegration } from './integrations/sitemap.ts'
import { loadSiteSnapshot } from './integrations/snapshot.ts'
import { virtualModulesPlugin } from './integrations/virtualModules.ts'
import { siteKitOptionsSchema, type SiteKitOptions } from './options.ts'
import { localPagePaths, servablePages } from './pagePaths.ts'
import type { KitRuntimeConfig } from './virtual.ts'

export type { SiteKitOptions } from './options.ts'

export default function clesSiteKit(userOptions: SiteKitOptions): AstroIntegration {
  const parsed = siteKitOptionsSchema.safeParse(userOptions)
  if (!parsed.success) {
    throw new Error(`[@cles/site-kit] options invalides :\n${z.prettifyError(parsed.error)}`)
  }
  const options = parsed.data
  let runtime: KitRuntimeConfig | undefined
  let mediaSource = ''
  /** Documents (PDF) the snapshot links to: copied as they are after the build. */
  let documents: string[] = []
  /** Redirects of the snapshot: written to `_redirects` after the build. */
  let redirects: SiteSnapshot['redirects'] = []

  return {
    name: '@cles/site-kit',
    hooks: {
      'astro:config:setup': async ({ config, injectRoute, updateConfig, logger }) => {
        const siteRoot = fileURLToPath(config.root)
        const dir = resolve(siteRoot, options.snapshotDir ?? defaultSnapshotDir(resolve(siteRoot, '../..')))
        const snapshot = loadSiteSnapshot(dir, options.site)
        const localPaths = localPagePaths(join(siteRoot, 'src/pages'))
        const media = snapshotMedia(snapshot)
        mediaSource = mediaModuleSource(dir, await readableImages(dir, media, (message) => logger.warn(message)))
        documents = media.filter((item) => !isEncodable(item)).map((item) => item.file)
        redirects = snapshot.redirects
        runtime = {
          options,
          snapshotDir: dir,
          site: snapshot.site,
          network: snapshot.network,
          exitUrl: options.exitUrl ?? snapshot.site.exitUrl,
          localPaths,
        }
        logger.info(
          `site « ${snapshot.site.name} », ${snapshot.news.length} actualité(s), ${snapshot.pages.length} page(s), ` +
            `${snapshot.resources.length} ressource(s), instantané ${dir}`,
        )
        for (const { page, reason } of servablePages(snapshot.pages, localPaths).skipped) {
          logger.warn(`page « ${page.title.fr} » (${page.path}) non publiée sur ce site : ${reason}. Changez son adresse dans le CMS.`)
        }

        injectKitRoutes(injectRoute, snapshot.site.languages)
        const site = config.site ?? snapshot.site.url
        updateConfig({
          site,
          integrations: [sitemapIntegration(snapshot, site)],
          trailingSlash: 'always',
          // External stylesheets only: the CSP allows 'self' and no inline style.
          // Several pages in flight at once: rendering waits on file writes, not only on the CPU.
          build: { inlineStylesheets: 'never', concurrency: 4 },
          devToolbar: { enabled: false },
          image: imageConfig(siteRoot, options),
          vite: {
            // Never inline small scripts or assets: the CSP has no 'unsafe-inline'
            // and no data: images, so the quick-exit script stays a /_astro/ file.
            build: { assetsInlineLimit: 0 },
            plugins: [virtualModulesPlugin({ runtime: () => runtime!, mediaSource: () => mediaSource })],
          },
        })
      },
      'astro:config:done': ({ injectTypes }) => {
        injectTypes({
          filename: 'cles-site-kit.d.ts',
          // The same declarations the kit type-checks with.
          content: readFileSync(new URL('./virtual-modules.d.ts', import.meta.url), 'utf8'),
        })
      },
      'astro:build:done': async ({ dir, logger }) =>
        finishBuild(fileURLToPath(dir), runtime!.snapshotDir, documents, logger, redirects, runtime!.site),
    },
  }
}
