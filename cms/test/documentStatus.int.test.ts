// « En ligne sur » in the admin: for each site that shows a document, or was
// asked to, the state of the release that carried it, read from the
// publications the publisher records; nothing about a document a person
// cannot open.
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { News, User } from '../src/payload-types'
import { documentStatus } from '../src/publish/documentStatus'
import { startHttpApi, type HttpApi } from './helpers/httpApi'
import { createStaff, createTestSite, startTempCms, type TempCms, requestAs } from './helpers/tempCms'

let cms: TempCms
let payload: Payload
let hub: { id: number }
let marthe: { id: number }
let estrie: { id: number }
let comms: User
let martheEditor: User
let api: HttpApi

const asUser = (user: User) => requestAs(payload, user)

async function record(site: number, state: 'pending' | 'running' | 'live' | 'failed', newsId: number, extra: Record<string, unknown> = {}) {
  return payload.create({
    collection: 'publications',
    data: {
      site,
      state,
      requestedAt: new Date().toISOString(),
      reasons: [{ text: 'Publication', collection: 'news', document: String(newsId) }],
      ...extra,
    },
    overrideAccess: true,
  })
}

beforeAll(async () => {
  process.env.CLES_PUBLISHER_URL = 'http://127.0.0.1:9'
  cms = await startTempCms()
  payload = cms.payload
  hub = (await createTestSite(payload, 'hub', 'CLES')) as { id: number }
  await payload.update({ collection: 'sites', id: hub.id, data: { isHub: true } })
  marthe = (await createTestSite(payload, 'marthe', 'Maison de Marthe')) as { id: number }
  estrie = (await createTestSite(payload, 'estrie', 'CALACS Estrie')) as { id: number }
  comms = (await createStaff(payload, 'comms@status.example', hub.id, 'site-editor')) as User
  martheEditor = (await createStaff(payload, 'editor@marthe.example', marthe.id, 'site-editor')) as User
})
afterAll(async () => {
  await api?.close()
  await cms?.close()
})

describe('documentStatus', () => {
  it('per site: live with its time and address, proposal waiting, proposal declined, failure with its reason', async () => {
    const news = await payload.create({
      collection: 'news',
      data: {
        title: 'Nouvelle',
        slug: 'nouvelle',
        publishedAt: '2026-11-01T12:00:00.000Z',
        originSite: hub.id,
        targetSites: [marthe.id, estrie.id],
        _status: 'published',
      } as News,
      overrideAccess: true,
      context: { disablePublication: true },
    })
    await payload.create({
      collection: 'syndication-decisions',
      data: { news: news.id, site: estrie.id, decision: 'declined' },
      overrideAccess: true,
      context: { disablePublication: true },
    })
    await record(hub.id, 'live', news.id, { finishedAt: '2026-11-29T19:03:00.000Z' })
    const rows = await documentStatus(await asUser(comms), 'news', news.id)
    expect(rows).toEqual([
      { site: { id: hub.id, name: 'CLES' }, kind: 'live', at: '2026-11-29T19:03:00.000Z', url: 'https://hub.example/actualites/nouvelle/' },
      { site: { id: marthe.id, name: 'Maison de Marthe' }, kind: 'proposed' },
      { site: { id: estrie.id, name: 'CALACS Estrie' }, kind: 'declined' },
    ])

    // Marthe accepts: its site now shows it, and its release is under way, then fails.
    await payload.create({
      collection: 'syndication-decisions',
      data: { news: news.id, site: marthe.id, decision: 'accepted' },
      overrideAccess: true,
      context: { disablePublication: true },
    })
    const running = await record(marthe.id, 'running', news.id)
    expect((await documentStatus(await asUser(comms), 'news', news.id))?.[1]).toMatchObject({
      kind: 'publishing',
      url: 'https://marthe.example/actualites/nouvelle/',
    })
    await payload.update({
      collection: 'publications',
      id: running.id,
      data: {
        state: 'failed',
        error: 'La publication a échoué ; la version en ligne n’a pas changé.\nla construction du site a échoué (code 1)',
      },
      overrideAccess: true,
    })
    expect((await documentStatus(await asUser(comms), 'news', news.id))?.[1]).toMatchObject({
      kind: 'failed',
      error: 'La publication a échoué ; la version en ligne n’a pas changé. la construction du site a échoué (code 1)',
    })
  })

  it('a new draft without a slug yet (the admin’s « Créer ») has a status, not an error', async () => {
    const fresh = await payload.create({ collection: 'news', data: { originSite: hub.id } as News, draft: true, overrideAccess: true })
    expect(await documentStatus(await asUser(comms), 'news', fresh.id)).toEqual([{ site: { id: hub.id, name: 'CLES' }, kind: 'offline' }])
  })

  it('a draft is offline everywhere it would show', async () => {
    const draft = await payload.create({
      collection: 'news',
      data: { title: 'Brouillon', slug: 'brouillon', originSite: hub.id, _status: 'draft' } as News,
      draft: true,
      overrideAccess: true,
    })
    expect(await documentStatus(await asUser(comms), 'news', draft.id)).toEqual([{ site: { id: hub.id, name: 'CLES' }, kind: 'offline' }])
  })

  it('content published before any tracked release is live once its site has a release since its last change', async () => {
    const old = await payload.create({
      collection: 'news',
      data: {
        title: 'Ancienne',
        slug: 'ancienne',
        publishedAt: '2026-01-01T12:00:00.000Z',
        originSite: hub.id,
        _status: 'published',
      } as News,
      overrideAccess: true,
      context: { disablePublication: true },
    })
    expect((await documentStatus(await asUser(comms), 'news', old.id))?.[0]?.kind).toBe('waiting')
    const later = new Date(Date.now() + 60_000).toISOString()
    await payload.create({
      collection: 'publications',
      data: { site: hub.id, state: 'live', requestedAt: later, finishedAt: later },
      overrideAccess: true,
    })
    expect((await documentStatus(await asUser(comms), 'news', old.id))?.[0]).toMatchObject({ kind: 'live', at: later })
  })

  it('tells nothing about a document the person cannot open', async () => {
    const hidden = await payload.create({
      collection: 'news',
      data: { title: 'Interne', slug: 'interne', originSite: hub.id, _status: 'draft' } as News,
      draft: true,
      overrideAccess: true,
    })
    expect(await documentStatus(await asUser(martheEditor), 'news', hidden.id)).toBeNull()
  })
})

describe('GET /api/news/:id/en-ligne (asked again by the sidebar while a release is on its way)', () => {
  async function ask(id: number, email?: string) {
    const headers: Record<string, string> = {}
    if (email) {
      const { token } = await payload.login({ collection: 'users', data: { email, password: 'a-long-password-1' } })
      headers.authorization = `JWT ${token}`
    }
    const response = await fetch(`${api.url}/api/news/${id}/en-ligne`, { headers })
    return {
      status: response.status,
      cache: response.headers.get('cache-control'),
      body: (await response.json()) as Record<string, unknown>,
    }
  }

  it('answers the rows to staff who can read the document, never cached; 401 signed out; 404 for a document they cannot read', async () => {
    api ??= await startHttpApi(payload)
    const news = await payload.create({
      collection: 'news',
      data: {
        title: 'En route',
        slug: 'en-route',
        publishedAt: '2026-11-02T12:00:00.000Z',
        originSite: hub.id,
        _status: 'published',
      } as News,
      overrideAccess: true,
      context: { disablePublication: true },
    })
    const running = await record(hub.id, 'running', news.id)
    const during = await ask(news.id, 'comms@status.example')
    expect(during.status).toBe(200)
    expect(during.cache).toBe('no-store')
    expect(during.body.rows).toEqual([
      { site: { id: hub.id, name: 'CLES' }, kind: 'publishing', url: 'https://hub.example/actualites/en-route/' },
    ])
    await payload.update({
      collection: 'publications',
      id: running.id,
      data: { state: 'live', finishedAt: '2026-11-30T19:03:00.000Z' },
      overrideAccess: true,
    })
    expect((await ask(news.id, 'comms@status.example')).body.rows).toEqual([
      { site: { id: hub.id, name: 'CLES' }, kind: 'live', at: '2026-11-30T19:03:00.000Z', url: 'https://hub.example/actualites/en-route/' },
    ])

    const anonymous = await ask(news.id)
    expect(anonymous.status).toBe(401)
    expect(JSON.stringify(anonymous.body)).toContain('Connectez-vous')
    const hidden = await payload.create({
      collection: 'news',
      data: { title: 'Interne 2', slug: 'interne-2', originSite: hub.id, _status: 'draft' } as News,
      draft: true,
      overrideAccess: true,
    })
    const refused = await ask(hidden.id, 'editor@marthe.example')
    expect(refused.status).toBe(404)
    expect(JSON.stringify(refused.body)).toContain('Document introuvable')
    expect(JSON.stringify(refused.body)).not.toContain('Interne')
  })
})
