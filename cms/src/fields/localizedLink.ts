import type { Field, FieldHook } from 'payload'
import { isSafeHref } from '@cles/content/types'
import { message } from '../lib/message'
import { tr } from '../i18n/translations'
import { relationId } from '../lib/relationId'

/** The address of the page a menu entry points to, kept in `url` (the sites prefer the page's live path). */
const pagePath: FieldHook = async ({ value, siblingData, req }) => {
  const page = relationId(siblingData?.page)
  if (page == null || page === '') return value
  const doc = await req.payload
    .findByID({ collection: 'pages', id: page as number, depth: 0, draft: true, overrideAccess: true, req })
    .catch(() => null)
  return doc?.path ?? value
}

/**
 * A menu entry: French label (English optional) and a safe URL. With `pages`
 * (a site's menus), the entry may point to one of the site's own pages
 * instead: its address follows the page when it moves, and the entry is left
 * out while the page is not published.
 */
export function menuField(name: string, label: { fr: string; en: string }, { pages = false }: { pages?: boolean } = {}): Field {
  const page: Field = {
    name: 'page',
    type: 'relationship',
    relationTo: 'pages',
    label: tr({ fr: 'Page du site', en: 'Site page' }),
    // The pages of the site being edited (a new site has none yet).
    filterOptions: ({ id }) => (id == null ? false : { site: { equals: id } }),
    admin: {
      description: {
        fr: 'Choisissez une page du site : le lien suit la page si elle change d’adresse. Sinon, laissez vide et écrivez l’adresse ci-dessous.',
        en: 'Choose a page of the site: the link follows the page if its address changes. Otherwise leave empty and write the address below.',
      },
    },
  }
  return {
    name,
    type: 'array',
    label: tr(label),
    labels: { singular: tr({ fr: 'Lien', en: 'Link' }), plural: tr({ fr: 'Liens', en: 'Links' }) },
    fields: [
      { name: 'label', type: 'text', required: true, localized: true, label: tr({ fr: 'Libellé', en: 'Label' }) },
      ...(pages ? [page] : []),
      {
        name: 'url',
        type: 'text',
        required: true,
        label: tr({ fr: 'Adresse', en: 'URL' }),
        admin: {
          description: pages
            ? {
                fr: 'Chemin du site (/a-propos/) ou adresse https://. Remplie toute seule quand une page est choisie.',
                en: 'Site path (/about/) or https:// address. Filled in by itself when a page is chosen.',
              }
            : { fr: 'Chemin du site (/a-propos/) ou adresse https://', en: 'Site path (/about/) or https:// address' },
        },
        hooks: pages ? { beforeValidate: [pagePath] } : undefined,
        validate: (value: unknown, { req, siblingData }: { req: Parameters<typeof message>[0]; siblingData?: { page?: unknown } }) =>
          (pages && (relationId(siblingData?.page) ?? '') !== '') || isSafeHref(value)
            ? true
            : message(
                req,
                pages
                  ? {
                      fr: 'Adresse refusée : choisissez une page du site, ou utilisez un chemin qui commence par / ou une adresse https://, mailto: ou tel:.',
                      en: 'Address refused: choose a page of the site, or use a path starting with / or an https://, mailto: or tel: address.',
                    }
                  : {
                      fr: 'Adresse refusée : utilisez un chemin qui commence par / ou une adresse https://, mailto: ou tel:.',
                      en: 'Address refused: use a path starting with / or an https://, mailto: or tel: address.',
                    },
              ),
      },
    ],
  }
}
