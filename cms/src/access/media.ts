// Media: staff write and delete the uploads of their sites (site-scoped);
// anonymous readers and the exporter get only the uploads that published
// content or a site uses (see publicMedia.ts). Signed-in staff read their
// sites' uploads and, like any reader, the published ones: a partner opening
// an accepted CLES article sees its image, not « Nouveau document - ID: 1 ».
import type { Access, BaseFilter } from 'payload'
import { NO_DOCUMENT, publicMediaWhere } from './publicMedia'
import { siteScopedAccess } from './siteScoped'

const staff = siteScopedAccess({ siteField: 'site', publicRead: 'none' })

export const readMedia: Access = async (args) => {
  if (!args.req.user) return publicMediaWhere(args.req)
  const own = await staff.read(args)
  if (own === true) return true
  const published = await publicMediaWhere(args.req)
  return own ? { or: [own, published] } : published
}

export const mediaAccess = { ...staff, read: readMedia }

/**
 * The media list and the « Choisir parmi les fichiers existants » drawer show
 * the uploads of the person's own sites (what they manage), not every
 * published image of the network they may read.
 */
export const ownMediaFilter: BaseFilter = async ({ req }) => {
  const own = await staff.read({ req })
  if (own === true) return null
  return own || NO_DOCUMENT
}
