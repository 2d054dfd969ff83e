// Ready-made content collections for a site's src/content.config.ts.
import { defineCollection } from 'astro/content/config'
import { categoriesLoader, newsLoader, pagesLoader, resourcesLoader } from './loader.ts'
import { articleSchema, categorySchema, pageSchema, resourceSchema } from './schema.ts'

export function snapshotCollections(site: string, dir: string) {
  const options = { site, dir }
  return {
    news: defineCollection({ loader: newsLoader(options), schema: articleSchema }),
    pages: defineCollection({ loader: pagesLoader(options), schema: pageSchema }),
    resources: defineCollection({ loader: resourcesLoader(options), schema: resourceSchema }),
    categories: defineCollection({ loader: categoriesLoader(options), schema: categorySchema }),
  }
}
