// Cross-site request forgery: the session cookie counts only when the request
// comes from the CMS's own pages (Payload's csrf list, lib/origins.ts). A page
// elsewhere, a sibling subdomain included, gets the answers of an anonymous
// visitor and changes nothing.
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { trustedOrigins } from '../src/lib/origins'
import type { News } from '../src/payload-types'
import { restClient } from './helpers/rest'
import { createStaff, createTestSite, startTempCms, type TempCms } from './helpers/tempCms'

let cms: TempCms
let payload: Payload
let editor: Awaited<ReturnType<typeof createStaff>>
let news: News
let rest: ReturnType<typeof restClient>['rest']

beforeAll(async () => {
  process.env.CLES_PUBLISHER_URL = 'http://127.0.0.1:9'
  cms = await startTempCms()
  payload = cms.payload
  const site = (await createTestSite(payload, 'site-csrf')) as { id: number }
  editor = await createStaff(payload, 'editor@csrf.example', site.id, 'site-editor')
  news = await payload.create({
    collection: 'news',
    data: { title: 'Intacte', slug: 'intacte', originSite: site.id, _status: 'draft' } as News,
    draft: true,
    overrideAccess: true,
  })
  rest = restClient(payload, 'a-long-password-1').rest
})
afterAll(async () => cms?.close())

const me = async (headers: Record<string, string>, asCookie = true) =>
  ((await rest('GET', '/users/me', { user: editor, asCookie, headers })).body.user as { email?: string } | null)?.email ?? null

describe('the session cookie from another origin', () => {
  it.each(['https://evil.example', 'https://autre.lacles.org', 'http://localhost:3001', 'null'])('is ignored from %s', async (origin) => {
    expect(await me({ origin })).toBeNull()
    const attempt = await rest('PATCH', `/news/${news.id}?draft=true`, {
      user: editor,
      asCookie: true,
      headers: { origin },
      body: { title: 'Piégée' },
    })
    expect(attempt.status).toBe(403)
    const stored = await payload.findByID({ collection: 'news', id: news.id, draft: true, depth: 0 })
    expect(stored.title).toBe('Intacte')
  })

  it('counts from the CMS’s own pages, and without Origin only for same-site navigations', async () => {
    expect(await me({ origin: 'http://localhost:3000' })).toBe('editor@csrf.example')
    expect(await me({ origin: 'http://127.0.0.1:3000' })).toBe('editor@csrf.example')
    expect(await me({ 'sec-fetch-site': 'same-origin' })).toBe('editor@csrf.example')
    expect(await me({ 'sec-fetch-site': 'cross-site' })).toBeNull()
    // The same write the foreign pages tried, from the CMS's own page: it goes through.
    const edit = await rest('PATCH', `/news/${news.id}?draft=true`, {
      user: editor,
      asCookie: true,
      headers: { origin: 'http://localhost:3000' },
      body: { title: 'Corrigée' },
    })
    expect(edit.status).toBe(200)
    expect((await payload.findByID({ collection: 'news', id: news.id, draft: true, depth: 0 })).title).toBe('Corrigée')
  })

  it('a token sent in the Authorization header is not a cookie: a foreign page cannot have it, so it is accepted', async () => {
    expect(await me({ origin: 'https://evil.example' }, false)).toBe('editor@csrf.example')
  })
})

describe('trustedOrigins', () => {
  it('in production with a public address, only that address', () => {
    expect(trustedOrigins({ NODE_ENV: 'production', CLES_SERVER_URL: 'https://cms.lacles.org/admin', PORT: '3000' })).toEqual([
      'https://cms.lacles.org',
    ])
  })
  it('without one (npm start, tests), the local addresses on the CMS port', () => {
    expect(trustedOrigins({ NODE_ENV: 'production', PORT: '4100' })).toEqual(['http://localhost:4100', 'http://127.0.0.1:4100'])
  })
})
