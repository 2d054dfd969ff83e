// Requests Payload's REST routes answered with a 500 or in English, over real
// HTTP (src/lib/apiRoutes.ts): deleting one's own admin preference, asking the
// versions of a collection that keeps none, duplicating a site, a second
// redirect from the same old path, an unknown API path. Each now gets a clear
// French 4xx and changes nothing it should not.
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHttpApi, type HttpApi } from './helpers/httpApi'
import { createStaff, createTestSite, startTempCms, type TempCms } from './helpers/tempCms'

let cms: TempCms
let payload: Payload
let api: HttpApi
let site: { id: number }
let other: { id: number }
const tokens: Record<string, string> = {}

async function call(method: string, path: string, who?: string, body?: unknown) {
  const headers: Record<string, string> = {}
  if (who) headers.authorization = `JWT ${tokens[who]}`
  if (body !== undefined) headers['content-type'] = 'application/json'
  const response = await fetch(`${api.url}/api${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
  const text = await response.text()
  return { status: response.status, body: JSON.parse(text) as { errors?: { message: string }[]; message?: string; doc?: { id: number } } }
}

const firstMessage = (body: { errors?: { message: string }[] }) => body.errors?.[0]?.message ?? ''

beforeAll(async () => {
  cms = await startTempCms()
  payload = cms.payload
  api = await startHttpApi(payload)
  site = await createTestSite(payload, 'lacunes')
  other = await createTestSite(payload, 'lacunes-autre')
  await createStaff(payload, 'a@lacunes.example', site.id, 'site-admin')
  await createStaff(payload, 'b@lacunes.example', site.id, 'site-editor')
  await payload.create({
    collection: 'users',
    data: { email: 'reseau@lacunes.example', password: 'a-long-password-1', globalRole: 'network-admin' },
  })
  for (const email of ['a@lacunes.example', 'b@lacunes.example', 'reseau@lacunes.example']) {
    tokens[email] = (await payload.login({ collection: 'users', data: { email, password: 'a-long-password-1' } })).token!
  }
}, 120_000)

afterAll(async () => {
  await api?.close()
  await cms?.close()
})

describe('admin preferences', () => {
  it('a person deletes their own preference only; the same key of someone else stays', async () => {
    for (const who of ['a@lacunes.example', 'b@lacunes.example']) {
      expect((await call('POST', '/payload-preferences/colonnes-news', who, { value: { who } })).status).toBe(200)
    }
    const deleted = await call('DELETE', '/payload-preferences/colonnes-news', 'a@lacunes.example')
    expect(deleted.status).toBe(200)
    expect(deleted.body.message).toBe('Préférence supprimée.')
    const again = await call('DELETE', '/payload-preferences/colonnes-news', 'a@lacunes.example')
    expect(again.status).toBe(404)
    expect(firstMessage(again.body)).toBe('Cette préférence n’existe pas.')
    const kept = await call('GET', '/payload-preferences/colonnes-news', 'b@lacunes.example')
    expect(kept.status).toBe(200)
    expect((kept.body as { value?: unknown }).value).toEqual({ who: 'b@lacunes.example' })
  })

  it('refuses an anonymous delete with 401', async () => {
    const anonymous = await call('DELETE', '/payload-preferences/colonnes-news')
    expect(anonymous.status).toBe(401)
    expect(firstMessage(anonymous.body)).toMatch(/^Connectez-vous/)
  })
})

describe('versions of a collection that keeps none', () => {
  it('answers 404 in French (sites, resources, categories), and news still lists its versions', async () => {
    for (const [method, path] of [
      ['GET', '/sites/versions'],
      ['GET', `/sites/versions/${site.id}`],
      ['GET', '/resources/versions/1'],
      ['POST', '/categories/versions/1'],
    ] as const) {
      const answer = await call(method, path, 'reseau@lacunes.example')
      expect(answer.status, `${method} ${path}`).toBe(404)
      expect(firstMessage(answer.body)).toBe('Ce type de contenu ne garde pas de versions.')
    }
    expect((await call('GET', '/news/versions?limit=1', 'reseau@lacunes.example')).status).toBe(200)
  })
})

describe('duplicates that would break a rule', () => {
  it('a site cannot be duplicated (it would share its slug and domain): no new site', async () => {
    const before = (await payload.count({ collection: 'sites' })).totalDocs
    const answer = await call('POST', `/sites/${site.id}/duplicate`, 'reseau@lacunes.example')
    expect(answer.status).toBeGreaterThanOrEqual(400)
    expect(answer.status).toBeLessThan(500)
    expect(firstMessage(answer.body)).not.toMatch(/[A-Z][a-z]+ not found/)
    expect((await payload.count({ collection: 'sites' })).totalDocs).toBe(before)
  })

  it('one redirect per old path and site: a duplicate or a second one is refused in French, another site may use the path', async () => {
    const first = await call('POST', '/redirects', 'a@lacunes.example', { from: '/ancienne/', to: '/nouvelle/', site: site.id })
    expect(first.status).toBe(201)
    const duplicate = await call('POST', `/redirects/${first.body.doc!.id}/duplicate`, 'a@lacunes.example')
    expect(duplicate.status).toBe(400)
    expect(JSON.stringify(duplicate.body)).toContain('Une redirection part déjà de /ancienne/ sur ce site')
    const second = await call('POST', '/redirects', 'a@lacunes.example', { from: '/ancienne/', to: '/autre/', site: site.id })
    expect(second.status).toBe(400)
    expect((await payload.count({ collection: 'redirects', where: { site: { equals: site.id } } })).totalDocs).toBe(1)
    // Changing the one redirect keeps its own path.
    expect((await call('PATCH', `/redirects/${first.body.doc!.id}`, 'a@lacunes.example', { to: '/encore/' })).status).toBe(200)
    const elsewhere = await call('POST', '/redirects', 'reseau@lacunes.example', { from: '/ancienne/', to: '/nouvelle/', site: other.id })
    expect(elsewhere.status).toBe(201)
  })
})

describe('an unknown API path', () => {
  it('answers 404 in French', async () => {
    const answer = await call('GET', '/pas-de-route-ici')
    expect(answer.status).toBe(404)
    expect(firstMessage(answer.body)).toBe('Adresse inconnue de l’API.')
  })
})
