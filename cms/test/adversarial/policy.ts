// The expected answer of every adversarial case, from one small policy written
// from /work/shared/DESIGN.md, cms/src/access/* comments and the access matrix
// (test/matrix/table.ts), never from the implementation's code paths:
//
// - A site's content (news origin, pages, media, redirects) is written by its
//   writers (site-admin, site-editor, contributor), published, unpublished and
//   deleted by its publishers (site-admin, site-editor). The network admin acts
//   everywhere; the network editor (CLES communication) and a hub site editor
//   act as editors of the hub (CLES) only.
// - What readers see (a published document's live content) changes only by a
//   publisher: a contributor's save on a published item is at most kept as a draft.
// - Resources shown on several sites are shared: network staff manage them, a
//   partner publisher only the resources shown on their own sites alone.
// - Categories: network staff. Sites: the network admin; a site admin edits
//   their own site, never its identity (name, slug, domain, hub flag).
// - Accounts: network admins; a site admin the accounts of their sites (never
//   granting site-admin); everyone their own name, nobody their own roles.
// - Answers to proposals: publishers of the answering site.
// - Publications (the publishing log) and jobs: nobody through the API; only the
//   network admin triggers the jobs runner.
// - Locks: in one's own name only, on a document one may update (the network
//   admin anywhere). Preferences: one's own only, whoever one is.
// - Unlocking an account: the network admin, or a site admin for their accounts.
// - The audit trail: written by the CMS only, never through the API.

export const ACTORS = ['anonymous', 'contributor', 'siteEditor', 'siteAdmin', 'hubEditor', 'networkEditor', 'networkAdmin'] as const
export type Actor = (typeof ACTORS)[number]

export type SiteKey = 'marthe' | 'outaouais' | 'cles'
export const SITE_KEYS: SiteKey[] = ['marthe', 'outaouais', 'cles']
export type SiteRole = 'site-admin' | 'site-editor' | 'contributor'

/**
 * Scopes, seen from a partner (La Maison de Marthe): `own` = Marthe, `other` =
 * CALACS de l'Outaouais, `hub` = CLES. `self` = the actor's own account or
 * preference; `shared` = a resource shown on Marthe and Outaouais; `network` =
 * network-wide documents (categories, jobs, a new site).
 */
export type Scope = 'own' | 'other' | 'hub' | 'self' | 'shared' | 'network'
export const SCOPE_SITE: Partial<Record<Scope, SiteKey>> = { own: 'marthe', other: 'outaouais', hub: 'cles' }

/** Who each actor is (accounts created by the suite). */
export const PROFILE: Record<Actor, { globalRole?: 'network-admin' | 'network-editor'; membership?: [SiteKey, SiteRole] }> = {
  anonymous: {},
  contributor: { membership: ['marthe', 'contributor'] },
  siteEditor: { membership: ['marthe', 'site-editor'] },
  siteAdmin: { membership: ['marthe', 'site-admin'] },
  hubEditor: { membership: ['cles', 'site-editor'] },
  networkEditor: { globalRole: 'network-editor' },
  networkAdmin: { globalRole: 'network-admin' },
}

export type Collection =
  | 'news'
  | 'pages'
  | 'media'
  | 'resources'
  | 'categories'
  | 'redirects'
  | 'sites'
  | 'users'
  | 'syndication-decisions'
  | 'publications'
  | 'payload-locked-documents'
  | 'payload-preferences'
  | 'payload-jobs'
  | 'audit-log'
  | 'payload-migrations'
  | 'payload-kv'

export const COLLECTIONS: Collection[] = [
  'news',
  'pages',
  'media',
  'resources',
  'categories',
  'redirects',
  'sites',
  'users',
  'syndication-decisions',
  'publications',
  'payload-locked-documents',
  'payload-preferences',
  'payload-jobs',
  'audit-log',
  'payload-migrations',
  'payload-kv',
]

/** State of a versioned document: published (with history) or never published. */
export type DocState = 'published' | 'draft'

/**
 * Abstract operations the routes map to (cases.ts):
 * - `update`: a save that is not a draft save (PATCH by id or in bulk, without `_status`);
 * - `saveDraft`: `?draft=true` (and autosave), or any save on a collection without drafts;
 * - `publish` / `unpublish`: an explicit `_status`, or restoring a version that has one;
 * - `restoreAsDraft`: `POST /versions/:id?draft=true`; `restore`: a version route on a collection without versions;
 * - `lockAsOther`: a lock put in someone else's name;
 * - `deleteByKey` / `updateByKey`: Payload's own preference routes (`DELETE|POST /api/payload-preferences/:key`);
 * - `set:<field>`: a body field the actor tries to set on an existing document.
 */
export type Op =
  | 'create'
  | 'update'
  | 'saveDraft'
  | 'publish'
  | 'unpublish'
  | 'delete'
  | 'duplicate'
  | 'restoreAsDraft'
  | 'restore'
  | 'lock'
  | 'lockAsOther'
  | 'deleteByKey'
  | 'updateByKey'
  | 'unlock'
  | 'run'
  | `set:${string}`

const ALL_SITES: SiteKey[] = [...SITE_KEYS]
/** Collections whose documents a lock cannot point at. */
export const UNLOCKABLE: Collection[] = [
  'payload-locked-documents',
  'payload-preferences',
  'payload-jobs',
  'audit-log',
  'payload-migrations',
  'payload-kv',
]
const isNetworkAdmin = (a: Actor) => PROFILE[a].globalRole === 'network-admin'
const isNetworkEditor = (a: Actor) => PROFILE[a].globalRole === 'network-editor'
const isNetworkStaff = (a: Actor) => isNetworkAdmin(a) || isNetworkEditor(a)

/** Sites where the actor writes drafts. */
export function writerSites(a: Actor): SiteKey[] {
  if (isNetworkAdmin(a)) return ALL_SITES
  if (isNetworkEditor(a)) return ['cles']
  const m = PROFILE[a].membership
  return m ? [m[0]] : []
}
/** Sites where the actor publishes, unpublishes and deletes. */
export function publisherSites(a: Actor): SiteKey[] {
  if (isNetworkAdmin(a)) return ALL_SITES
  if (isNetworkEditor(a)) return ['cles']
  const m = PROFILE[a].membership
  return m && m[1] !== 'contributor' ? [m[0]] : []
}
/** Sites whose accounts the actor administers. */
export function adminSites(a: Actor): SiteKey[] {
  if (isNetworkAdmin(a)) return ALL_SITES
  const m = PROFILE[a].membership
  return m && m[1] === 'site-admin' ? [m[0]] : []
}

/** Where a copy made by the actor lands: the original's site when they write there, else their own. */
export function copySite(a: Actor, original: SiteKey): SiteKey | undefined {
  const sites = writerSites(a)
  return sites.includes(original) ? original : sites[0]
}

/** A site other than the target's, that no partner or hub editor writes on (what a « move » or « share » forges). */
export function forgedSiteKey(target: { scope: Scope }): SiteKey {
  return SCOPE_SITE[target.scope] === 'outaouais' ? 'cles' : 'outaouais'
}

/** The hub's news fixture is proposed to Marthe: Marthe staff read it without writing it. */
export const HUB_NEWS_PROPOSED_TO: SiteKey = 'marthe'

function readsSiteContent(a: Actor, collection: Collection, site: SiteKey): boolean {
  if (writerSites(a).includes(site)) return true
  return collection === 'news' && site === 'cles' && writerSites(a).includes(HUB_NEWS_PROPOSED_TO)
}

export interface Target {
  scope: Scope
  /** News and pages only. */
  state?: DocState
}

/**
 * May `actor` carry out `op` on `collection`'s document at `target`? For
 * `create`, the target is where the request puts the new document.
 */
export function mayWrite(actor: Actor, collection: Collection, op: Op, target: Target): boolean {
  if (actor === 'anonymous') return false
  const site = SCOPE_SITE[target.scope]
  const forged = forgedSiteKey(target)
  // A lock in someone else's name: the network admin only.
  if (op === 'lockAsOther') return isNetworkAdmin(actor)
  const has = (sites: SiteKey[]) => site !== undefined && sites.includes(site)
  // A lock is « I am editing this »: whoever may update the document (or the network admin).
  // Locks themselves and collections without document locking (preferences, jobs, audit trail, migrations,
  // key-value store) cannot be locked: Payload leaves them out of a lock's `document`.
  if (op === 'lock') {
    if (UNLOCKABLE.includes(collection)) return false
    if (isNetworkAdmin(actor)) return true
    return mayWrite(actor, collection, collection === 'news' || collection === 'pages' ? 'saveDraft' : 'update', target)
  }
  switch (collection) {
    case 'news':
    case 'pages': {
      const published = target.state === 'published'
      switch (op) {
        case 'create':
        case 'saveDraft':
        case 'restoreAsDraft':
          return has(writerSites(actor))
        case 'update':
          // A save that is not a draft save republishes a published document.
          return has(published ? publisherSites(actor) : writerSites(actor))
        case 'publish':
        case 'delete':
          return has(publisherSites(actor))
        case 'unpublish':
          return has(publisherSites(actor)) || (!published && has(writerSites(actor)))
        case 'duplicate':
          return site !== undefined && readsSiteContent(actor, collection, site) && writerSites(actor).length > 0
        case 'set:originSite':
        case 'set:site':
          // Moving a document to another site: network admin (news), or a writer of both sites (pages).
          if (collection === 'news') return isNetworkAdmin(actor)
          return has(writerSites(actor)) && writerSites(actor).includes(forged)
        case 'set:targetSites':
          // Proposing to a partner (Outaouais) is network staff's, on items they may write.
          return isNetworkStaff(actor) && has(writerSites(actor)) && (!published || has(publisherSites(actor)))
        default:
          return false
      }
    }
    case 'media':
    case 'redirects':
      switch (op) {
        case 'create':
        case 'update':
        case 'saveDraft':
          return has(writerSites(actor))
        case 'delete':
          return has(publisherSites(actor))
        case 'duplicate':
          // Staff copy the media of their own sites only; a redirect's copy would leave from the
          // same old path on the same site, which is always refused (one redirect per path and site).
          return collection === 'media' && has(writerSites(actor))
        case 'set:site':
          return has(writerSites(actor)) && writerSites(actor).includes(forged)
        default:
          return false
      }
    case 'resources': {
      // The resource's sites: one site, or Marthe + Outaouais for the shared one.
      const sites: SiteKey[] = target.scope === 'shared' ? ['marthe', 'outaouais'] : site ? [site] : []
      const mine = isNetworkStaff(actor) || (sites.length > 0 && sites.every((s) => publisherSites(actor).includes(s)))
      switch (op) {
        case 'create':
        case 'update':
        case 'saveDraft':
        case 'delete':
        case 'duplicate':
          return mine
        case 'set:sites':
          // Showing it on another partner's site too.
          return isNetworkStaff(actor)
        default:
          return false
      }
    }
    case 'categories':
      return ['create', 'update', 'saveDraft', 'delete', 'duplicate'].includes(op) && isNetworkStaff(actor)
    case 'sites':
      switch (op) {
        case 'update':
        case 'saveDraft':
          return isNetworkAdmin(actor) || has(adminSites(actor))
        case 'create':
        case 'delete':
          return isNetworkAdmin(actor)
        case 'duplicate':
          // A copy would share the slug and domain that name a site (Sites: disableDuplicate).
          return false
        case 'set:isHub':
        case 'set:domain':
        case 'set:name':
        case 'set:slug':
          return isNetworkAdmin(actor)
        default:
          return false
      }
    case 'users':
      if (target.scope === 'self') {
        // Everyone edits their own name, nobody their own roles.
        return op === 'update' || op === 'saveDraft'
      }
      switch (op) {
        case 'create':
        case 'update':
        case 'saveDraft':
        case 'unlock':
          return has(adminSites(actor))
        case 'delete':
          return isNetworkAdmin(actor)
        case 'set:globalRole':
          return isNetworkAdmin(actor)
        case 'set:memberships':
          // Granting site-admin: the network admin only.
          return isNetworkAdmin(actor)
        default:
          return false
      }
    case 'syndication-decisions':
      switch (op) {
        case 'create':
        case 'update':
        case 'saveDraft':
        case 'delete':
          return has(publisherSites(actor))
        default:
          // A copy would answer the same proposal twice; an answer never moves to another site or item.
          return false
      }
    case 'publications':
      return false
    case 'payload-locked-documents':
      switch (op) {
        case 'create':
        case 'update':
        case 'saveDraft':
        case 'delete':
          // Locks on documents the actor may edit (here: news of the scope's site).
          return isNetworkAdmin(actor) || has(writerSites(actor))
        case 'duplicate':
        case 'set:user':
          // A copy or a hand-over puts a lock in someone else's name.
          return isNetworkAdmin(actor)
        default:
          return false
      }
    case 'payload-preferences':
      switch (op) {
        case 'create':
          return true // always stored in the actor's own name (checked by the case)
        case 'update':
        case 'saveDraft':
        case 'delete':
        case 'duplicate':
        case 'deleteByKey':
        case 'updateByKey':
          return target.scope === 'self'
        default:
          return false
      }
    case 'payload-jobs':
      return op === 'run' && isNetworkAdmin(actor)
    case 'audit-log':
      // Kept by the CMS itself: nobody adds, edits or erases an entry, network admins included.
      return false
    case 'payload-migrations':
      // The schema's history: no REST route at all.
      return false
    case 'payload-kv':
      // Payload's key-value store (counters, caches): the system's only.
      return false
  }
}

// ---- Agreement with the access matrix ------------------------------------------------------

/** The matrix rows this policy also answers: [matrix collection, matrix operation] → our op and state. */
export const MATRIX_EQUIVALENTS: { collection: Collection; operation: string; op: Op; state?: DocState }[] = [
  { collection: 'news', operation: 'create', op: 'create' },
  { collection: 'news', operation: 'saveDraft', op: 'saveDraft', state: 'published' },
  { collection: 'news', operation: 'publish', op: 'publish', state: 'draft' },
  { collection: 'news', operation: 'delete', op: 'delete', state: 'published' },
  { collection: 'pages', operation: 'create', op: 'create' },
  { collection: 'pages', operation: 'saveDraft', op: 'saveDraft', state: 'published' },
  { collection: 'pages', operation: 'publish', op: 'publish', state: 'draft' },
  { collection: 'pages', operation: 'delete', op: 'delete', state: 'published' },
  { collection: 'media', operation: 'update', op: 'update' },
  { collection: 'media', operation: 'delete', op: 'delete' },
  { collection: 'resources', operation: 'create', op: 'create' },
  { collection: 'resources', operation: 'update', op: 'update' },
  { collection: 'resources', operation: 'delete', op: 'delete' },
  { collection: 'sites', operation: 'update', op: 'update' },
  { collection: 'redirects', operation: 'create', op: 'create' },
  { collection: 'redirects', operation: 'update', op: 'update' },
  { collection: 'redirects', operation: 'delete', op: 'delete' },
  { collection: 'categories', operation: 'create', op: 'create' },
  { collection: 'categories', operation: 'update', op: 'update' },
  { collection: 'categories', operation: 'delete', op: 'delete' },
  { collection: 'syndication-decisions', operation: 'answer', op: 'create' },
]

/** The matrix's actor names for ours (the hub site editor has no matrix column). */
export const MATRIX_ACTOR: Partial<Record<Actor, string>> = {
  anonymous: 'anonymous',
  contributor: 'contributor',
  siteEditor: 'siteEditor',
  siteAdmin: 'siteAdmin',
  networkEditor: 'networkEditor',
  networkAdmin: 'networkAdmin',
}
