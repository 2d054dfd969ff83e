// The access-matrix operations over the real REST API of a started CMS.
import type { Actor, Scope, ScopedFixtures } from '@cles/cms/access-matrix'
import { SCOPE_SITES } from '@cles/cms/access-matrix'
import { allowedFromStatus, type RestClient } from './restClient.ts'

type Id = number | string
let counter = 0
export const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${counter++}`
export const SCOPES: Scope[] = ['own', 'other', 'hub']

export type RestFixtures = ScopedFixtures<Id>

// A 1×1 PNG, enough for an upload.
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360f8cfc0f01f0005000201e2217bc70000000049454e44ae426082',
  'hex',
)

/** The created or updated document of a write that must succeed (fixture set-up). */
export async function ok(call: Promise<{ status: number; json: Record<string, unknown> }>, what: string) {
  const { status, json } = await call
  if (status >= 300) throw new Error(`${what} : ${status} ${JSON.stringify(json).slice(0, 300)}`)
  return (json.doc ?? json) as { id: Id } & Record<string, unknown>
}

/** An upload form: a 1×1 PNG for `site`. */
export const mediaForm = (site: Id) => {
  const form = new FormData()
  form.append('file', new Blob([PNG], { type: 'image/png' }), `${unique('carre')}.png`)
  form.append('_payload', JSON.stringify({ alt: 'Carré', site }))
  return form
}

export async function prepareRestFixtures(admin: RestClient): Promise<RestFixtures> {
  const site = {} as RestFixtures['site']
  for (const scope of SCOPES) {
    const { json } = await admin.request('GET', `/sites?where[slug][equals]=${SCOPE_SITES[scope]}&depth=0`)
    site[scope] = (json.docs as { id: Id }[])[0]!.id
  }
  const fx = { site, news: {}, pages: {}, media: {}, resources: {}, usersToRead: {} } as RestFixtures
  for (const scope of SCOPES) {
    const newsData = (status: string) => ({
      title: `Matrice ${status}`,
      slug: unique('matrice'),
      originSite: site[scope],
      publishedAt: new Date().toISOString(),
      _status: status,
    })
    fx.news[scope] = {
      published: (await ok(admin.request('POST', '/news', newsData('published')), 'news')).id,
      draftOnly: (await ok(admin.request('POST', '/news?draft=true', newsData('draft')), 'news draft')).id,
    }
    const pageData = (status: string) => ({ title: `Page ${status}`, slug: unique('page'), site: site[scope], _status: status })
    fx.pages[scope] = {
      published: (await ok(admin.request('POST', '/pages', pageData('published')), 'page')).id,
      draftOnly: (await ok(admin.request('POST', '/pages?draft=true', pageData('draft')), 'page draft')).id,
    }
    fx.media[scope] = (await ok(admin.request('POST', '/media', mediaForm(site[scope])), 'media')).id
    fx.resources[scope] = (
      await ok(
        admin.request('POST', '/resources', { name: unique('R'), category: 'other', sites: [site[scope]], reviewBy: '2030-01-01' }),
        'resource',
      )
    ).id
    fx.usersToRead[scope] = (
      await ok(
        admin.request('POST', '/users', {
          email: `${unique('lecture')}@${SCOPE_SITES[scope]}.example`,
          password: 'a-long-password-1',
          memberships: [{ site: site[scope], role: 'contributor' }],
        }),
        'user',
      )
    ).id
  }
  fx.proposal = (
    await ok(
      admin.request('POST', '/news', {
        title: 'Proposition',
        slug: unique('proposition'),
        originSite: site.hub,
        publishedAt: new Date().toISOString(),
        targetSites: [site.own, site.other],
        _status: 'published',
      }),
      'proposal',
    )
  ).id
  return fx
}

export type RestOperation = (ctx: {
  client: RestClient
  admin: RestClient
  fx: RestFixtures
  scope: Scope
  actor: Actor
}) => Promise<boolean>

const check = async (call: Promise<{ status: number; json: Record<string, unknown> }>, what: string) => {
  const { status, json } = await call
  return allowedFromStatus(status, json, what)
}

async function withVictim(admin: RestClient, collection: string, create: () => Promise<Id>, act: (id: Id) => Promise<boolean>) {
  const id = await create()
  try {
    return await act(id)
  } finally {
    await admin.request('DELETE', `/${collection}/${id}`)
  }
}

function siteContentOps(collection: 'news' | 'pages'): Record<string, RestOperation> {
  const siteField = collection === 'news' ? 'originSite' : 'site'
  return {
    create: ({ client, fx, scope }) =>
      check(
        client.request('POST', `/${collection}?draft=true`, {
          title: 'Créée',
          slug: unique('creee'),
          [siteField]: fx.site[scope],
          publishedAt: new Date().toISOString(),
          _status: 'draft',
        }),
        `${collection}.create`,
      ),
    read: async ({ client, fx, scope }) =>
      check(client.request('GET', `/${collection}/${fx[collection][scope].published}`), `${collection}.read`),
    readDraft: async ({ client, fx, scope }) => {
      const { status, json } = await client.request('GET', `/${collection}/${fx[collection][scope].draftOnly}?draft=true`)
      return allowedFromStatus(status, json, `${collection}.readDraft`) && json._status === 'draft'
    },
    saveDraft: ({ client, fx, scope }) =>
      check(
        client.request('PATCH', `/${collection}/${fx[collection][scope].published}?draft=true`, { title: 'Brouillon modifié' }),
        `${collection}.saveDraft`,
      ),
    publish: ({ client, fx, scope }) =>
      check(
        client.request('PATCH', `/${collection}/${fx[collection][scope].draftOnly}`, { _status: 'published' }),
        `${collection}.publish`,
      ),
    delete: ({ client, admin, fx, scope }) =>
      withVictim(
        admin,
        collection,
        async () =>
          (
            await ok(
              admin.request('POST', `/${collection}`, {
                title: 'Victime',
                slug: unique('victime'),
                [siteField]: fx.site[scope],
                publishedAt: new Date().toISOString(),
                _status: 'published',
              }),
              'victim',
            )
          ).id,
        (id) => check(client.request('DELETE', `/${collection}/${id}`), `${collection}.delete`),
      ),
    readVersions: async ({ client, fx, scope }) => {
      const { status, json } = await client.request(
        'GET',
        `/${collection}/versions?where[parent][equals]=${fx[collection][scope].published}`,
      )
      return allowedFromStatus(status, json, `${collection}.readVersions`) && (json.docs as unknown[]).length > 0
    },
  }
}

export const REST_OPERATIONS: Record<string, Record<string, RestOperation>> = {
  news: siteContentOps('news'),
  pages: siteContentOps('pages'),
  media: {
    read: ({ client, fx, scope }) => check(client.request('GET', `/media/${fx.media[scope]}`), 'media.read'),
    update: ({ client, fx, scope }) => check(client.request('PATCH', `/media/${fx.media[scope]}`, { credit: 'Matrice' }), 'media.update'),
    delete: ({ client, admin, fx, scope }) =>
      withVictim(
        admin,
        'media',
        async () => (await ok(admin.request('POST', '/media', mediaForm(fx.site[scope])), 'media victim')).id,
        (id) => check(client.request('DELETE', `/media/${id}`), 'media.delete'),
      ),
  },
  resources: {
    create: ({ client, fx, scope }) =>
      check(
        client.request('POST', '/resources', { name: unique('R'), category: 'other', sites: [fx.site[scope]], reviewBy: '2030-01-01' }),
        'resources.create',
      ),
    read: ({ client, fx, scope }) => check(client.request('GET', `/resources/${fx.resources[scope]}`), 'resources.read'),
    update: ({ client, fx, scope }) =>
      check(client.request('PATCH', `/resources/${fx.resources[scope]}`, { phone: '555-0199' }), 'resources.update'),
    delete: ({ client, admin, fx, scope }) =>
      withVictim(
        admin,
        'resources',
        async () =>
          (
            await ok(
              admin.request('POST', '/resources', {
                name: unique('V'),
                category: 'other',
                sites: [fx.site[scope]],
                reviewBy: '2030-01-01',
              }),
              'resource victim',
            )
          ).id,
        (id) => check(client.request('DELETE', `/resources/${id}`), 'resources.delete'),
      ),
  },
  sites: {
    read: ({ client, fx, scope }) => check(client.request('GET', `/sites/${fx.site[scope]}`), 'sites.read'),
    update: ({ client, fx, scope }) =>
      check(client.request('PATCH', `/sites/${fx.site[scope]}`, { tagline: 'Slogan modifié' }), 'sites.update'),
    delete: ({ client, admin }) =>
      withVictim(
        admin,
        'sites',
        async () =>
          (
            await ok(
              admin.request('POST', '/sites', {
                name: 'Jetable',
                slug: unique('jetable'),
                domain: 'jetable.example',
                exitUrl: 'https://meteo.gc.ca/',
                brand: { primary: '#000000', accent: '#222222', background: '#ffffff', text: '#111111' },
              }),
              'site victim',
            )
          ).id,
        (id) => check(client.request('DELETE', `/sites/${id}`), 'sites.delete'),
      ),
  },
  users: {
    read: ({ client, fx, scope }) => check(client.request('GET', `/users/${fx.usersToRead[scope]}`), 'users.read'),
  },
  'syndication-decisions': {
    answer: async ({ client, admin, fx, scope }) => {
      const { status, json } = await client.request('POST', '/syndication-decisions', {
        news: fx.proposal,
        site: fx.site[scope],
        decision: 'accepted',
      })
      const allowed = allowedFromStatus(status, json, 'syndication-decisions.answer')
      if (allowed) await admin.request('DELETE', `/syndication-decisions/${(json.doc as { id: Id }).id}`)
      return allowed
    },
  },
}
