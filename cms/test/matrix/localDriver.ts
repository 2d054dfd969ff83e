// Performs each matrix operation through the Local API with overrideAccess: false,
// acting as the given user. Fixtures are created by the system (access off).
// Every write is followed by a look at the stored state (as the system): a write
// that was carried out must be stored, a refused one must have changed nothing.
import sharp from 'sharp'
import type { Payload } from 'payload'
import type { Actor, CellScope, ExtraFixtures, Scope, ScopedFixtures } from './table'
import { ACCOUNTS, SCOPE_SITES, SCOPES } from './table'

type Id = number | string
type Doc = { id: Id } & Record<string, unknown>
type Membership = { site: Id | { id: Id }; role: string }
const system = { overrideAccess: true } as const
let counter = 0
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${counter++}`
const siteIdOf = (value: unknown) => (value && typeof value === 'object' ? (value as { id: Id }).id : value) as Id
const same = (a: unknown, b: unknown) => String(siteIdOf(a)) === String(siteIdOf(b))

export interface Fixtures extends ScopedFixtures<Id>, ExtraFixtures<Id> {
  users: Record<Exclude<Actor, 'anonymous'>, Doc>
}

async function tinyPng() {
  return sharp({ create: { width: 4, height: 4, channels: 3, background: '#336699' } })
    .png()
    .toBuffer()
}

/**
 * The fixtures on the seeded sites and demo accounts; `sites` and `accounts` change who plays
 * each scope and role (addedSite.int.test.ts: a site a network admin added, with its own staff).
 */
export async function prepareFixtures(
  payload: Payload,
  {
    sites = SCOPE_SITES,
    accounts = ACCOUNTS,
  }: { sites?: Record<Scope, string>; accounts?: Record<Exclude<Actor, 'anonymous'>, string> } = {},
): Promise<Fixtures> {
  const find = async (collection: string, where: object) =>
    (await payload.find({ ...system, collection: collection as 'news', where: where as never, limit: 1, depth: 0 }))
      .docs[0] as unknown as Doc
  const site = {} as Fixtures['site']
  for (const scope of SCOPES) site[scope] = (await find('sites', { slug: { equals: sites[scope] } })).id
  const users = {} as Fixtures['users']
  for (const [actor, email] of Object.entries(accounts)) {
    users[actor as keyof typeof ACCOUNTS] = (
      await payload.find({ ...system, collection: 'users', where: { email: { equals: email } }, depth: 0 })
    ).docs[0] as unknown as Doc
  }
  const news = {} as Fixtures['news']
  const pages = {} as Fixtures['pages']
  const media = {} as Fixtures['media']
  const resources = {} as Fixtures['resources']
  const usersToRead = {} as Fixtures['usersToRead']
  const redirects = {} as Fixtures['redirects']
  const unusedMedia = {} as Fixtures['unusedMedia']
  for (const scope of SCOPES) {
    // The scope's image is the hero of its published news item: readers may see it.
    media[scope] = (await createMedia(payload, site[scope])).id
    unusedMedia[scope] = (await createMedia(payload, site[scope])).id
    news[scope] = {
      published: (await createNews(payload, site[scope], 'published', media[scope])).id,
      draftOnly: (await createNews(payload, site[scope], 'draft')).id,
    }
    pages[scope] = {
      published: (await createPage(payload, site[scope], 'published')).id,
      draftOnly: (await createPage(payload, site[scope], 'draft')).id,
    }
    resources[scope] = (await createResource(payload, site[scope])).id
    redirects[scope] = (await createRedirect(payload, site[scope])).id
    // An account that is nobody's own, with a membership on the scope's site.
    usersToRead[scope] = (
      await payload.create({
        ...system,
        collection: 'users',
        data: {
          email: `${unique('lecture')}@${sites[scope]}.example`,
          password: 'a-long-password-1',
          memberships: [{ site: site[scope] as number, role: 'contributor' }],
        },
      })
    ).id
  }
  const proposal = (
    await payload.create({
      ...system,
      collection: 'news',
      data: {
        title: 'Proposition',
        slug: unique('proposition'),
        originSite: site.hub as number,
        publishedAt: new Date().toISOString(),
        targetSites: [site.own as number, site.other as number],
        _status: 'published',
      },
    })
  ).id
  const category = (await createCategory(payload)).id
  return { site, users, news, pages, media, unusedMedia, resources, usersToRead, proposal, redirects, category }
}

export const createNews = (payload: Payload, site: Id, status: 'published' | 'draft', hero?: Id) =>
  payload.create({
    ...system,
    collection: 'news',
    draft: status === 'draft',
    data: {
      title: `Matrice ${status}`,
      slug: unique('matrice'),
      originSite: site as number,
      publishedAt: new Date().toISOString(),
      _status: status,
      ...(hero === undefined ? {} : { hero: hero as number }),
    },
  })

export const createPage = (payload: Payload, site: Id, status: 'published' | 'draft') =>
  payload.create({
    ...system,
    collection: 'pages',
    draft: status === 'draft',
    data: { title: `Page ${status}`, slug: unique('page'), site: site as number, _status: status } as never,
  })

export const createMedia = async (payload: Payload, site: Id) => {
  const data = await tinyPng()
  return payload.create({
    ...system,
    collection: 'media',
    data: { alt: 'Carré bleu', site: site as number },
    file: { data, mimetype: 'image/png', name: `${unique('carre')}.png`, size: data.length },
  })
}

export const createResource = (payload: Payload, site: Id) =>
  payload.create({
    ...system,
    collection: 'resources',
    data: { name: unique('Ressource'), category: 'other', sites: [site as number], reviewBy: '2030-01-01' } as never,
  })

export const createRedirect = (payload: Payload, site: Id) =>
  payload.create({ ...system, collection: 'redirects', data: { from: `/${unique('ancienne')}/`, to: '/nouvelle/', site: site as number } })

export const createCategory = (payload: Payload) => {
  const slug = unique('categorie')
  return payload.create({ ...system, collection: 'categories', data: { title: `Catégorie ${slug}`, slug } })
}

const createSite = (payload: Payload, isHub: boolean) =>
  payload.create({
    ...system,
    collection: 'sites',
    data: {
      name: 'Jetable',
      slug: unique('jetable'),
      domain: 'jetable.example',
      isHub,
      exitUrl: 'https://meteo.gc.ca/',
      brand: { primary: '#000000', accent: '#222222', background: '#ffffff', text: '#111111' },
    } as never,
  })

export interface OperationContext {
  payload: Payload
  fx: Fixtures
  user: Doc | undefined
  scope: CellScope
}
/** One operation for one cell: resolves to true when it was carried out, false when access denied it. */
export type Operation = (ctx: OperationContext) => Promise<boolean>

const asUser = (user: Doc | undefined) => ({ overrideAccess: false, user }) as const

/** The site of a site scope; network-wide cells never reach a site-scoped operation. */
function siteScope(scope: CellScope): Scope {
  if (scope === 'network') throw new Error('opération liée à un site appelée pour une cellule « network »')
  return scope
}

function denied(error: unknown): boolean {
  const status = (error as { status?: number }).status
  return (
    status === 403 ||
    status === 404 ||
    /Forbidden|NotFound|not allowed|Non autorisé|introuvable/i.test((error as Error).name + (error as Error).message)
  )
}

/** The answer and the stored state disagree: a write said done but stored nothing, or was refused yet changed something. */
export class StoredStateError extends Error {
  override name = 'StoredStateError'
}

/** A check of the stored state: a description of what is wrong, or null. */
type Check = () => Promise<string | null>

/**
 * Runs a write as the actor, then checks the stored state: `applied` when the
 * write was carried out, `untouched` when access refused it. Errors other than
 * access denials propagate (they are bugs, not answers).
 */
async function write(run: () => Promise<unknown>, applied: Check, untouched: Check): Promise<boolean> {
  let carriedOut: boolean
  try {
    await run()
    carriedOut = true
  } catch (error) {
    if (!denied(error)) throw error
    carriedOut = false
  }
  const problem = carriedOut ? await applied() : await untouched()
  if (problem) throw new StoredStateError(`${carriedOut ? 'accepté' : 'refusé'}, mais ${problem}`)
  return carriedOut
}

/** Runs an operation; access errors mean "denied", any other error (including a StoredStateError) propagates. */
export async function attempt(op: Operation, ctx: OperationContext): Promise<boolean> {
  try {
    return await op(ctx)
  } catch (error) {
    if (!(error instanceof StoredStateError) && denied(error)) return false
    throw error
  }
}

// ---- Stored-state helpers (as the system) -------------------------------------------------

const countWhere = async (payload: Payload, collection: string, where: object) =>
  (await payload.count({ ...system, collection: collection as 'news', where: where as never })).totalDocs

const stored = async (payload: Payload, collection: string, id: Id, draft = false) =>
  (await payload.findByID({ ...system, collection: collection as 'news', id, depth: 0, draft })) as unknown as Doc

const gone =
  (payload: Payload, collection: string, id: Id): Check =>
  async () =>
    (await countWhere(payload, collection, { id: { equals: id } })) === 0 ? null : `le document ${collection} #${id} existe toujours`

const stillThere =
  (payload: Payload, collection: string, id: Id): Check =>
  async () =>
    (await countWhere(payload, collection, { id: { equals: id } })) === 1 ? null : `le document ${collection} #${id} a disparu`

const noneWith =
  (payload: Payload, collection: string, field: string, value: string): Check =>
  async () => {
    const n = await countWhere(payload, collection, { [field]: { equals: value } })
    return n === 0 ? null : `${n} document(s) ${collection} avec ${field} = « ${value} » enregistré(s)`
  }

const fieldIs =
  (payload: Payload, collection: string, id: Id, field: string, value: string, draft = false): Check =>
  async () => {
    const got = (await stored(payload, collection, id, draft))[field]
    return got === value ? null : `${collection} #${id}.${field} vaut « ${String(got)} » au lieu de « ${value} »`
  }

const fieldIsNot =
  (payload: Payload, collection: string, id: Id, field: string, value: string, draft = false): Check =>
  async () =>
    (await stored(payload, collection, id, draft))[field] === value ? `${collection} #${id}.${field} a été changé en « ${value} »` : null

const all =
  (...checks: Check[]): Check =>
  async () => {
    for (const check of checks) {
      const problem = await check()
      if (problem) return problem
    }
    return null
  }

/** A created document found by a unique field: exactly one, with these stored values; removed afterwards. */
const createdWith =
  (payload: Payload, collection: string, key: string, marker: string, expected: Record<string, unknown>, draft = false): Check =>
  async () => {
    const found = (
      await payload.find({ ...system, collection: collection as 'news', where: { [key]: { equals: marker } } as never, depth: 0, draft })
    ).docs as unknown as Doc[]
    if (found.length !== 1) return `${found.length} document(s) ${collection} « ${marker} » enregistré(s) au lieu d’un`
    const doc = found[0]!
    await payload.delete({ ...system, collection: collection as 'news', id: doc.id })
    for (const [field, value] of Object.entries(expected)) {
      const got = Array.isArray(value)
        ? (doc[field] as unknown[] | undefined)?.map(siteIdOf)
        : field === 'site' || field === 'originSite'
          ? siteIdOf(doc[field])
          : doc[field]
      if (
        JSON.stringify(Array.isArray(got) ? got.map(String) : String(got)) !==
        JSON.stringify(Array.isArray(value) ? value.map(String) : String(value))
      ) {
        return `${collection} « ${marker} » enregistré avec ${field} = ${JSON.stringify(doc[field])} au lieu de ${JSON.stringify(value)}`
      }
    }
    return null
  }

/** Creates a throw-away document, lets the actor try to delete it, checks it is gone (or still there), and always cleans up. */
async function deleteVictim(payload: Payload, collection: string, victim: { id: Id }, user: Doc | undefined) {
  try {
    return await write(
      () => payload.delete({ ...asUser(user), collection: collection as 'news', id: victim.id }),
      gone(payload, collection, victim.id),
      stillThere(payload, collection, victim.id),
    )
  } finally {
    await payload.delete({ ...system, collection: collection as 'news', where: { id: { equals: victim.id } } }).catch(() => {})
  }
}

function siteContentOps(collection: 'news' | 'pages'): Record<string, Operation> {
  const siteField = collection === 'news' ? 'originSite' : 'site'
  const fixture = (fx: Fixtures, scope: CellScope) => fx[collection][siteScope(scope)]
  const make = collection === 'news' ? createNews : createPage
  return {
    create: async ({ payload, fx, user, scope }) => {
      const slug = unique('creee')
      const site = fx.site[siteScope(scope)]
      return write(
        () =>
          payload.create({
            ...asUser(user),
            collection,
            draft: true,
            data: { title: 'Créée', slug, [siteField]: site, publishedAt: new Date().toISOString(), _status: 'draft' } as never,
          }),
        createdWith(payload, collection, 'slug', slug, { title: 'Créée', [siteField]: site, _status: 'draft' }, true),
        noneWith(payload, collection, 'slug', slug),
      )
    },
    read: async ({ payload, fx, user, scope }) => {
      const doc = await payload.findByID({ ...asUser(user), collection, id: fixture(fx, scope).published, draft: false })
      return Boolean(doc?.id)
    },
    readDraft: async ({ payload, fx, user, scope }) => {
      const doc = await payload.findByID({ ...asUser(user), collection, id: fixture(fx, scope).draftOnly, draft: true })
      return (doc as { _status?: string })?._status === 'draft'
    },
    // A draft save of a published document: the latest version changes, the live one does not.
    saveDraft: async ({ payload, fx, user, scope }) => {
      const id = fixture(fx, scope).published
      const title = `Brouillon modifié ${unique('b')}`
      return write(
        () => payload.update({ ...asUser(user), collection, id, draft: true, data: { title } as never }),
        all(fieldIs(payload, collection, id, 'title', title, true), fieldIsNot(payload, collection, id, 'title', title, false)),
        fieldIsNot(payload, collection, id, 'title', title, true),
      )
    },
    // Each cell publishes its own draft-only document, so no cell sees another's result.
    publish: async ({ payload, fx, user, scope }) => {
      const victim = await make(payload, fx.site[siteScope(scope)], 'draft')
      try {
        return await write(
          () => payload.update({ ...asUser(user), collection, id: victim.id, data: { _status: 'published' } as never }),
          fieldIs(payload, collection, victim.id, '_status', 'published'),
          fieldIs(payload, collection, victim.id, '_status', 'draft'),
        )
      } finally {
        await payload.delete({ ...system, collection, id: victim.id }).catch(() => {})
      }
    },
    delete: async ({ payload, fx, user, scope }) =>
      deleteVictim(payload, collection, await make(payload, fx.site[siteScope(scope)], 'published'), user),
    readVersions: async ({ payload, fx, user, scope }) => {
      const versions = await payload.findVersions({
        ...asUser(user),
        collection,
        where: { parent: { equals: fixture(fx, scope).published } },
      })
      return versions.docs.length > 0
    },
  }
}

export const OPERATIONS: Record<string, Record<string, Operation>> = {
  news: siteContentOps('news'),
  pages: siteContentOps('pages'),
  media: {
    read: async ({ payload, fx, user, scope }) =>
      Boolean((await payload.findByID({ ...asUser(user), collection: 'media', id: fx.media[siteScope(scope)] }))?.id),
    readUnused: async ({ payload, fx, user, scope }) =>
      Boolean((await payload.findByID({ ...asUser(user), collection: 'media', id: fx.unusedMedia[siteScope(scope)] }))?.id),
    update: async ({ payload, fx, user, scope }) => {
      const id = fx.media[siteScope(scope)]
      const credit = unique('Matrice')
      return write(
        () => payload.update({ ...asUser(user), collection: 'media', id, data: { credit } }),
        fieldIs(payload, 'media', id, 'credit', credit),
        fieldIsNot(payload, 'media', id, 'credit', credit),
      )
    },
    delete: async ({ payload, fx, user, scope }) =>
      deleteVictim(payload, 'media', await createMedia(payload, fx.site[siteScope(scope)]), user),
  },
  resources: {
    create: async ({ payload, fx, user, scope }) => {
      const name = unique('R')
      const site = fx.site[siteScope(scope)]
      return write(
        () =>
          payload.create({
            ...asUser(user),
            collection: 'resources',
            data: { name, category: 'other', sites: [site as number], reviewBy: '2030-01-01' } as never,
          }),
        createdWith(payload, 'resources', 'name', name, { sites: [site], category: 'other' }),
        noneWith(payload, 'resources', 'name', name),
      )
    },
    read: async ({ payload, fx, user, scope }) =>
      Boolean((await payload.findByID({ ...asUser(user), collection: 'resources', id: fx.resources[siteScope(scope)] }))?.id),
    update: async ({ payload, fx, user, scope }) => {
      const id = fx.resources[siteScope(scope)]
      const phone = `555-${String(counter++ % 10_000).padStart(4, '0')}`
      return write(
        () => payload.update({ ...asUser(user), collection: 'resources', id, data: { phone } }),
        fieldIs(payload, 'resources', id, 'phone', phone),
        fieldIsNot(payload, 'resources', id, 'phone', phone),
      )
    },
    delete: async ({ payload, fx, user, scope }) =>
      deleteVictim(payload, 'resources', await createResource(payload, fx.site[siteScope(scope)]), user),
  },
  sites: {
    read: async ({ payload, fx, user, scope }) =>
      Boolean((await payload.findByID({ ...asUser(user), collection: 'sites', id: fx.site[siteScope(scope)] }))?.id),
    update: async ({ payload, fx, user, scope }) => {
      const id = fx.site[siteScope(scope)]
      const tagline = `Slogan ${unique('s')}`
      return write(
        () => payload.update({ ...asUser(user), collection: 'sites', id, data: { tagline } }),
        fieldIs(payload, 'sites', id, 'tagline', tagline),
        fieldIsNot(payload, 'sites', id, 'tagline', tagline),
      )
    },
    // The victim stands where the scope says: `own` → a site on which the actor
    // holds their own role (given for this cell, then taken back), `hub` → a site
    // marked as hub, `other` → a site nobody belongs to.
    delete: async ({ payload, user, scope }) => {
      const victim = await createSite(payload, scope === 'hub')
      const memberships = ((user?.memberships as Membership[] | undefined) ?? []).map((m) => ({
        site: siteIdOf(m.site) as number,
        role: m.role,
      }))
      const member = scope === 'own' && user !== undefined && memberships.length > 0
      try {
        let actor = user
        if (member) {
          const rows = [...memberships, { site: victim.id as number, role: memberships[0]!.role }]
          await payload.update({ ...system, collection: 'users', id: user!.id, data: { memberships: rows } as never })
          actor = await stored(payload, 'users', user!.id)
          const held = (actor.memberships as Membership[]).some((m) => same(m.site, victim.id) && m.role === memberships[0]!.role)
          if (!held) throw new Error(`sites.delete : le rôle sur le site jetable n’a pas été enregistré pour ${String(user!.email)}`)
        }
        return await write(
          () => payload.delete({ ...asUser(actor), collection: 'sites', id: victim.id }),
          gone(payload, 'sites', victim.id),
          stillThere(payload, 'sites', victim.id),
        )
      } finally {
        if (member) await payload.update({ ...system, collection: 'users', id: user!.id, data: { memberships } as never })
        await payload.delete({ ...system, collection: 'sites', where: { id: { equals: victim.id } } }).catch(() => {})
      }
    },
  },
  users: {
    read: async ({ payload, fx, user, scope }) =>
      Boolean((await payload.findByID({ ...asUser(user), collection: 'users', id: fx.usersToRead[siteScope(scope)] }))?.id),
  },
  'syndication-decisions': {
    answer: async ({ payload, fx, user, scope }) => {
      const site = fx.site[siteScope(scope)]
      const mine = { and: [{ news: { equals: fx.proposal } }, { site: { equals: site } }] }
      return write(
        () =>
          payload.create({
            ...asUser(user),
            collection: 'syndication-decisions',
            data: { news: fx.proposal as number, site: site as number, decision: 'accepted' },
          }),
        async () => {
          const found = (await payload.find({ ...system, collection: 'syndication-decisions', where: mine as never, depth: 0 })).docs
          if (found.length !== 1) return `${found.length} réponse(s) enregistrée(s) au lieu d’une`
          await payload.delete({ ...system, collection: 'syndication-decisions', id: found[0]!.id })
          return found[0]!.decision === 'accepted' ? null : `réponse enregistrée « ${found[0]!.decision} »`
        },
        async () => {
          const n = await countWhere(payload, 'syndication-decisions', mine)
          return n === 0 ? null : `${n} réponse(s) enregistrée(s)`
        },
      )
    },
  },
  redirects: {
    read: async ({ payload, fx, user, scope }) =>
      Boolean((await payload.findByID({ ...asUser(user), collection: 'redirects', id: fx.redirects[siteScope(scope)] }))?.id),
    create: async ({ payload, fx, user, scope }) => {
      const from = `/${unique('ancienne')}/`
      const site = fx.site[siteScope(scope)]
      return write(
        () => payload.create({ ...asUser(user), collection: 'redirects', data: { from, to: '/nouvelle/', site: site as number } }),
        createdWith(payload, 'redirects', 'from', from, { to: '/nouvelle/', site }),
        noneWith(payload, 'redirects', 'from', from),
      )
    },
    update: async ({ payload, fx, user, scope }) => {
      const id = fx.redirects[siteScope(scope)]
      const to = `/${unique('cible')}/`
      return write(
        () => payload.update({ ...asUser(user), collection: 'redirects', id, data: { to } }),
        fieldIs(payload, 'redirects', id, 'to', to),
        fieldIsNot(payload, 'redirects', id, 'to', to),
      )
    },
    delete: async ({ payload, fx, user, scope }) =>
      deleteVictim(payload, 'redirects', await createRedirect(payload, fx.site[siteScope(scope)]), user),
  },
  categories: {
    read: async ({ payload, fx, user }) =>
      Boolean((await payload.findByID({ ...asUser(user), collection: 'categories', id: fx.category }))?.id),
    create: async ({ payload, user }) => {
      const slug = unique('categorie-creee')
      return write(
        () => payload.create({ ...asUser(user), collection: 'categories', data: { title: `Créée ${slug}`, slug } }),
        createdWith(payload, 'categories', 'slug', slug, { title: `Créée ${slug}` }),
        noneWith(payload, 'categories', 'slug', slug),
      )
    },
    update: async ({ payload, fx, user }) => {
      const title = `Renommée ${unique('c')}`
      return write(
        () => payload.update({ ...asUser(user), collection: 'categories', id: fx.category, data: { title } }),
        fieldIs(payload, 'categories', fx.category, 'title', title),
        fieldIsNot(payload, 'categories', fx.category, 'title', title),
      )
    },
    delete: async ({ payload, user }) => deleteVictim(payload, 'categories', await createCategory(payload), user),
  },
}
