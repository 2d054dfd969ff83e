// The same access matrix as the CMS's Local API test, through the REST API of
// the started CMS, signed in as each demo account (or anonymous).
import { ACCOUNTS, cells, type Actor } from '@cles/cms/access-matrix'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { RestClient } from '../src/restClient.ts'
import { prepareRestFixtures, REST_OPERATIONS, type RestFixtures } from '../src/restMatrix.ts'

const cmsUrl = inject('cmsUrl')
const password = inject('password')
const clients = {} as Record<Actor, RestClient>
let fx: RestFixtures

beforeAll(async () => {
  clients.anonymous = new RestClient(cmsUrl)
  for (const [actor, email] of Object.entries(ACCOUNTS)) clients[actor as Actor] = await RestClient.login(cmsUrl, email, password)
  fx = await prepareRestFixtures(clients.networkAdmin)
})

describe('access matrix (REST API of the started CMS)', () => {
  it('allows and denies exactly as the table says', async () => {
    const all = cells()
    const mismatches: string[] = []
    for (const cell of all) {
      const op = REST_OPERATIONS[cell.collection]![cell.operation]!
      const got = await op({ client: clients[cell.actor], admin: clients.networkAdmin, fx, scope: cell.scope, actor: cell.actor })
      if (got !== cell.allowed) {
        mismatches.push(`${cell.collection}.${cell.operation} · ${cell.actor} · ${cell.scope}: attendu ${cell.allowed ? 'autorisé' : 'refusé'}, obtenu ${got ? 'autorisé' : 'refusé'}`)
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
    const first = await fetch(`${cmsUrl}/api${path}`)
    const second = await fetch(`${cmsUrl}/api${path}`)
    expect(second.headers.get('x-cles-cache')).toBe('hit')
    expect(await second.json()).toEqual(await first.json())
    const patched = await clients.networkAdmin.request('PATCH', `/news/${fx.news.hub.published}`, { title: 'Titre changé à l’instant', _status: 'published' })
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
