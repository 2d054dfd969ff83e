// SEO plugin fields (`meta`) and the site's defaults → SnapshotSeo.
import type { SnapshotSeo } from '@cles/content'
import { localized, type Doc } from './fields'
import { mediaDoc, type MediaStore } from './media'

export async function toSeo(meta: unknown, media: MediaStore): Promise<SnapshotSeo> {
  const fields = (meta && typeof meta === 'object' ? meta : {}) as Doc
  return { title: localized(fields.title), description: localized(fields.description), image: await media.add(mediaDoc(fields.image)) }
}
