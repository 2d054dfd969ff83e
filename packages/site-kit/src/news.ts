import type { Locale, SnapshotArticle, SnapshotCategory } from '@cles/content'
import config from 'virtual:cles/config'
import { hasEnglish, hasEnglishCategory } from './localePaths.ts'
import { allCategories, dataOf, oncePerBuild } from './snapshotData.ts'

/** All articles of this site, newest first (ties broken by id for stable pages). */
export const allNews = oncePerBuild(async (): Promise<SnapshotArticle[]> =>
  (await dataOf<SnapshotArticle>('news')).sort(
    (a, b) => b.publishedAt.localeCompare(a.publishedAt) || a.id.localeCompare(b.id, 'en', { numeric: true }),
  ),
)

/** Splits the list into pages of `size` (at least one page, even when empty). */
export function paginateNews(articles: SnapshotArticle[], size: number) {
  const last = Math.max(1, Math.ceil(articles.length / size))
  return Array.from({ length: last }, (_, i) => ({
    current: i + 1,
    last,
    articles: articles.slice(i * size, (i + 1) * size),
  }))
}

type NewsInLocale = { news: SnapshotArticle[]; categories: SnapshotCategory[]; all: SnapshotArticle[] }

const inLocale = {
  fr: oncePerBuild(async (): Promise<NewsInLocale> => {
    const [all, categories] = await Promise.all([allNews(), allCategories()])
    return { news: all, categories, all }
  }),
  en: oncePerBuild(async (): Promise<NewsInLocale> => {
    const [all, categories] = await Promise.all([allNews(), allCategories()])
    return { news: all.filter(hasEnglish), categories: categories.filter((c) => hasEnglishCategory(c, all)), all }
  }),
}

/** The articles and categories a reader of this locale has pages for (English: translations only). */
export const newsIn = (locale: Locale): Promise<NewsInLocale> => inLocale[locale]()

/** Every page of every category list in a locale: the routes keep page 1 or the others. */
export async function categoryListPages(locale: Locale) {
  const { news, categories, all } = await newsIn(locale)
  return categories.flatMap((category) =>
    paginateNews(
      news.filter((a) => a.categories.includes(category.slug)),
      config.options.pageSize,
    ).map((page) => ({ category, categories, page, all })),
  )
}
