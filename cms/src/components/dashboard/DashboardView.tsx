// The admin's first screen (admin.components.views.dashboard): the person's role
// dashboard, then the collection links Payload shows by default. Payload's
// modular dashboard (widgets to drag and its breadcrumb menu) is left out: nobody
// here arranges widgets, and its menu is an unlabelled select (axe « label »).
import { CollectionCards } from '@payloadcms/next/rsc'
import type { AdminViewServerProps } from 'payload'
import { RoleDashboard } from './RoleDashboard'

export async function DashboardView({ initPageResult }: AdminViewServerProps) {
  const { req, locale, permissions, cookies } = initPageResult
  return (
    <div className="gutter gutter--left gutter--right dashboard">
      <RoleDashboard req={req} />
      <CollectionCards req={req} user={req.user} locale={locale} permissions={permissions} cookies={cookies} widgetSlug="collections" />
    </div>
  )
}
