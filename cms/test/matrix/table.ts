// The access matrix: for each collection and operation, where each role may act.
// Scopes: `own` = the role's own site (La Maison de Marthe for site roles),
// `other` = another partner site (CALACS de l'Outaouais), `hub` = CLES.
// Read as: "contributor may `update` news on: own".

export const ACTORS = ['anonymous', 'networkAdmin', 'networkEditor', 'siteAdmin', 'siteEditor', 'contributor'] as const
export type Actor = (typeof ACTORS)[number]
export const SCOPES = ['own', 'other', 'hub'] as const
export type Scope = (typeof SCOPES)[number]

/** Documents each driver prepares per scope before running the cells. */
export interface ScopedFixtures<Id = number | string> {
  site: Record<Scope, Id>
  news: Record<Scope, { published: Id; draftOnly: Id }>
  pages: Record<Scope, { published: Id; draftOnly: Id }>
  media: Record<Scope, Id>
  resources: Record<Scope, Id>
  /** An account with a membership on the scope's site that is nobody's own. */
  usersToRead: Record<Scope, Id>
  /** A hub news item proposed to the `own` and `other` sites. */
  proposal: Id
}

/** Demo accounts playing each role (from the seed). */
export const ACCOUNTS: Record<Exclude<Actor, 'anonymous'>, string> = {
  networkAdmin: 'admin@cles.example',
  networkEditor: 'comms@cles.example',
  siteAdmin: 'admin@maison-de-marthe.example',
  siteEditor: 'editor@maison-de-marthe.example',
  contributor: 'contributor@maison-de-marthe.example',
}
export const SCOPE_SITES: Record<Scope, string> = { own: 'maison-de-marthe', other: 'calacs-outaouais', hub: 'cles' }

const ALL = 'own other hub'
const NONE = ''
type Row = Record<Actor, string>
const row = (anonymous: string, networkAdmin: string, networkEditor: string, siteAdmin: string, siteEditor: string, contributor: string): Row => ({
  anonymous,
  networkAdmin,
  networkEditor,
  siteAdmin,
  siteEditor,
  contributor,
})

//                         anonymous  net-admin  net-editor  site-admin  site-editor  contributor
const siteContent = {
  create: /*           */ row(NONE, ALL, 'hub', 'own', 'own', 'own'),
  read: /*             */ row(ALL, ALL, 'hub', 'own', 'own', 'own'),
  readDraft: /*        */ row(NONE, ALL, 'hub', 'own', 'own', 'own'),
  saveDraft: /*        */ row(NONE, ALL, 'hub', 'own', 'own', 'own'),
  publish: /*          */ row(NONE, ALL, 'hub', 'own', 'own', NONE),
  delete: /*           */ row(NONE, ALL, 'hub', 'own', 'own', NONE),
  readVersions: /*     */ row(NONE, ALL, 'hub', 'own', 'own', 'own'),
}

export const MATRIX = {
  news: siteContent,
  pages: siteContent,
  media: {
    read: /*           */ row(ALL, ALL, 'hub', 'own', 'own', 'own'),
    update: /*         */ row(NONE, ALL, 'hub', 'own', 'own', 'own'),
    delete: /*         */ row(NONE, ALL, 'hub', 'own', 'own', NONE),
  },
  resources: {
    create: /*         */ row(NONE, ALL, ALL, 'own', 'own', NONE),
    read: /*           */ row(ALL, ALL, ALL, ALL, ALL, ALL),
    update: /*         */ row(NONE, ALL, ALL, 'own', 'own', NONE),
    delete: /*         */ row(NONE, ALL, ALL, 'own', 'own', NONE),
  },
  sites: {
    read: /*           */ row(ALL, ALL, ALL, 'own hub', 'own hub', 'own hub'),
    update: /*         */ row(NONE, ALL, NONE, 'own', NONE, NONE),
    delete: /*         */ row(NONE, ALL, NONE, NONE, NONE, NONE),
  },
  users: {
    read: /*           */ row(NONE, ALL, NONE, 'own', NONE, NONE),
  },
  'syndication-decisions': {
    answer: /*         */ row(NONE, 'own other', NONE, 'own', 'own', NONE),
  },
} as const satisfies Record<string, Record<string, Row>>

export type MatrixCollection = keyof typeof MATRIX

export interface Cell {
  collection: MatrixCollection
  operation: string
  actor: Actor
  scope: Scope
  allowed: boolean
}

/** Every cell of the table (decisions only make sense on partner sites). */
export function cells(): Cell[] {
  const out: Cell[] = []
  for (const [collection, operations] of Object.entries(MATRIX) as [MatrixCollection, Record<string, Row>][]) {
    for (const [operation, byActor] of Object.entries(operations)) {
      for (const actor of ACTORS) {
        for (const scope of SCOPES) {
          if (collection === 'syndication-decisions' && scope === 'hub') continue
          out.push({ collection, operation, actor, scope, allowed: byActor[actor].split(' ').includes(scope) })
        }
      }
    }
  }
  return out
}
