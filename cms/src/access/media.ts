// Media: staff read, write and delete the uploads of their sites (site-scoped);
// anonymous readers and the exporter get only the uploads that published
// content or a site uses (see publicMedia.ts).
import type { Access } from 'payload'
import { publicMediaWhere } from './publicMedia'
import { siteScopedAccess } from './siteScoped'

const staff = siteScopedAccess({ siteField: 'site', publicRead: 'none' })

export const readMedia: Access = async (args) => (args.req.user ? staff.read(args) : publicMediaWhere(args.req))

export const mediaAccess = { ...staff, read: readMedia }
