import type { CollectionConfig, PayloadRequest } from 'payload'
import { siteField } from '../fields/siteField'
import { siteScopedAccess } from '../access/siteScoped'
import { message } from '../lib/message'
import { relationId } from '../lib/relationId'
import { isRedirectLoop, isSafeRedirectFrom, isSafeRedirectTo } from '@cles/content/types'
import { tr } from '../i18n/translations'

/**
 * Per-site redirects (old URL → new URL). Written here rather than with the
 * official redirects plugin, which has no notion of sites and trails our Payload version.
 */
export const Redirects: CollectionConfig = {
  slug: 'redirects',
  labels: { singular: tr({ fr: 'Redirection', en: 'Redirect' }), plural: tr({ fr: 'Redirections', en: 'Redirects' }) },
  admin: {
    useAsTitle: 'from',
    defaultColumns: ['from', 'to', 'site'],
    group: { fr: 'Réseau', en: 'Network' },
    components: { beforeListTable: ['@/components/ListHelp#ListHelp'] },
  },
  access: siteScopedAccess({ siteField: 'site', publicRead: 'all' }),
  fields: [
    {
      name: 'from',
      type: 'text',
      required: true,
      index: true,
      label: tr({ fr: 'Ancienne adresse', en: 'Old path' }),
      // The contract's rule, so what editors save is exactly what the sites and servers accept;
      // and one redirect per old path and site (two would leave the servers to pick one).
      validate: async (
        value: unknown,
        { req, id, siblingData }: { req: PayloadRequest; id?: number | string; siblingData: { site?: unknown } },
      ) => {
        if (!isSafeRedirectFrom(value)) {
          return message(req, {
            fr: 'Indiquez un chemin qui commence par un seul / (ex. : /ancienne-page/), sans espace, ni ?, ni #, ni guillemets.',
            en: 'Enter a path starting with a single / (e.g. /old-page/), without spaces, ?, # or quotes.',
          })
        }
        const site = relationId(siblingData?.site)
        if (site == null) return true
        const taken = await req.payload.find({
          collection: 'redirects',
          where: { and: [{ site: { equals: site } }, { from: { equals: value } }, ...(id != null ? [{ id: { not_equals: id } }] : [])] },
          limit: 1,
          depth: 0,
          pagination: false,
          select: { from: true },
          overrideAccess: true,
          req,
        })
        return taken.docs.length
          ? message(req, {
              fr: `Une redirection part déjà de ${String(value)} sur ce site : modifiez-la plutôt que d’en créer une deuxième.`,
              en: `A redirect from ${String(value)} already exists on this site: change it instead of adding a second one.`,
            })
          : true
      },
    },
    {
      name: 'to',
      type: 'text',
      required: true,
      label: tr({ fr: 'Nouvelle adresse', en: 'New address' }),
      validate: (value: unknown, { req, siblingData }: { req: Parameters<typeof message>[0]; siblingData: { from?: unknown } }) => {
        if (!isSafeRedirectTo(value)) {
          return message(req, {
            fr: 'Adresse refusée : chemin /… ou adresse https://.',
            en: 'Address refused: /… path or https:// address.',
          })
        }
        if (typeof siblingData?.from === 'string' && isRedirectLoop(siblingData.from, value)) {
          return message(req, {
            fr: 'La nouvelle adresse est l’ancienne : la redirection tournerait en rond.',
            en: 'The new address is the old one: the redirect would loop.',
          })
        }
        return true
      },
    },
    siteField(),
  ],
}
