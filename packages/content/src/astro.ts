// Ready-made content collections for a site's src/content.config.ts.
import { defineCollection } from 'astro/content/config'
import { newsLoader } from './loader.ts'
import { articleSchema } from './schema.ts'

export function snapshotCollections(site: string, dir: string) {
  return {
    news: defineCollection({ loader: newsLoader({ site, dir }), schema: articleSchema }),
  }
}
