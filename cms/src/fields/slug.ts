import { SLUG } from '@cles/content/types'
import type { Field, PayloadRequest, Validate } from 'payload'
import { relationId } from '../lib/relationId'
import { message } from '../lib/message'
import { slugify } from '../lib/slugify'
import { MAX_LENGTH } from './limits'
import { tr } from '../i18n/translations'

interface SlugOptions {
  /** Unique across the whole collection (e.g. site slugs). */
  unique?: boolean
  /** Unique among documents of the same site, held in this field (news, pages). */
  uniquePer?: string
}

/** A derived slug never clashes: « titre », then « titre-2 », « titre-3 »… on the same site. */
async function freeSlug(
  base: string,
  o: { req: PayloadRequest; collection: string; siteField: string; site: string | number; id?: string | number },
) {
  for (let n = 1; n < 100; n++) {
    const candidate = n === 1 ? base : `${base.slice(0, MAX_LENGTH.slug - 4).replace(/-+$/, '')}-${n}`
    const clash = await o.req.payload.count({
      collection: o.collection as 'news',
      where: {
        and: [
          { slug: { equals: candidate } },
          { [o.siteField]: { equals: o.site } },
          ...(o.id != null ? [{ id: { not_equals: o.id } }] : []),
        ],
      },
      overrideAccess: true,
      req: o.req,
    })
    if (clash.totalDocs === 0) return candidate
  }
  return base
}

/**
 * Slug generated from the French value of `sourceField` when left empty
 * (accents folded). Only a-z, 0-9 and dashes are accepted.
 */
export function slugField(sourceField = 'title', { unique = false, uniquePer }: SlugOptions = {}): Field {
  const validate: Validate = async (value, options) => {
    const { req, data, id, collectionSlug } = options as typeof options & { collectionSlug?: string; id?: string | number }
    // Left empty, the slug is derived from the French title when the document is saved.
    const source = (data as Record<string, unknown> | undefined)?.[sourceField]
    const sourceText = typeof source === 'string' ? source : (source as { fr?: string } | undefined)?.fr
    if ((value === undefined || value === null || value === '') && sourceText?.trim()) return true
    if (typeof value === 'string' && value.length > MAX_LENGTH.slug) {
      return message(req, {
        fr: `Le slug est trop long : ${MAX_LENGTH.slug} caractères au plus (il en a ${value.length}).`,
        en: `The slug is too long: ${MAX_LENGTH.slug} characters at most (it has ${value.length}).`,
      })
    }
    if (typeof value !== 'string' || !SLUG.test(value)) {
      return message(req, {
        fr: 'Le slug doit contenir uniquement des minuscules, des chiffres et des tirets (ex. : financement-recurrent).',
        en: 'The slug may only contain lower case letters, digits and dashes (e.g. recurring-funding).',
      })
    }
    const site = uniquePer ? (data as Record<string, unknown> | undefined)?.[uniquePer] : undefined
    if (uniquePer && site != null && collectionSlug && req?.payload) {
      const siteId = relationId(site)
      const clash = await req.payload.count({
        collection: collectionSlug as 'news',
        where: {
          and: [{ slug: { equals: value } }, { [uniquePer]: { equals: siteId } }, ...(id != null ? [{ id: { not_equals: id } }] : [])],
        },
        overrideAccess: true,
        req,
      })
      if (clash.totalDocs > 0) {
        return message(req, {
          fr: `Le slug « ${value} » est déjà utilisé sur ce site : choisissez-en un autre.`,
          en: `The slug “${value}” is already used on this site: choose another one.`,
        })
      }
    }
    return true
  }

  return {
    name: 'slug',
    type: 'text',
    index: true,
    required: true,
    unique,
    maxLength: MAX_LENGTH.slug,
    label: tr({ fr: 'Identifiant d’URL (slug)', en: 'URL slug' }),
    admin: {
      position: 'sidebar',
      description: uniquePer
        ? {
            fr:
              'La fin de l’adresse publique (ex. : financement-recurrent). Laissez vide : il sera tiré du titre français. ' +
              'Minuscules, chiffres et tirets seulement, unique sur le site. Le changer après la publication change l’adresse ; ' +
              'l’ancienne adresse mène alors à la nouvelle.',
            en:
              'The end of the public address (e.g. recurring-funding). Leave empty: it is taken from the French title. ' +
              'Lower case letters, digits and dashes only, unique on the site. Changing it after publication changes the address; ' +
              'the old address then leads to the new one.',
          }
        : {
            fr: 'Généré à partir du nom français si vide. Minuscules, chiffres et tirets seulement. Unique.',
            en: 'Generated from the French name when empty. Lower case letters, digits and dashes only. Unique.',
          },
    },
    hooks: {
      // A copy gets its own slug, derived again from its title when it is saved.
      beforeDuplicate: [() => null],
      beforeValidate: [
        async ({ value, data, req, collection, originalDoc }) => {
          if (typeof value === 'string' && value.trim()) return slugify(value)
          // Only derive from the French title, so translations never rename the URL.
          if (req.locale && req.locale !== 'fr' && req.locale !== 'all') return value
          const source = data?.[sourceField]
          const text = typeof source === 'string' ? source : source?.fr
          if (typeof text !== 'string') return value
          const site = uniquePer ? relationId(data?.[uniquePer] ?? originalDoc?.[uniquePer]) : undefined
          if (!collection || site == null) return slugify(text)
          return freeSlug(slugify(text), { req, collection: collection.slug, siteField: uniquePer!, site, id: originalDoc?.id })
        },
      ],
    },
    validate,
  }
}
