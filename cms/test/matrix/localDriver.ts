// Performs each matrix operation through the Local API with overrideAccess: false,
// acting as the given user. Fixtures are created by the system (access off).
import sharp from 'sharp'
import type { Payload } from 'payload'
import type { Actor, Scope, ScopedFixtures } from './table'
import { ACCOUNTS, SCOPE_SITES } from './table'

type Id = number | string
type Doc = { id: Id } & Record<string, unknown>
const system = { overrideAccess: true } as const
let counter = 0
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${counter++}`

export interface Fixtures extends ScopedFixtures<Id> {
  users: Record<Exclude<Actor, 'anonymous'>, Doc>
}

async function tinyPng() {
  return sharp({ create: { width: 4, height: 4, channels: 3, background: '#336699' } }).png().toBuffer()
}

export async function prepareFixtures(payload: Payload): Promise<Fixtures> {
  const find = async (collection: string, where: object) =>
    ((await payload.find({ ...system, collection: collection as 'news', where: where as never, limit: 1, depth: 0 })).docs[0] as unknown as Doc)
  const site = {} as Fixtures['site']
  for (const scope of ['own', 'other', 'hub'] as Scope[]) site[scope] = (await find('sites', { slug: { equals: SCOPE_SITES[scope] } })).id
  const users = {} as Fixtures['users']
  for (const [actor, email] of Object.entries(ACCOUNTS)) {
    users[actor as keyof typeof ACCOUNTS] = (await payload.find({ ...system, collection: 'users', where: { email: { equals: email } }, depth: 0 })).docs[0] as unknown as Doc
  }
  const news = {} as Fixtures['news']
  const pages = {} as Fixtures['pages']
  const media = {} as Fixtures['media']
  const resources = {} as Fixtures['resources']
  const usersToRead = {} as Fixtures['usersToRead']
  for (const scope of ['own', 'other', 'hub'] as Scope[]) {
    news[scope] = {
      published: (await createNews(payload, site[scope], 'published')).id,
      draftOnly: (await createNews(payload, site[scope], 'draft')).id,
    }
    pages[scope] = {
      published: (await createPage(payload, site[scope], 'published')).id,
      draftOnly: (await createPage(payload, site[scope], 'draft')).id,
    }
    media[scope] = (await createMedia(payload, site[scope])).id
    resources[scope] = (await createResource(payload, site[scope])).id
    // An account that is nobody's own, with a membership on the scope's site.
    usersToRead[scope] = (
      await payload.create({
        ...system,
        collection: 'users',
        data: { email: `${unique('lecture')}@${SCOPE_SITES[scope]}.example`, password: 'a-long-password-1', memberships: [{ site: site[scope] as number, role: 'contributor' }] },
      })
    ).id
  }
  const proposal = (
    await payload.create({
      ...system,
      collection: 'news',
      data: { title: 'Proposition', slug: unique('proposition'), originSite: site.hub as number, publishedAt: new Date().toISOString(), targetSites: [site.own as number, site.other as number], _status: 'published' },
    })
  ).id
  return { site, users, news, pages, media, resources, usersToRead, proposal }
}

export const createNews = (payload: Payload, site: Id, status: 'published' | 'draft') =>
  payload.create({
    ...system,
    collection: 'news',
    draft: status === 'draft',
    data: { title: `Matrice ${status}`, slug: unique('matrice'), originSite: site as number, publishedAt: new Date().toISOString(), _status: status },
  })

export const createPage = (payload: Payload, site: Id, status: 'published' | 'draft') =>
  payload.create({ ...system, collection: 'pages', draft: status === 'draft', data: { title: `Page ${status}`, slug: unique('page'), site: site as number, _status: status } as never })

export const createMedia = async (payload: Payload, site: Id) => {
  const data = await tinyPng()
  return payload.create({ ...system, collection: 'media', data: { alt: 'Carré bleu', site: site as number }, file: { data, mimetype: 'image/png', name: `${unique('carre')}.png`, size: data.length } })
}

export const createResource = (payload: Payload, site: Id) =>
  payload.create({ ...system, collection: 'resources', data: { name: unique('Ressource'), category: 'other', sites: [site as number], reviewBy: '2030-01-01' } as never })

/** One operation for one cell: resolves to true when it was carried out, false when access denied it. */
export type Operation = (ctx: { payload: Payload; fx: Fixtures; user: Doc | undefined; scope: Scope }) => Promise<boolean>

const asUser = (user: Doc | undefined) => ({ overrideAccess: false, user }) as const

/** Creates a throw-away document, lets the actor try to delete it, and always cleans up. */
async function deleteVictim(payload: Payload, collection: string, victim: { id: Id }, user: Doc | undefined) {
  try {
    await payload.delete({ ...asUser(user), collection: collection as 'news', id: victim.id })
    return true
  } finally {
    await payload.delete({ ...system, collection: collection as 'news', where: { id: { equals: victim.id } } }).catch(() => {})
  }
}

function denied(error: unknown): boolean {
  const status = (error as { status?: number }).status
  return status === 403 || status === 404 || /Forbidden|NotFound|not allowed|Non autorisé|introuvable/i.test((error as Error).name + (error as Error).message)
}

/** Runs an operation; access errors mean "denied", any other error fails the test. */
export async function attempt(op: Operation, ctx: Parameters<Operation>[0]): Promise<boolean> {
  try {
    return await op(ctx)
  } catch (error) {
    if (denied(error)) return false
    throw error
  }
}

function siteContentOps(collection: 'news' | 'pages'): Record<string, Operation> {
  const siteField = collection === 'news' ? 'originSite' : 'site'
  const fixture = (fx: Fixtures, scope: Scope) => fx[collection][scope]
  const make = collection === 'news' ? createNews : createPage
  return {
    create: async ({ payload, fx, user, scope }) => {
      const doc = await payload.create({
        ...asUser(user),
        collection,
        draft: true,
        data: { title: 'Créée', slug: unique('creee'), [siteField]: fx.site[scope], publishedAt: new Date().toISOString(), _status: 'draft' } as never,
      })
      return Boolean(doc.id)
    },
    read: async ({ payload, fx, user, scope }) => {
      const doc = await payload.findByID({ ...asUser(user), collection, id: fixture(fx, scope).published, draft: false })
      return Boolean(doc?.id)
    },
    readDraft: async ({ payload, fx, user, scope }) => {
      const doc = await payload.findByID({ ...asUser(user), collection, id: fixture(fx, scope).draftOnly, draft: true })
      return (doc as { _status?: string })?._status === 'draft'
    },
    saveDraft: async ({ payload, fx, user, scope }) => {
      await payload.update({ ...asUser(user), collection, id: fixture(fx, scope).published, draft: true, data: { title: 'Brouillon modifié' } as never })
      return true
    },
    publish: async ({ payload, fx, user, scope }) => {
      await payload.update({ ...asUser(user), collection, id: fixture(fx, scope).draftOnly, data: { _status: 'published' } as never })
      // Put the fixture back to draft-only for the next cells.
      await payload.update({ ...system, collection, id: fixture(fx, scope).draftOnly, data: { _status: 'draft' } as never, draft: true })
      return true
    },
    delete: async ({ payload, fx, user, scope }) => deleteVictim(payload, collection, await make(payload, fx.site[scope], 'published'), user),
    readVersions: async ({ payload, fx, user, scope }) => {
      const versions = await payload.findVersions({ ...asUser(user), collection, where: { parent: { equals: fixture(fx, scope).published } } })
      return versions.docs.length > 0
    },
  }
}

export const OPERATIONS: Record<string, Record<string, Operation>> = {
  news: siteContentOps('news'),
  pages: siteContentOps('pages'),
  media: {
    read: async ({ payload, fx, user, scope }) => Boolean((await payload.findByID({ ...asUser(user), collection: 'media', id: fx.media[scope] }))?.id),
    update: async ({ payload, fx, user, scope }) => {
      await payload.update({ ...asUser(user), collection: 'media', id: fx.media[scope], data: { credit: 'Matrice' } })
      return true
    },
    delete: async ({ payload, fx, user, scope }) => deleteVictim(payload, 'media', await createMedia(payload, fx.site[scope]), user),
  },
  resources: {
    create: async ({ payload, fx, user, scope }) => {
      const doc = await payload.create({ ...asUser(user), collection: 'resources', data: { name: unique('R'), category: 'other', sites: [fx.site[scope] as number], reviewBy: '2030-01-01' } as never })
      return Boolean(doc.id)
    },
    read: async ({ payload, fx, user, scope }) => Boolean((await payload.findByID({ ...asUser(user), collection: 'resources', id: fx.resources[scope] }))?.id),
    update: async ({ payload, fx, user, scope }) => {
      await payload.update({ ...asUser(user), collection: 'resources', id: fx.resources[scope], data: { phone: '555-0199' } })
      return true
    },
    delete: async ({ payload, fx, user, scope }) => deleteVictim(payload, 'resources', await createResource(payload, fx.site[scope]), user),
  },
  sites: {
    read: async ({ payload, fx, user, scope }) => Boolean((await payload.findByID({ ...asUser(user), collection: 'sites', id: fx.site[scope] }))?.id),
    update: async ({ payload, fx, user, scope }) => {
      await payload.update({ ...asUser(user), collection: 'sites', id: fx.site[scope], data: { tagline: 'Slogan modifié' } })
      return true
    },
    delete: async ({ payload, user }) => {
      const victim = await payload.create({
        ...system,
        collection: 'sites',
        data: { name: 'Jetable', slug: unique('jetable'), domain: 'jetable.example', exitUrl: 'https://meteo.gc.ca/', brand: { primary: '#000000', accent: '#222222', background: '#ffffff', text: '#111111' } } as never,
      })
      try {
        await payload.delete({ ...asUser(user), collection: 'sites', id: victim.id })
        return true
      } finally {
        await payload.delete({ ...system, collection: 'sites', where: { id: { equals: victim.id } } }).catch(() => {})
      }
    },
  },
  users: {
    read: async ({ payload, fx, user, scope }) => Boolean((await payload.findByID({ ...asUser(user), collection: 'users', id: fx.usersToRead[scope] }))?.id),
  },
  'syndication-decisions': {
    answer: async ({ payload, fx, user, scope }) => {
      const doc = await payload.create({ ...asUser(user), collection: 'syndication-decisions', data: { news: fx.proposal as number, site: fx.site[scope] as number, decision: 'accepted' } })
      await payload.delete({ ...system, collection: 'syndication-decisions', id: doc.id })
      return true
    },
  },
}
