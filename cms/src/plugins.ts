// Every plugin, gathered in one place: Payload's official ones and ours.
import { seoPlugin } from '@payloadcms/plugin-seo'
import type { Plugin } from 'payload'
import { cachePlugin } from './lib/cachePlugin'
import { auditPlugin } from './audit/plugin'
import { publishPlugin } from './publish/plugin'

export const plugins: Plugin[] = [
  // Meta title, description and share image on news and pages, with the plugin's preview.
  seoPlugin({
    collections: ['news', 'pages'],
    uploadsCollection: 'media',
    generateTitle: ({ doc }) => (typeof doc?.title === 'string' ? doc.title : ''),
    generateDescription: ({ doc }) => (typeof doc?.excerpt === 'string' ? doc.excerpt : ''),
  }),
  // Changes readers would see queue a publication of the sites they touch.
  publishPlugin,
  // Who published, unpublished, deleted or changed roles, for network admins (collections/AuditLog.ts).
  auditPlugin,
  // Last, so it also sees the fields and hooks the other plugins added.
  cachePlugin,
]
