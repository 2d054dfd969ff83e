// The Sites document → SnapshotSite: identity, languages, brand, help lines, contact, menus.
import { BRAND_FONTS, isSafeHref, LOCALES, type BrandFont, type Locale, type SnapshotLink, type SnapshotSite } from '@cles/content'
import type { SiteDoc } from './docs'
import { localized, populated, textOrNull } from './fields'
import type { MediaStore } from './media'

const isFont = (value: unknown): value is BrandFont => BRAND_FONTS.includes(value as BrandFont)

/**
 * The site's « Langues du site », French always, in the contract's order. A
 * site saved before the field existed has none: it offers both, the CMS default.
 */
export const siteLanguages = (value: SiteDoc['languages']): Locale[] => {
  const offered: readonly Locale[] = value ?? LOCALES
  return LOCALES.filter((locale) => locale === 'fr' || offered.includes(locale))
}

/**
 * Menu rows with a label and a safe URL; anything else is dropped, not rendered.
 * A row pointing to one of the site's pages takes the page's current path, and
 * is left out while readers cannot see the page (a draft, unpublished).
 */
export function toLinks(rows: SiteDoc['headerMenu']): SnapshotLink[] {
  return (rows ?? []).flatMap((row) => {
    const label = localized(row.label)
    const url = row.page == null ? row.url : (populated(row.page)?.path ?? '')
    return label.fr.trim() && isSafeHref(url) ? [{ label, url: url.trim() }] : []
  })
}

export async function toSite(doc: SiteDoc, media: MediaStore): Promise<SnapshotSite> {
  const { brand, contact, seo } = doc
  return {
    slug: doc.slug,
    name: doc.name,
    domain: doc.domain,
    url: `https://${doc.domain}`,
    languages: siteLanguages(doc.languages),
    tagline: localized(doc.tagline),
    brand: {
      primary: brand.primary,
      accent: brand.accent,
      background: brand.background,
      text: brand.text,
      font: isFont(doc.font) ? doc.font : 'system',
    },
    logo: await media.add(populated(doc.logo)),
    // Site-wide defaults: no title of their own (each page has one).
    seo: { title: { fr: '' }, description: localized(seo?.description), image: await media.add(populated(seo?.image)) },
    isHub: doc.isHub === true,
    exitUrl: doc.exitUrl || 'https://meteo.gc.ca/',
    helpLines: (doc.helpLines ?? [])
      .filter((row) => localized(row.label).fr.trim() && row.phone.trim())
      .map((row) => ({ label: localized(row.label), phone: row.phone.trim(), hours: localized(row.hours) })),
    contact: {
      phone: textOrNull(contact?.phone),
      email: textOrNull(contact?.email),
      address: textOrNull(contact?.address),
      note: localized(contact?.note),
    },
    headerMenu: toLinks(doc.headerMenu),
    footerMenu: toLinks(doc.footerMenu),
  }
}
