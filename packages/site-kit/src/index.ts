// The site kit: one Astro integration gives every site the same routes,
// layouts and safety features; a site only chooses its slug and local pages.
import { readSnapshot, snapshotDir as defaultSnapshotDir, SnapshotError } from '@cles/content'
import sitemap from '@astrojs/sitemap'
import type { AstroIntegration } from 'astro'
import { copyFile, mkdir } from 'node:fs/promises'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import { brandCss } from './brand.ts'
import { fontCss, fontPreloadModule } from './fonts.ts'
import { isEncodable, MEDIA_ID, mediaModuleSource, readableImages, snapshotMedia } from './images/mediaModule.ts'
import { contrastProblems } from './contrast.ts'
import { indexSite } from './searchIndex.ts'
import { localPagePaths, servablePages } from './pagePaths.ts'
import { articleTranslations } from './localePaths.ts'
import { imageStats } from './images/service.ts'
import { siteKitOptionsSchema, type SiteKitOptions } from './options.ts'
import { BRAND_ID, CONFIG_ID, FONT_ID, FONT_PRELOAD_ID, type KitRuntimeConfig } from './virtual.ts'

export type { SiteKitOptions } from './options.ts'

const route = (file: string) => new URL(`./routes/${file}`, import.meta.url)

export default function clesSiteKit(userOptions: SiteKitOptions): AstroIntegration {
  const parsed = siteKitOptionsSchema.safeParse(userOptions)
  if (!parsed.success) {
    throw new Error(`[@cles/site-kit] options invalides :\n${z.prettifyError(parsed.error)}`)
  }
  const options = parsed.data
  let runtime: KitRuntimeConfig
  let mediaSource = ''
  /** Documents (PDF) the snapshot links to: copied as they are after the build. */
  let documents: string[] = []

  return {
    name: '@cles/site-kit',
    hooks: {
      'astro:config:setup': async ({ config, injectRoute, updateConfig, logger }) => {
        const siteRoot = fileURLToPath(config.root)
        const dir = resolve(siteRoot, options.snapshotDir ?? defaultSnapshotDir(resolve(siteRoot, '../..')))
        let snapshot
        try {
          snapshot = readSnapshot(dir, options.site)
        } catch (error) {
          if (error instanceof SnapshotError) throw new Error(`[@cles/site-kit] ${error.message}`)
          throw error
        }
        const unreadable = contrastProblems(snapshot.site.brand)
        if (unreadable.length) {
          throw new Error(`[@cles/site-kit] Couleurs illisibles pour « ${snapshot.site.name} » :\n${unreadable.map((p) => `  - ${p}`).join('\n')}`)
        }
        const localPaths = localPagePaths(join(siteRoot, 'src/pages'))
        const media = snapshotMedia(snapshot)
        mediaSource = mediaModuleSource(dir, await readableImages(dir, media, (message) => logger.warn(message)))
        documents = media.filter((item) => !isEncodable(item)).map((item) => item.file)
        runtime = {
          options,
          snapshotDir: dir,
          site: snapshot.site,
          network: snapshot.network,
          exitUrl: options.exitUrl ?? snapshot.site.exitUrl,
          localPaths,
        }
        logger.info(
          `site « ${snapshot.site.name} », ${snapshot.news.length} actualité(s), ${snapshot.pages.length} page(s), ${snapshot.resources.length} ressource(s), instantané ${dir}`,
        )
        for (const { page, reason } of servablePages(snapshot.pages, localPaths).skipped) {
          logger.warn(`page « ${page.title.fr} » (${page.path}) non publiée sur ce site : ${reason}. Changez son adresse dans le CMS.`)
        }

        injectRoute({ pattern: '/', entrypoint: route('index.astro') })
        injectRoute({ pattern: '/actualites', entrypoint: route('news-index.astro') })
        injectRoute({ pattern: '/actualites/page/[page]', entrypoint: route('news-page.astro') })
        injectRoute({ pattern: '/actualites/[slug]', entrypoint: route('news-article.astro') })
        injectRoute({ pattern: '/actualites/rss.xml', entrypoint: route('rss.xml.ts') })
        injectRoute({ pattern: '/actualites/categorie/[category]', entrypoint: route('news-category.astro') })
        injectRoute({ pattern: '/actualites/categorie/[category]/page/[page]', entrypoint: route('news-category-page.astro') })
        injectRoute({ pattern: '/ressources', entrypoint: route('resources-index.astro') })
        injectRoute({ pattern: '/ressources/categorie/[category]', entrypoint: route('resources-category.astro') })
        injectRoute({ pattern: '/ressources/region/[region]', entrypoint: route('resources-region.astro') })
        injectRoute({ pattern: '/reseau', entrypoint: route('network.astro') })
        injectRoute({ pattern: '/naviguer-en-securite', entrypoint: route('safety.astro') })
        injectRoute({ pattern: '/recherche', entrypoint: route('search.astro') })
        // English only where content exists (see localePaths.ts).
        injectRoute({ pattern: '/en', entrypoint: route('en-index.astro') })
        injectRoute({ pattern: '/en/news', entrypoint: route('news-index.astro') })
        injectRoute({ pattern: '/en/news/page/[page]', entrypoint: route('news-page.astro') })
        injectRoute({ pattern: '/en/news/[slug]', entrypoint: route('en-news-article.astro') })
        injectRoute({ pattern: '/en/news/category/[category]', entrypoint: route('news-category.astro') })
        injectRoute({ pattern: '/en/news/category/[category]/page/[page]', entrypoint: route('news-category-page.astro') })
        injectRoute({ pattern: '/en/browsing-safely', entrypoint: route('en-safety.astro') })
        injectRoute({ pattern: '/en/search', entrypoint: route('en-search.astro') })
        injectRoute({ pattern: '/robots.txt', entrypoint: route('robots.txt.ts') })
        injectRoute({ pattern: '/404', entrypoint: route('404.astro') })
        // CMS pages: a rest route has Astro's lowest priority, and it only
        // generates the snapshot's servable page paths (see pagePaths.ts).
        injectRoute({ pattern: '/[...path]', entrypoint: route('local-page.astro') })

        const site = config.site ?? snapshot.site.url
        // A syndicated article's canonical URL is on its origin site, so the
        // sitemap leaves it to that site; feeds and robots.txt are not pages.
        const elsewhere = new Set(
          snapshot.news
            .filter((article) => article.originSite !== snapshot.site.slug)
            .flatMap((article) => Object.values(articleTranslations(article)).map((path) => new URL(path, site).href)),
        )
        // The search pages have no content of their own.
        for (const path of ['/recherche/', '/en/search/']) elsewhere.add(new URL(path, site).href)
        updateConfig({
          site,
          integrations: [sitemap({ filter: (url) => url.endsWith('/') && !elsewhere.has(url) })],
          trailingSlash: 'always',
          // External stylesheets only: the CSP allows 'self' and no inline style.
          // Several pages in flight at once: rendering waits on file writes, not only on the CPU.
          build: { inlineStylesheets: 'never', concurrency: 4 },
          devToolbar: { enabled: false },
          // Astro's sharp service with focal-point crops and one encoding cache
          // for all the sites of the repository (see images/service.ts).
          image: {
            service: {
              entrypoint: '@cles/site-kit/image-service',
              config: {
                sharedCacheDir: resolve(siteRoot, options.imageCacheDir ?? process.env.CLES_IMAGE_CACHE_DIR ?? '../../node_modules/.cache/cles-images'),
                // Effort 2 encodes AVIF several times faster than the default for a few % more bytes.
                avif: { effort: 2 },
                webp: { effort: 4 },
                jpeg: { mozjpeg: true },
              },
            },
          },
          vite: {
            // Never inline small scripts or assets: the CSP has no 'unsafe-inline'
            // and no data: images, so the quick-exit script stays a /_astro/ file.
            build: { assetsInlineLimit: 0 },
            plugins: [
              {
                name: 'cles-site-kit-virtual',
                resolveId(id: string) {
                  if ([CONFIG_ID, BRAND_ID, MEDIA_ID, FONT_ID, FONT_PRELOAD_ID].includes(id)) return `\0${id}`
                  return undefined
                },
                load(id: string) {
                  if (id === `\0${CONFIG_ID}`) return `export default ${JSON.stringify(runtime)}`
                  if (id === `\0${BRAND_ID}`) return brandCss(runtime.site.brand)
                  if (id === `\0${MEDIA_ID}`) return mediaSource
                  if (id === `\0${FONT_ID}`) return fontCss(runtime.site.brand.font)
                  if (id === `\0${FONT_PRELOAD_ID}`) return fontPreloadModule(runtime.site.brand.font)
                  return undefined
                },
              },
            ],
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
      // Images went through astro:assets; documents (PDF) linked from the text
      // are copied as they are. Then index the built pages for search (see searchIndex.ts).
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir)
        let copied = 0
        for (const file of documents) {
          const source = join(runtime.snapshotDir, file)
          const target = join(out, file)
          if (!existsSync(source)) throw new Error(`[@cles/site-kit] média manquant dans l’instantané : ${source}`)
          await mkdir(dirname(target), { recursive: true })
          await copyFile(source, target)
          copied++
        }
        const images = imageStats()
        logger.info(`images : ${images.encoded} encodée(s), ${images.shared} reprise(s) du cache partagé entre les sites ; ${copied} document(s) copié(s)`)
        const indexed = await indexSite(out)
        logger.info(`recherche : ${indexed} page(s) indexée(s) dans pagefind/`)
      },
    },
  }
}
