// « Aperçu » over real HTTP (publish/previewEndpoints.ts, publish/previewHttp.ts):
// only signed-in staff who may open the document get a preview; the publisher
// renders only requests the CMS signed; a publisher that does not answer gives
// a French message; a syndicated copy is previewed at its own address.
import type { SiteSnapshot, SnapshotArticle } from '@cles/content'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { News } from '../src/payload-types'
import { servePreview } from '../src/publish/previewHttp'
import { withDraft, type PreviewRenderer } from '../src/publish/previewRenderer'
import { PREVIEW_SIGNATURE_HEADER, signPreview } from '../src/publish/previewSignature'
import { startHttpApi, type HttpApi } from './helpers/httpApi'
import { createStaff, createTestSite, startTempCms, type TempCms } from './helpers/tempCms'

let cms: TempCms
let payload: Payload
let api: HttpApi
let draftId: number

async function tokenOf(email: string) {
  return (await payload.login({ collection: 'users', data: { email, password: 'a-long-password-1' } })).token!
}

async function get(path: string, email?: string) {
  const headers: Record<string, string> = email ? { authorization: `JWT ${await tokenOf(email)}` } : {}
  const response = await fetch(`${api.url}/api${path}`, { headers })
  return { status: response.status, headers: response.headers, text: await response.text() }
}

beforeAll(async () => {
  // Nothing listens there: the preview must say so in French.
  process.env.CLES_PUBLISHER_URL = 'http://127.0.0.1:9'
  cms = await startTempCms()
  payload = cms.payload
  api = await startHttpApi(payload)
  const hub = await createTestSite(payload, 'apercu-hub', 'CLES')
  const other = await createTestSite(payload, 'apercu-autre', 'Autre site')
  await createStaff(payload, 'comms@apercu.example', hub.id, 'site-editor')
  await createStaff(payload, 'autre@apercu.example', other.id, 'site-editor')
  const draft = await payload.create({
    collection: 'news',
    data: { title: 'Brouillon confidentiel', slug: 'brouillon-confidentiel', originSite: hub.id, _status: 'draft' } as News,
    draft: true,
    overrideAccess: true,
    context: { disablePublication: true },
  })
  draftId = draft.id
}, 120_000)

afterAll(async () => {
  await api?.close()
  await cms?.close()
})

describe('GET /api/apercu/news/:id', () => {
  it('signed out: 401 in French, nothing of the draft, never cached or indexed', async () => {
    const answer = await get(`/apercu/news/${draftId}`)
    expect(answer.status).toBe(401)
    expect(answer.text).toContain('Connectez-vous')
    expect(answer.text).not.toContain('Brouillon confidentiel')
    expect(answer.headers.get('cache-control')).toBe('no-store, private')
    expect(answer.headers.get('x-robots-tag')).toContain('noindex')
  })

  it('staff of another site: the same 404 as a document that does not exist', async () => {
    const hidden = await get(`/apercu/news/${draftId}`, 'autre@apercu.example')
    const missing = await get('/apercu/news/999999', 'autre@apercu.example')
    expect(hidden.status).toBe(404)
    expect(hidden.text).toBe(missing.text)
    expect(hidden.text).not.toContain('Brouillon confidentiel')
  })

  it('the author, while the publisher does not answer: 503 with a French explanation', async () => {
    const answer = await get(`/apercu/news/${draftId}`, 'comms@apercu.example')
    expect(answer.status).toBe(503)
    expect(answer.text).toContain('le service de publication ne répond pas')
  })

  it('files of the preview need a signed-in person and stay inside the site’s folders', async () => {
    expect((await get('/apercu-fichiers?site=apercu-hub&f=_astro/x.css')).status).toBe(401)
    expect((await get('/apercu-fichiers?site=apercu-hub&f=../../etc/passwd', 'comms@apercu.example')).status).toBe(400)
    expect((await get('/apercu-fichiers?site=../x&f=a.css', 'comms@apercu.example')).status).toBe(400)
  })
})

describe('the publisher renders only what the CMS signed', () => {
  let server: Server
  let url: string
  const rendered: unknown[] = []
  beforeAll(async () => {
    const renderer = {
      snapshotDir: '/nonexistent',
      render: async (request: unknown) => {
        rendered.push(request)
        return { status: 200, html: '<h1>ok</h1>' }
      },
      file: () => null,
    } as unknown as PreviewRenderer
    server = createServer((req, res) => void servePreview(req, res, renderer, async () => {}, payload.secret))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => server?.close())

  it('refuses an unsigned or wrongly signed request (403) and renders nothing; renders a request the CMS signed', async () => {
    const body = JSON.stringify({ site: 'cles', path: '/', overlay: { kind: 'page', id: '1', pages: [] } })
    for (const signature of [undefined, 'deadbeef', signPreview(payload.secret, body + ' '), signPreview('une autre clé', body)]) {
      const headers: Record<string, string> = { 'content-type': 'application/json' }
      if (signature) headers[PREVIEW_SIGNATURE_HEADER] = signature
      expect((await fetch(`${url}/apercu`, { method: 'POST', headers, body })).status).toBe(403)
    }
    expect(rendered).toEqual([])
    const signed = await fetch(`${url}/apercu`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [PREVIEW_SIGNATURE_HEADER]: signPreview(payload.secret, body) },
      body,
    })
    expect(signed.status).toBe(200)
    expect(rendered).toEqual([JSON.parse(body)])
  })
})

describe('withDraft', () => {
  const article = (id: string, slug: string, publishedAt: string, title = slug) =>
    ({ id, slug, publishedAt, title: { fr: title } }) as unknown as SnapshotArticle
  const snapshot = {
    news: [article('2', 'recent', '2026-11-20T00:00:00.000Z'), article('1', 'copie-cles', '2026-11-01T00:00:00.000Z')],
    pages: [],
    resources: [],
    categories: [],
  } as unknown as SiteSnapshot

  it('replaces the published version, keeps the address a syndicated copy has on this site, and keeps the newest first', () => {
    const { lists, path } = withDraft(snapshot, {
      site: 'marthe',
      path: '/actualites/original/',
      overlay: { kind: 'news', article: article('1', 'original', '2026-11-30T00:00:00.000Z', 'Titre modifié'), categories: [] },
    })
    expect(path).toBe('/actualites/copie-cles/')
    expect((lists.news as SnapshotArticle[]).map((a) => [a.id, a.slug, a.title.fr])).toEqual([
      ['1', 'copie-cles', 'Titre modifié'],
      ['2', 'recent', 'recent'],
    ])
  })

  it('adds a draft never published, at its own address', () => {
    const { lists, path } = withDraft(snapshot, {
      site: 'cles',
      path: '/actualites/nouvelle/',
      overlay: { kind: 'news', article: article('3', 'nouvelle', '2026-11-25T00:00:00.000Z'), categories: [] },
    })
    expect(path).toBe('/actualites/nouvelle/')
    expect((lists.news as SnapshotArticle[]).map((a) => a.id)).toEqual(['3', '2', '1'])
  })
})
