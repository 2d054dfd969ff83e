// Official Payload plugins, gathered in one place.
import { seoPlugin } from '@payloadcms/plugin-seo'
import type { Plugin } from 'payload'
import { cachePlugin } from './lib/cachePlugin'

export const plugins: Plugin[] = [
  // Meta title, description and share image on news and pages, with the plugin's preview.
  seoPlugin({
    collections: ['news', 'pages'],
    uploadsCollection: 'media',
    generateTitle: ({ doc }) => (typeof doc?.title === 'string' ? doc.title : ''),
    generateDescription: ({ doc }) => (typeof doc?.excerpt === 'string' ? doc.excerpt : ''),
  }),
  // Last, so it also sees the fields and hooks the other plugins added.
  cachePlugin,
]
