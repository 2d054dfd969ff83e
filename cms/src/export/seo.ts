// SEO plugin fields (`meta`) of news and pages → SnapshotSeo.
import type { SnapshotSeo } from '@cles/content'
import type { MetaDoc } from './docs'
import { localized, populated } from './fields'
import type { MediaStore } from './media'

export async function toSeo(meta: MetaDoc | undefined, media: MediaStore): Promise<SnapshotSeo> {
  // The plugin localises the share image too; the snapshot has one, French first.
  const image = populated(meta?.image?.fr ?? meta?.image?.en)
  return { title: localized(meta?.title), description: localized(meta?.description), image: await media.add(image) }
}
