// URL paths of the kit's pages in each language: French at the root, English
// under /en/, only where a translation exists and the site offers English. The
// paths themselves come from the contract's route table (ROUTES in
// @cles/content); these are its helpers.
import { localeOfPath, routePath, type Locale, type SnapshotArticle, type SnapshotCategory } from '@cles/content'

/** Path of each language version of a page; a missing locale has no page. */
export type Translations = Partial<Record<Locale, string>>

/**
 * The versions a reader of this site can reach: none in a language the site
 * does not offer (`site.languages`), so a French-only site shows no language
 * switcher and no hreflang (its /en/ routes are not even injected).
 */
export const offeredTranslations = (translations: Translations, languages: readonly Locale[]): Translations =>
  Object.fromEntries(Object.entries(translations).filter(([locale]) => languages.includes(locale as Locale)))

export const homePath = (locale: Locale) => routePath('home', locale)
export const newsPath = (locale: Locale) => routePath('news', locale)
export const safetyPath = (locale: Locale) => routePath('safety', locale)
export const searchPath = (locale: Locale) => routePath('search', locale)
export const articlePath = (locale: Locale, slug: string) => routePath('article', locale, { slug })
export const categoryPath = (locale: Locale, slug: string) => routePath('category', locale, { category: slug })
/** Page N (≥ 2) of a news list whose first page is `base`. */
export const listPagePath = (locale: Locale, page: number, category?: string) =>
  category ? routePath('categoryPage', locale, { category, page }) : routePath('newsPage', locale, { page })

/** Locale of a route injected under both languages: English lives under /en/. */
export const localeOfPattern = (pattern: string): Locale => localeOfPath(pattern)

/** An article exists in English only when the snapshot lists a real translation. */
export const hasEnglish = (article: SnapshotArticle) =>
  article.locales.includes('en') && article.title.en !== undefined && article.html.en !== undefined

export const articleTranslations = (article: SnapshotArticle): Translations => ({
  fr: articlePath('fr', article.slug),
  ...(hasEnglish(article) ? { en: articlePath('en', article.slug) } : {}),
})

/** Origin-site URL of an article in a locale, from its French canonical URL. */
export function originUrl(article: SnapshotArticle, locale: Locale): string {
  if (locale === 'fr') return article.canonicalUrl
  const url = new URL(article.canonicalUrl)
  url.pathname = articlePath(locale, decodeURIComponent(url.pathname.split('/').filter(Boolean).at(-1) ?? article.slug))
  return url.href
}

/** A category has an English page when it has an English name and at least one English article. */
export const hasEnglishCategory = (category: SnapshotCategory, news: SnapshotArticle[]) =>
  category.title.en !== undefined && news.some((article) => hasEnglish(article) && article.categories.includes(category.slug))

export const categoryTranslations = (category: SnapshotCategory, news: SnapshotArticle[]): Translations => ({
  fr: categoryPath('fr', category.slug),
  ...(hasEnglishCategory(category, news) ? { en: categoryPath('en', category.slug) } : {}),
})
