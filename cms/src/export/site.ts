// The Sites document → SnapshotSite: identity, brand, help lines, contact, menus.
import { BRAND_FONTS, type BrandFont, type SnapshotLink, type SnapshotSite } from '@cles/content'
import { asString, localized, rows, textOrNull, type Doc } from './fields'
import { mediaDoc, type MediaStore } from './media'
import { isSafeUrl } from './richtext'
import { toSeo } from './seo'

const isFont = (value: unknown): value is BrandFont => BRAND_FONTS.includes(value as BrandFont)

/** Menu rows with a label and a safe URL; anything else is dropped, not rendered. */
export function toLinks(value: unknown): SnapshotLink[] {
  return rows(value).flatMap((row) => {
    const label = localized(row.label)
    return label.fr.trim() && isSafeUrl(row.url) ? [{ label, url: row.url.trim() }] : []
  })
}

export async function toSite(doc: Doc, media: MediaStore): Promise<SnapshotSite> {
  const brand = (doc.brand ?? {}) as Doc
  const contact = (doc.contact ?? {}) as Doc
  const domain = asString(doc.domain)
  return {
    slug: asString(doc.slug),
    name: asString(typeof doc.name === 'object' ? (doc.name as Doc).fr : doc.name),
    domain,
    url: `https://${domain}`,
    tagline: localized(doc.tagline),
    brand: {
      primary: asString(brand.primary),
      accent: asString(brand.accent),
      background: asString(brand.background),
      text: asString(brand.text),
      font: isFont(doc.font) ? doc.font : 'system',
    },
    logo: await media.add(mediaDoc(doc.logo)),
    seo: await toSeo(doc.seo, media),
    isHub: doc.isHub === true,
    exitUrl: asString(doc.exitUrl) || 'https://meteo.gc.ca/',
    helpLines: rows(doc.helpLines)
      .filter((row) => localized(row.label).fr.trim() && asString(row.phone).trim())
      .map((row) => ({ label: localized(row.label), phone: asString(row.phone).trim(), hours: localized(row.hours) })),
    contact: {
      phone: textOrNull(contact.phone),
      email: textOrNull(contact.email),
      address: textOrNull(contact.address),
      note: localized(contact.note),
    },
    headerMenu: toLinks(doc.headerMenu),
    footerMenu: toLinks(doc.footerMenu),
  }
}
