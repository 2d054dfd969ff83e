// URL paths of the kit's pages in each language: French at the root, English
// under /en/, only where a translation exists.
import type { Locale, SnapshotArticle, SnapshotCategory } from '@cles/content'

/** Path of each language version of a page; a missing locale has no page. */
export type Translations = Partial<Record<Locale, string>>

export const homePath = (locale: Locale) => (locale === 'fr' ? '/' : '/en/')
export const newsPath = (locale: Locale) => (locale === 'fr' ? '/actualites/' : '/en/news/')
export const safetyPath = (locale: Locale) => (locale === 'fr' ? '/naviguer-en-securite/' : '/en/browsing-safely/')
export const searchPath = (locale: Locale) => (locale === 'fr' ? '/recherche/' : '/en/search/')
export const articlePath = (locale: Locale, slug: string) => `${newsPath(locale)}${slug}/`
export const categoryPath = (locale: Locale, slug: string) => (locale === 'fr' ? `/actualites/categorie/${slug}/` : `/en/news/category/${slug}/`)

/** Locale of a route injected under both languages: English lives under /en/. */
export const localeOfPattern = (pattern: string): Locale => (pattern.startsWith('/en/') || pattern === '/en' ? 'en' : 'fr')

/** An article exists in English only when the snapshot lists a real translation. */
export const hasEnglish = (article: SnapshotArticle) => article.locales.includes('en') && article.title.en !== undefined && article.html.en !== undefined

export const articleTranslations = (article: SnapshotArticle): Translations => ({
  fr: articlePath('fr', article.slug),
  ...(hasEnglish(article) ? { en: articlePath('en', article.slug) } : {}),
})

/** Origin-site URL of an article in a locale, from its French canonical URL. */
export function originUrl(article: SnapshotArticle, locale: Locale): string {
  if (locale === 'fr') return article.canonicalUrl
  const url = new URL(article.canonicalUrl)
  url.pathname = url.pathname.replace(/^\/actualites\//, '/en/news/')
  return url.href
}

/** A category has an English page when it has an English name and at least one English article. */
export const hasEnglishCategory = (category: SnapshotCategory, news: SnapshotArticle[]) =>
  category.title.en !== undefined && news.some((article) => hasEnglish(article) && article.categories.includes(category.slug))

export const categoryTranslations = (category: SnapshotCategory, news: SnapshotArticle[]): Translations => ({
  fr: categoryPath('fr', category.slug),
  ...(hasEnglishCategory(category, news) ? { en: categoryPath('en', category.slug) } : {}),
})
