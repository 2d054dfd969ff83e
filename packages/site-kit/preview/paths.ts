// GET /_cles/chemins, in the server bundle only (build.mjs injects it; a static
// build never has it): every page the static build would write for the
// snapshot the renderer has set, as JSON. The incremental release
// (release.mjs) asks twice, before and after a change, and renders only what
// differs. Each entry says:
// - `path` and `file`: the URL and the file of the static build's output;
// - `key`: for an article or a CMS page, a digest of everything its page reads
//   (its props, and sharedInputs below): equal keys, equal pages. Other pages
//   (lists, feeds) read the whole snapshot and have no key: they are always
//   rendered again;
// - `sitemap`: whether the static build's sitemap lists it (sitemap.ts).
import { createHash } from 'node:crypto'
import { routePath } from '@cles/content'
import type { APIRoute } from 'astro'
import config from 'virtual:cles/config'
import { kitRoutes } from '../src/integrations/routes.ts'
import { sitemapExclusions } from '../src/integrations/sitemap.ts'
import { localeOfPattern } from '../src/localePaths.ts'
import { allNews, newsIn } from '../src/news.ts'
import { allResources } from '../src/snapshotData.ts'
import * as article from '../src/routes/news-article.astro'
import * as category from '../src/routes/news-category.astro'
import * as categoryPage from '../src/routes/news-category-page.astro'
import * as newsPage from '../src/routes/news-page.astro'
import * as localPage from '../src/routes/local-page.astro'
import * as resourcesCategory from '../src/routes/resources-category.astro'
import * as resourcesRegion from '../src/routes/resources-region.astro'

export const prerender = false

type Params = Record<string, string | number | undefined>
type RouteModule = { getStaticPaths?: (context: never) => Promise<{ params: Params; props?: unknown }[]> }

/** The kit's routes with parameters, by page file (integrations/routes.ts). */
const WITH_PARAMS: Record<string, RouteModule> = {
  'news-article.astro': article,
  'news-category.astro': category,
  'news-category-page.astro': categoryPage,
  'news-page.astro': newsPage,
  'local-page.astro': localPage,
  'resources-category.astro': resourcesCategory,
  'resources-region.astro': resourcesRegion,
}

export interface PlannedPage {
  path: string
  file: string
  key: string | null
  sitemap: boolean
}

/**
 * What a page reads besides its own props, for the routes whose pages are
 * keyed: an article (the categories listed in its language), a CMS page (its
 * props carry its parents and children; its resource blocks read the whole
 * directory). Null: the route reads the whole snapshot (lists, feeds).
 */
async function sharedInputs(route: string, pattern: string): Promise<string | null> {
  if (route === 'article') return digest((await newsIn(localeOfPattern(pattern))).categories)
  if (route === 'page') return digest(await allResources())
  return null
}

const digest = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('base64url')

/** The static build's file for a path (directory format; the 404 page is 404.html). */
const fileOf = (path: string) =>
  path === routePath('notFound') ? '404.html' : path.endsWith('/') ? `${path.slice(1)}index.html` : path.slice(1)

export const GET: APIRoute = async ({ site }) => {
  const origin = String(site ?? config.site.url)
  const excluded = sitemapExclusions(await allNews(), config.site.slug, origin)
  const pages: PlannedPage[] = []
  const add = (path: string, key: string | null) => {
    const url = new URL(path, origin).href
    pages.push({ path, file: fileOf(path), key, sitemap: path !== routePath('notFound') && url.endsWith('/') && !excluded.has(url) })
  }
  for (const route of kitRoutes(config.site.languages)) {
    const module = WITH_PARAMS[route.entrypoint]
    if (!module?.getStaticPaths) {
      add(routePath(route.name as Exclude<typeof route.name, 'page'>, route.locale), null)
      continue
    }
    const paginate = () => {
      throw new Error('paginate() n’est pas pris en charge')
    }
    const entries = await module.getStaticPaths({ routePattern: route.pattern, paginate } as never)
    const shared = await sharedInputs(route.name, route.pattern)
    for (const { params, props } of entries) {
      const path =
        route.name === 'page' ? `/${String(params.path)}/` : routePath(route.name, route.locale, params as Record<string, string | number>)
      add(path, shared === null ? null : digest([props, shared]))
    }
  }
  return new Response(JSON.stringify({ site: origin, pages }), { headers: { 'content-type': 'application/json' } })
}
