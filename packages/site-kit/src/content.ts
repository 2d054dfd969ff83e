// The content collections every site uses, filled from its snapshot.
// Sites re-export this from src/content.config.ts:
//   export { collections } from '@cles/site-kit/content'
import { articleSchema, categorySchema, pageSchema, resourceSchema } from '@cles/content'
import { defineCollection } from 'astro/content/config'
import config from 'virtual:cles/config'
import { categoriesLoader, newsLoader, pagesLoader, resourcesLoader } from './loader.ts'

const options = { site: config.options.site, dir: config.snapshotDir }

export const collections = {
  news: defineCollection({ loader: newsLoader(options), schema: articleSchema }),
  pages: defineCollection({ loader: pagesLoader(options), schema: pageSchema }),
  resources: defineCollection({ loader: resourcesLoader(options), schema: resourceSchema }),
  categories: defineCollection({ loader: categoriesLoader(options), schema: categorySchema }),
}
