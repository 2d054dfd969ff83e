import type { SnapshotArticle } from '@cles/content'
import { getCollection } from 'astro:content'

/** All articles of this site, newest first (ties broken by id for stable pages). */
export async function allNews(): Promise<SnapshotArticle[]> {
  const entries = await getCollection('news')
  return entries
    .map((entry) => entry.data as SnapshotArticle)
    .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt) || a.id.localeCompare(b.id, 'en', { numeric: true }))
}

/** Splits the list into pages of `size` (at least one page, even when empty). */
export function paginateNews(articles: SnapshotArticle[], size: number) {
  const last = Math.max(1, Math.ceil(articles.length / size))
  return Array.from({ length: last }, (_, i) => ({
    current: i + 1,
    last,
    articles: articles.slice(i * size, (i + 1) * size),
  }))
}
