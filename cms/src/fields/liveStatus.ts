import type { UIField } from 'payload'

/** Sidebar « En ligne sur » of a published document (components/LiveStatus.tsx); stores nothing. */
export const liveStatusField: UIField = {
  name: 'liveStatus',
  type: 'ui',
  admin: { position: 'sidebar', components: { Field: '@/components/LiveStatus#LiveStatus' } },
}
