// Publishing is automatic: changes readers would see queue one pending
// publication per affected site (in the database, so nothing is lost), draft
// saves and seeds queue nothing, bursts fold into one release, and a failed
// publication says why in French and leaves what is online alone.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { News } from '../src/payload-types'
import { Publisher } from '../src/publish/publisher'
import { createStaff, createTestSite, startTempCms, type TempCms } from './helpers/tempCms'

let cms: TempCms
let payload: Payload
let site: { id: number }
let other: { id: number }
let editor: Awaited<ReturnType<typeof createStaff>>

const asEditor = () => ({ user: editor, overrideAccess: false }) as const
const news = (title: string, extra: Partial<News> = {}) =>
  ({
    title,
    slug: title.toLowerCase().replace(/\W+/g, '-'),
    publishedAt: '2026-01-01T00:00:00.000Z',
    originSite: site.id,
    ...extra,
  }) as News

async function pendingFor(siteId: number) {
  const { docs } = await payload.find({
    collection: 'publications',
    where: { and: [{ site: { equals: siteId } }, { state: { equals: 'pending' } }] },
    depth: 0,
  })
  return docs
}
async function clearQueue() {
  await payload.delete({ collection: 'publications', where: { id: { exists: true } } })
}

beforeAll(async () => {
  cms = await startTempCms()
  payload = cms.payload
  site = (await createTestSite(payload, 'site-a')) as { id: number }
  other = (await createTestSite(payload, 'site-b')) as { id: number }
  editor = await createStaff(payload, 'editor@queue.example', site.id, 'site-editor')
  await clearQueue()
})
afterAll(async () => cms?.close())

describe('what queues a publication', () => {
  it('publishing a news item queues its site, with who and what in French', async () => {
    await clearQueue()
    await payload.create({ collection: 'news', data: news('Bonne nouvelle', { _status: 'published' }), ...asEditor() })
    const [pending, ...more] = await pendingFor(site.id)
    expect(more).toEqual([])
    expect(pending?.reasons?.[0]).toMatchObject({ text: 'Publication : Actualité « Bonne nouvelle »', collection: 'news', by: editor.id })
    expect(await pendingFor(other.id)).toEqual([])
  })

  it('a draft, an autosave or a draft over a published item queues nothing', async () => {
    await clearQueue()
    const draft = await payload.create({ collection: 'news', data: news('Brouillon'), draft: true, ...asEditor() })
    await payload.update({ collection: 'news', id: draft.id, data: { title: 'Brouillon 2' }, draft: true, autosave: true, ...asEditor() })
    const live = await payload.create({
      collection: 'news',
      data: news('En ligne', { _status: 'published' }),
      overrideAccess: true,
      context: { disablePublication: true },
    })
    await payload.update({ collection: 'news', id: live.id, data: { title: 'En ligne (correction en cours)' }, draft: true, ...asEditor() })
    expect(await pendingFor(site.id)).toEqual([])
  })

  it('unpublishing, deleting, proposals and resources queue every site that shows them', async () => {
    await clearQueue()
    const item = await payload.create({
      collection: 'news',
      data: news('Proposée', { _status: 'published', targetSites: [other.id] }),
      overrideAccess: true,
      context: { disablePublication: true },
    })
    await payload.update({ collection: 'news', id: item.id, data: { _status: 'draft' }, overrideAccess: true })
    expect((await pendingFor(site.id))[0]?.reasons?.[0]?.text).toBe('Retrait : Actualité « Proposée »')
    expect(await pendingFor(other.id)).toHaveLength(1)
    await clearQueue()
    await payload.create({
      collection: 'syndication-decisions',
      data: { news: item.id, site: other.id, decision: 'accepted' },
      overrideAccess: true,
    })
    expect((await pendingFor(other.id))[0]?.reasons?.[0]?.text).toBe('Acceptation de la proposition : Actualité « Proposée »')
    await clearQueue()
    await payload.create({
      collection: 'resources',
      data: { name: 'Ligne', category: 'help-line', sites: [site.id, other.id], reviewBy: '2027-01-01T00:00:00.000Z' },
      overrideAccess: true,
    })
    expect(await pendingFor(site.id)).toHaveLength(1)
    expect(await pendingFor(other.id)).toHaveLength(1)
  })

  it('the seed and scripts that pass context.disablePublication queue nothing', async () => {
    await clearQueue()
    await payload.create({
      collection: 'news',
      data: news('Semence', { _status: 'published' }),
      overrideAccess: true,
      context: { disablePublication: true },
    })
    expect(await pendingFor(site.id)).toEqual([])
  })

  it('a burst of 20 publishes folds into one pending publication per site', async () => {
    await clearQueue()
    for (let i = 0; i < 20; i++)
      await payload.create({ collection: 'news', data: news(`Rafale ${i}`, { _status: 'published' }), ...asEditor() })
    const pending = await pendingFor(site.id)
    expect(pending).toHaveLength(1)
    expect(pending[0]?.reasons).toHaveLength(20)
    expect(pending[0]?.summary).toContain('19 autre(s)')
  })
})

describe('the publisher', () => {
  it('marks a publication it cannot build as failed, in French, and leaves nothing pending', async () => {
    await clearQueue()
    await payload.create({ collection: 'news', data: news('Sans projet', { _status: 'published' }), ...asEditor() })
    const dir = mkdtempSync(path.join(tmpdir(), 'cles-publisher-'))
    // This temporary site has no sites/<slug> project: the build step refuses it.
    const publisher = new Publisher(payload, { repoRoot: dir, snapshotDir: path.join(dir, 'snapshots'), releasesRoot: dir, log: () => {} })
    await publisher.drain()
    const { docs } = await payload.find({ collection: 'publications', where: { site: { equals: site.id } }, depth: 0 })
    expect(docs.map((d) => d.state)).toEqual(['failed'])
    expect(docs[0]?.error).toMatch(/La publication a échoué ; la version en ligne n’a pas changé\.\n.*sites\/site-a n’existe pas/)
    expect(docs[0]?.durationMs).toBeGreaterThanOrEqual(0)
  })

  it('puts back in the queue what a killed publisher left running', async () => {
    await clearQueue()
    const stuck = await payload.create({
      collection: 'publications',
      data: { site: site.id, state: 'running', requestedAt: new Date().toISOString() },
      overrideAccess: true,
    })
    const dir = mkdtempSync(path.join(tmpdir(), 'cles-publisher-'))
    const publisher = new Publisher(payload, {
      repoRoot: dir,
      snapshotDir: path.join(dir, 'snapshots'),
      releasesRoot: dir,
      pollMs: 60_000,
      log: () => {},
    })
    const drained = publisher.drain
    let drains = 0
    publisher.drain = async () => void drains++
    await publisher.start()
    await publisher.stop()
    publisher.drain = drained
    expect((await payload.findByID({ collection: 'publications', id: stuck.id })).state).toBe('pending')
    expect(drains).toBeGreaterThan(0)
  })
})
