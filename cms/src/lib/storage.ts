// Where uploaded media live. Local disk (CLES_MEDIA_DIR, default cms/data/media)
// unless S3_BUCKET is set: then every original and image size goes to that
// S3-compatible bucket through Payload's official adapter (@payloadcms/storage-s3),
// so several CMS instances behind one proxy share the same files. Files are still
// served through /api/media/file/… with the CMS's access rules (the bucket stays
// private), and the exporter reads them from the bucket (export/media.ts).
import { s3Storage } from '@payloadcms/storage-s3'
import type { Plugin } from 'payload'
import { s3Settings } from './s3Settings'

/**
 * The storage plugin, always present so the media collection has the same
 * fields (`prefix`, `_objectKey`) with or without a bucket: the database schema
 * (and its migrations) never depends on the environment. Disabled without S3_BUCKET.
 */
export function mediaStoragePlugin(env: Record<string, string | undefined> = process.env): Plugin {
  const settings = s3Settings(env)
  return s3Storage({
    enabled: settings !== null,
    alwaysInsertFields: true,
    bucket: settings?.bucket ?? 'disabled',
    config: settings?.config ?? { region: 'us-east-1' },
    // prefix set (even empty) so the `prefix` field exists in both modes.
    collections: { media: { prefix: settings?.prefix ?? '' } },
  })
}
