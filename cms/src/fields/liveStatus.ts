import type { UIField } from 'payload'

/** Sidebar « En ligne sur » of a published document (components/LiveStatus.tsx); stores nothing. */
export const liveStatusField: UIField = {
  name: 'liveStatus',
  type: 'ui',
  admin: { position: 'sidebar', components: { Field: '@/components/LiveStatus#LiveStatus' } },
}

/** On a site's page: what is online and how the last publication went (components/SiteStatus.tsx). */
export const siteStatusField: UIField = {
  name: 'siteStatus',
  type: 'ui',
  admin: { position: 'sidebar', components: { Field: '@/components/SiteStatus#SiteStatus' } },
}
