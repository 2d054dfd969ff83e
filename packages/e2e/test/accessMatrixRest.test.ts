// The same access matrix as the CMS's Local API test, through the REST API of
// the started CMS, signed in as each demo account (or anonymous).
// The operations of src/restMatrix.ts cover the first collections of the table;
// the cells added later (media.readUnused, redirects, categories, and sites.delete
// made scope-aware) are performed here, each write followed by a look at the
// stored state through the network admin (carried out → stored, refused → unchanged).
import { ACCOUNTS, cells, type Actor, type CellScope, type ExtraFixtures, type Scope } from '@cles/cms/access-matrix'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { allowedFromStatus, RestClient } from '../src/restClient.ts'
import { mediaForm, ok, prepareRestFixtures, REST_OPERATIONS, SCOPES, unique, type RestFixtures } from '../src/restMatrix.ts'

type Id = number | string
type Answer = { status: number; json: Record<string, unknown> }
type Fixtures = RestFixtures & ExtraFixtures<Id>
type Operation = (ctx: { client: RestClient; admin: RestClient; fx: Fixtures; scope: CellScope; actor: Actor }) => Promise<boolean>

const cmsUrl = inject('cmsUrl')
const password = inject('password')
const clients = {} as Record<Actor, RestClient>
let fx: Fixtures

/** Fixtures for the cells added to the table after src/restMatrix.ts was written. */
async function prepareExtraFixtures(admin: RestClient, base: RestFixtures): Promise<Fixtures> {
  const unusedMedia = {} as Fixtures['unusedMedia']
  const redirects = {} as Fixtures['redirects']
  for (const scope of SCOPES) {
    // Readers get an upload once published content uses it: the scope's image becomes the hero of its published item.
    await ok(admin.request('PATCH', `/news/${base.news[scope].published}`, { hero: base.media[scope] }), 'hero')
    unusedMedia[scope] = (await ok(admin.request('POST', '/media', mediaForm(base.site[scope])), 'unused media')).id
    redirects[scope] = (
      await ok(
        admin.request('POST', '/redirects', { from: `/${unique('ancienne')}/`, to: '/nouvelle/', site: base.site[scope] }),
        'redirect',
      )
    ).id
  }
  const slug = unique('categorie')
  const category = (await ok(admin.request('POST', '/categories', { title: `Catégorie ${slug}`, slug }), 'category')).id
  return { ...base, unusedMedia, redirects, category }
}

/** The answer and the stored state disagree. */
class StoredStateError extends Error {
  override name = 'StoredStateError'
}

type Check = () => Promise<string | null>

/** Sends a write as the actor, then checks the stored state through the admin. */
async function write(what: string, call: Promise<Answer>, applied: Check, untouched: Check): Promise<boolean> {
  const { status, json } = await call
  const carriedOut = allowedFromStatus(status, json, what)
  const problem = carriedOut ? await applied() : await untouched()
  if (problem) throw new StoredStateError(`${carriedOut ? 'accepté' : 'refusé'}, mais ${problem}`)
  return carriedOut
}

const siteScope = (scope: CellScope): Scope => {
  if (scope === 'network') throw new Error('opération liée à un site appelée pour une cellule « network »')
  return scope
}
const idOf = (value: unknown) => (value && typeof value === 'object' ? (value as { id: Id }).id : value) as Id
const stored = async (admin: RestClient, collection: string, id: Id) => admin.request('GET', `/${collection}/${id}?depth=0`)
const gone =
  (admin: RestClient, collection: string, id: Id): Check =>
  async () =>
    (await stored(admin, collection, id)).status === 404 ? null : `${collection} #${id} existe toujours`
const stillThere =
  (admin: RestClient, collection: string, id: Id): Check =>
  async () =>
    (await stored(admin, collection, id)).status === 200 ? null : `${collection} #${id} a disparu`
const fieldIs =
  (admin: RestClient, collection: string, id: Id, field: string, value: string): Check =>
  async () => {
    const got = (await stored(admin, collection, id)).json[field]
    return got === value ? null : `${collection} #${id}.${field} vaut « ${String(got)} » au lieu de « ${value} »`
  }
const fieldIsNot =
  (admin: RestClient, collection: string, id: Id, field: string, value: string): Check =>
  async () =>
    (await stored(admin, collection, id)).json[field] === value ? `${collection} #${id}.${field} a été changé en « ${value} »` : null
const findBy = async (admin: RestClient, collection: string, field: string, value: string) =>
  ((await admin.request('GET', `/${collection}?where[${field}][equals]=${encodeURIComponent(value)}&depth=0`)).json.docs ?? []) as ({
    id: Id
  } & Record<string, unknown>)[]
/** Exactly one document with `field` = `value`, holding `expected`; removed afterwards. */
const createdWith =
  (admin: RestClient, collection: string, field: string, value: string, expected: Record<string, unknown>): Check =>
  async () => {
    const docs = await findBy(admin, collection, field, value)
    if (docs.length !== 1) return `${docs.length} document(s) ${collection} « ${value} » enregistré(s) au lieu d’un`
    await admin.request('DELETE', `/${collection}/${docs[0]!.id}`)
    for (const [key, want] of Object.entries(expected)) {
      if (String(idOf(docs[0]![key])) !== String(want))
        return `${collection} « ${value} » enregistré avec ${key} = ${JSON.stringify(docs[0]![key])} au lieu de ${JSON.stringify(want)}`
    }
    return null
  }
const noneWith =
  (admin: RestClient, collection: string, field: string, value: string): Check =>
  async () => {
    const n = (await findBy(admin, collection, field, value)).length
    return n === 0 ? null : `${n} document(s) ${collection} « ${value} » enregistré(s)`
  }
const read =
  (collection: string, id: (fx: Fixtures, scope: CellScope) => Id): Operation =>
  async ({ client, fx, scope }) => {
    const { status, json } = await client.request('GET', `/${collection}/${id(fx, scope)}`)
    return allowedFromStatus(status, json, `${collection}.read`)
  }
async function deleteVictim(client: RestClient, admin: RestClient, collection: string, victim: Id) {
  try {
    return await write(
      `${collection}.delete`,
      client.request('DELETE', `/${collection}/${victim}`),
      gone(admin, collection, victim),
      stillThere(admin, collection, victim),
    )
  } finally {
    await admin.request('DELETE', `/${collection}/${victim}`)
  }
}

const EXTRA_OPERATIONS: Record<string, Record<string, Operation>> = {
  media: {
    readUnused: read('media', (fx, scope) => fx.unusedMedia[siteScope(scope)]),
  },
  redirects: {
    read: read('redirects', (fx, scope) => fx.redirects[siteScope(scope)]),
    create: ({ client, admin, fx, scope }) => {
      const from = `/${unique('ancienne')}/`
      const site = fx.site[siteScope(scope)]
      return write(
        'redirects.create',
        client.request('POST', '/redirects', { from, to: '/nouvelle/', site }),
        createdWith(admin, 'redirects', 'from', from, { to: '/nouvelle/', site }),
        noneWith(admin, 'redirects', 'from', from),
      )
    },
    update: ({ client, admin, fx, scope }) => {
      const id = fx.redirects[siteScope(scope)]
      const to = `/${unique('cible')}/`
      return write(
        'redirects.update',
        client.request('PATCH', `/redirects/${id}`, { to }),
        fieldIs(admin, 'redirects', id, 'to', to),
        fieldIsNot(admin, 'redirects', id, 'to', to),
      )
    },
    delete: async ({ client, admin, fx, scope }) =>
      deleteVictim(
        client,
        admin,
        'redirects',
        (
          await ok(
            admin.request('POST', '/redirects', { from: `/${unique('victime')}/`, to: '/', site: fx.site[siteScope(scope)] }),
            'redirect victim',
          )
        ).id,
      ),
  },
  categories: {
    read: read('categories', (fx) => fx.category),
    create: ({ client, admin }) => {
      const slug = unique('categorie-creee')
      return write(
        'categories.create',
        client.request('POST', '/categories', { title: `Créée ${slug}`, slug }),
        createdWith(admin, 'categories', 'slug', slug, { title: `Créée ${slug}` }),
        noneWith(admin, 'categories', 'slug', slug),
      )
    },
    update: ({ client, admin, fx }) => {
      const title = `Renommée ${unique('c')}`
      return write(
        'categories.update',
        client.request('PATCH', `/categories/${fx.category}`, { title }),
        fieldIs(admin, 'categories', fx.category, 'title', title),
        fieldIsNot(admin, 'categories', fx.category, 'title', title),
      )
    },
    delete: async ({ client, admin }) => {
      const slug = unique('categorie-victime')
      return deleteVictim(
        client,
        admin,
        'categories',
        (await ok(admin.request('POST', '/categories', { title: `Victime ${slug}`, slug }), 'category victim')).id,
      )
    },
  },
  sites: {
    // The victim stands where the scope says: `own` → a site on which the actor
    // holds their own role (given for this cell, then taken back), `hub` → a site
    // marked as hub, `other` → a site nobody belongs to.
    delete: async ({ client, admin, scope, actor }) => {
      const victim = (
        await ok(
          admin.request('POST', '/sites', {
            name: 'Jetable',
            slug: unique('jetable'),
            domain: 'jetable.example',
            isHub: scope === 'hub',
            exitUrl: 'https://meteo.gc.ca/',
            brand: { primary: '#000000', accent: '#222222', background: '#ffffff', text: '#111111' },
          }),
          'site victim',
        )
      ).id
      let restore: (() => Promise<unknown>) | null = null
      try {
        if (scope === 'own' && actor !== 'anonymous') {
          const [account] = await findBy(admin, 'users', 'email', ACCOUNTS[actor])
          const rows = ((account?.memberships as { site: unknown; role: string }[] | undefined) ?? []).map((m) => ({
            site: idOf(m.site),
            role: m.role,
          }))
          if (account && rows.length) {
            await ok(
              admin.request('PATCH', `/users/${account.id}`, { memberships: [...rows, { site: victim, role: rows[0]!.role }] }),
              'membership on the victim',
            )
            restore = () => ok(admin.request('PATCH', `/users/${account.id}`, { memberships: rows }), 'memberships restored')
          }
        }
        return await write(
          'sites.delete',
          client.request('DELETE', `/sites/${victim}`),
          gone(admin, 'sites', victim),
          stillThere(admin, 'sites', victim),
        )
      } finally {
        if (restore) await restore()
        await admin.request('DELETE', `/sites/${victim}`)
      }
    },
  },
}

/** The operation for a cell: one added here, else the shared REST driver's (site scopes only). */
function operationFor(collection: string, operation: string): Operation {
  const extra = EXTRA_OPERATIONS[collection]?.[operation]
  if (extra) return extra
  const shared = REST_OPERATIONS[collection]?.[operation]
  if (!shared) throw new Error(`matrice REST : pas d’opération pour ${collection}.${operation}`)
  return (ctx) => shared({ ...ctx, scope: siteScope(ctx.scope) })
}

beforeAll(async () => {
  clients.anonymous = new RestClient(cmsUrl)
  for (const [actor, email] of Object.entries(ACCOUNTS)) clients[actor as Actor] = await RestClient.login(cmsUrl, email, password)
  fx = await prepareExtraFixtures(clients.networkAdmin, await prepareRestFixtures(clients.networkAdmin))
})

describe('access matrix (REST API of the started CMS)', () => {
  it('allows and denies exactly as the table says', async () => {
    const all = cells()
    const mismatches: string[] = []
    for (const cell of all) {
      const op = operationFor(cell.collection, cell.operation)
      const where = `${cell.collection}.${cell.operation} · ${cell.actor} · ${cell.scope}`
      try {
        const got = await op({ client: clients[cell.actor], admin: clients.networkAdmin, fx, scope: cell.scope, actor: cell.actor })
        if (got !== cell.allowed)
          mismatches.push(`${where}: attendu ${cell.allowed ? 'autorisé' : 'refusé'}, obtenu ${got ? 'autorisé' : 'refusé'}`)
      } catch (error) {
        if (!(error instanceof StoredStateError)) throw error
        mismatches.push(`${where}: état enregistré incohérent : ${error.message}`)
      }
    }
    console.log(`[matrice d’accès] ${all.length} cellules vérifiées par l’API REST, ${mismatches.length} écart(s)`)
    expect(mismatches).toEqual([])
  })

  it('never gives anonymous readers drafts or versions, even when asked', async () => {
    const anon = clients.anonymous
    const created = await clients.networkAdmin.request('POST', '/news?draft=true', {
      title: 'Brouillon confidentiel',
      slug: `brouillon-confidentiel-${Date.now()}`,
      originSite: fx.site.own,
      publishedAt: new Date().toISOString(),
      _status: 'draft',
    })
    const draftId = (created.json.doc as { id: number }).id
    const draft = await anon.request('GET', `/news/${draftId}?draft=true`)
    expect([403, 404]).toContain(draft.status)
    expect(JSON.stringify(draft.json)).not.toContain('Brouillon confidentiel')
    const list = await anon.request('GET', '/news?draft=true&limit=200&depth=0')
    expect((list.json.docs as { _status: string }[]).every((d) => d._status === 'published')).toBe(true)
    expect(JSON.stringify(list.json)).not.toContain('Brouillon confidentiel')
    const versions = await anon.request('GET', '/news/versions')
    expect([401, 403]).toContain(versions.status)
    const graphql = await anon.request('POST', '/graphql', { query: '{ __typename }' })
    expect(graphql.status).toBe(404)
  })

  it('serves anonymous reads from the micro-cache, cleared by any write', async () => {
    const path = `/news/${fx.news.hub.published}?depth=0`
    // Any write anywhere in the CMS clears the cache (jobs and other tests' writes included): a read
    // right after another one is a hit unless such a write fell in between, so a few tries are allowed.
    let pair: [Response, Response] | undefined
    for (let attempt = 0; attempt < 5 && !pair; attempt++) {
      const first = await fetch(`${cmsUrl}/api${path}`)
      const second = await fetch(`${cmsUrl}/api${path}`)
      if (second.headers.get('x-cles-cache') === 'hit') pair = [first, second]
    }
    expect(pair, 'aucune lecture anonyme servie par le cache en 5 essais').toBeDefined()
    expect(await pair![1].json()).toEqual(await pair![0].json())
    const patched = await clients.networkAdmin.request('PATCH', `/news/${fx.news.hub.published}`, {
      title: 'Titre changé à l’instant',
      _status: 'published',
    })
    expect(patched.status).toBe(200)
    const after = await fetch(`${cmsUrl}/api${path}`)
    expect(after.status).toBe(200)
    expect(after.headers.get('x-cles-cache')).toBe('miss')
    expect(((await after.json()) as { title: string }).title).toBe('Titre changé à l’instant')
    // Signed-in staff always bypass the cache.
    const staff = await fetch(`${cmsUrl}/api${path}`, { headers: { Authorization: `JWT ${clients.networkAdmin.token}` } })
    expect(staff.headers.get('x-cles-cache')).toBeNull()
  })
})
