import type { UIField } from 'payload'

/**
 * Sidebar of a proposed news item (components/dashboard/ProposalPanel.tsx): a
 * partner's one-click answer, or each proposed site's answer; stores nothing.
 */
export const proposalPanelField: UIField = {
  name: 'proposalAnswers',
  type: 'ui',
  admin: { position: 'sidebar', components: { Field: '@/components/dashboard/ProposalPanel#ProposalPanel' } },
}
