// Every plugin, gathered in one place: Payload's official ones and ours.
import { seoPlugin } from '@payloadcms/plugin-seo'
import type { Plugin } from 'payload'
import { cachePlugin } from './lib/cachePlugin'
import { seoFieldInFrench } from './fields/seo'
import { mediaStoragePlugin } from './lib/storage'
import { auditPlugin } from './audit/plugin'
import { publishPlugin } from './publish/plugin'
import { relationShapesPlugin } from './hooks/checkRelationShapes'

export const plugins: Plugin[] = [
  // Meta title, description and share image on news and pages; our own preview with the real address (fields/seo.ts).
  seoPlugin({
    collections: ['news', 'pages'],
    uploadsCollection: 'media',
    generateTitle: ({ doc }) => (typeof doc?.title === 'string' ? doc.title : ''),
    generateDescription: ({ doc }) => (typeof doc?.excerpt === 'string' ? doc.excerpt : ''),
    // The plugin's field labels and hints are English only: ours, in both languages.
    fields: ({ defaultFields }) => defaultFields.map(seoFieldInFrench),
  }),
  // Changes readers would see queue a publication of the sites they touch.
  publishPlugin,
  // Who published, unpublished, deleted or changed roles, for network admins (collections/AuditLog.ts).
  auditPlugin,
  // Media on S3-compatible storage when S3_BUCKET is set, local disk otherwise (lib/storage.ts).
  mediaStoragePlugin(),
  // A relation of the wrong shape gets a French 400, drafts included (Payload validates only published saves).
  relationShapesPlugin,
  // Last, so it also sees the fields and hooks the other plugins added.
  cachePlugin,
]
