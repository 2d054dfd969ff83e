// Network administration: accounts that can do nothing (no membership on any
// site and no network role), left over from a departure or a half-made account.
import type { PayloadRequest } from 'payload'

export interface IdleAccount {
  id: number
  email: string
  name: string | null
}

export async function accountsWithoutSite(req: PayloadRequest): Promise<IdleAccount[]> {
  // Filtered here: « no row in an array field » is not a query every adapter answers the same way.
  const { docs } = await req.payload.find({
    collection: 'users',
    select: { email: true, name: true, globalRole: true, memberships: true },
    sort: 'email',
    depth: 0,
    pagination: false,
    overrideAccess: false,
    req,
  })
  return docs
    .filter((user) => !user.globalRole && (user.memberships ?? []).length === 0)
    .map((user) => ({ id: user.id, email: user.email, name: user.name ?? null }))
}
