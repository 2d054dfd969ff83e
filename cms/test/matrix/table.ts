// The access matrix: for each collection and operation, where each role may act.
// Scopes: `own` = the role's own site (La Maison de Marthe for site roles),
// `other` = another partner site (CALACS de l'Outaouais), `hub` = CLES.
// Read as: "contributor may `update` news on: own".
// Network-wide collections (categories) belong to no site: their cells have the
// single scope `network` instead of three identical copies.
// Each driver checks the stored state after every write (carried out → stored,
// refused → unchanged), not only the answer.

export const ACTORS = ['anonymous', 'networkAdmin', 'networkEditor', 'siteAdmin', 'siteEditor', 'contributor'] as const
export type Actor = (typeof ACTORS)[number]
export const SCOPES = ['own', 'other', 'hub'] as const
export type Scope = (typeof SCOPES)[number]
/** The scope of a cell: a site scope, or `network` for collections that belong to no site. */
export type CellScope = Scope | 'network'

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

/**
 * Fixtures for the cells added to the matrix later (kept apart from ScopedFixtures,
 * which the REST driver in packages/e2e/src/restMatrix.ts builds).
 * `media` (in ScopedFixtures) is used as the hero of the scope's published news item.
 */
export interface ExtraFixtures<Id = number | string> {
  /** An upload on each scope's site that no published content uses. */
  unusedMedia: Record<Scope, Id>
  /** A redirect on each scope's site. */
  redirects: Record<Scope, Id>
  /** A network-wide news category. */
  category: Id
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
/** For network-wide collections: allowed (on the one `network` scope) or not. */
const YES = 'network'
type Row = Record<Actor, string>
const row = (
  anonymous: string,
  networkAdmin: string,
  networkEditor: string,
  siteAdmin: string,
  siteEditor: string,
  contributor: string,
): Row => ({
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
  // Readers get an upload only once published content uses it (cms/src/access/media.ts):
  // `read` is an image used as the hero of the scope's published news item (staff
  // read it like any reader), `readUnused` one that nothing published uses yet.
  media: {
    read: /*           */ row(ALL, ALL, ALL, ALL, ALL, ALL),
    readUnused: /*     */ row(NONE, ALL, 'hub', 'own', 'own', 'own'),
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
    // Scope-aware: `own` = a site on which the actor holds their own role (site
    // roles), `hub` = a site marked as hub, `other` = a site nobody in the table
    // belongs to. A site admin may edit their site but never delete it.
    delete: /*         */ row(NONE, ALL, NONE, NONE, NONE, NONE),
  },
  users: {
    read: /*           */ row(NONE, ALL, NONE, 'own', NONE, NONE),
  },
  'syndication-decisions': {
    answer: /*         */ row(NONE, 'own other', NONE, 'own', 'own', NONE),
  },
  // Redirects belong to one site (cms/src/collections/Redirects.ts: siteScopedAccess,
  // publicRead 'all'): writers of the site create and change them, publishers delete.
  // Redirects have no drafts, so a contributor's redirect goes live at the next publication.
  redirects: {
    read: /*           */ row(ALL, ALL, 'hub', 'own', 'own', 'own'),
    create: /*         */ row(NONE, ALL, 'hub', 'own', 'own', 'own'),
    update: /*         */ row(NONE, ALL, 'hub', 'own', 'own', 'own'),
    delete: /*         */ row(NONE, ALL, 'hub', 'own', 'own', NONE),
  },
  // Categories are shared by the whole network (cms/src/collections/Categories.ts):
  // anyone reads them, network staff manage them.
  categories: {
    read: /*           */ row(YES, YES, YES, YES, YES, YES),
    create: /*         */ row(NONE, YES, YES, NONE, NONE, NONE),
    update: /*         */ row(NONE, YES, YES, NONE, NONE, NONE),
    delete: /*         */ row(NONE, YES, YES, NONE, NONE, NONE),
  },
} as const satisfies Record<string, Record<string, Row>>

export type MatrixCollection = keyof typeof MATRIX

/** Collections that belong to no site: one `network` cell per actor and operation. */
export const NETWORK_WIDE: readonly MatrixCollection[] = ['categories']

/** The scopes a collection's cells are checked on (decisions only make sense on partner sites). */
export function scopesOf(collection: MatrixCollection): CellScope[] {
  if (NETWORK_WIDE.includes(collection)) return ['network']
  if (collection === 'syndication-decisions') return ['own', 'other']
  return [...SCOPES]
}

export interface Cell {
  collection: MatrixCollection
  operation: string
  actor: Actor
  scope: CellScope
  allowed: boolean
}

/** Every cell of the table. */
export function cells(): Cell[] {
  const out: Cell[] = []
  for (const [collection, operations] of Object.entries(MATRIX) as [MatrixCollection, Record<string, Row>][]) {
    const scopes = scopesOf(collection)
    for (const [operation, byActor] of Object.entries(operations)) {
      for (const actor of ACTORS) {
        const allowedOn = byActor[actor].split(' ').filter(Boolean)
        // A typo in the table ('onw', or a site scope on a network-wide row) must not read as « refused ».
        const stray = allowedOn.filter((s) => !(scopes as string[]).includes(s))
        if (stray.length) throw new Error(`matrice : ${collection}.${operation} · ${actor} : portée(s) inconnue(s) ${stray.join(', ')}`)
        for (const scope of scopes) out.push({ collection, operation, actor, scope, allowed: allowedOn.includes(scope) })
      }
    }
  }
  return out
}
