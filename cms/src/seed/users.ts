import { seedSites } from './sites'

export const DEFAULT_SEED_PASSWORD = 'cles-demo-2026'

export interface SeedUser {
  email: string
  name: string
  globalRole?: 'network-admin' | 'network-editor'
  memberships: { site: string; role: 'site-admin' | 'site-editor' | 'contributor' }[]
}

/** Local demo accounts (documented in the README); never for production. */
export const seedUsers: SeedUser[] = [
  { email: 'admin@cles.example', name: 'Administration du réseau (démo)', globalRole: 'network-admin', memberships: [] },
  {
    email: 'comms@cles.example',
    name: 'Communication CLES (démo)',
    globalRole: 'network-editor',
    memberships: [{ site: 'cles', role: 'site-editor' }],
  },
  ...seedSites
    .filter((s) => !s.isHub)
    .flatMap((s) => [
      {
        email: `editor@${s.slug}.example`,
        name: `Édition — ${s.name} (démo)`,
        memberships: [{ site: s.slug, role: 'site-editor' as const }],
      },
      {
        email: `admin@${s.slug}.example`,
        name: `Administration — ${s.name} (démo)`,
        memberships: [{ site: s.slug, role: 'site-admin' as const }],
      },
      {
        email: `contributor@${s.slug}.example`,
        name: `Contribution — ${s.name} (démo)`,
        memberships: [{ site: s.slug, role: 'contributor' as const }],
      },
    ]),
]
