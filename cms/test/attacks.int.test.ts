// Attacks found against a running CMS, replayed through the Local API as the
// attacker (overrideAccess: false), asserting the stored state afterwards, not
// only that something threw.
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createStaff, createTestSite, startTempCms, type TempCms } from './helpers/tempCms'

let cms: TempCms
let payload: Payload
let mine: { id: number }
let theirs: { id: number }
let attacker: Awaited<ReturnType<typeof createStaff>>
const as = () => ({ user: attacker, overrideAccess: false }) as const
const system = { overrideAccess: true, context: { disablePublication: true } } as const
const resource = (name: string, sites: number[], phone = '1 800 000-0000') =>
  payload.create({
    ...system,
    collection: 'resources',
    data: { name, category: 'help-line', phone, sites, reviewBy: '2027-01-01T00:00:00.000Z' },
  })
const sitesOf = async (id: number) => ((await payload.findByID({ collection: 'resources', id, depth: 0 })).sites ?? []).map(Number)

beforeAll(async () => {
  cms = await startTempCms()
  payload = cms.payload
  mine = (await createTestSite(payload, 'attaquante')) as { id: number }
  theirs = (await createTestSite(payload, 'victime')) as { id: number }
  attacker = await createStaff(payload, 'editor@attaquante.example', mine.id, 'site-editor')
})
afterAll(async () => cms?.close())

describe('resources cannot be taken over', () => {
  it('another site’s resource cannot be moved to the attacker’s site by id', async () => {
    const victim = await resource('Refuge de la victime', [theirs.id])
    await expect(payload.update({ ...as(), collection: 'resources', id: victim.id, data: { sites: [mine.id] } })).rejects.toThrow()
    expect(await sitesOf(victim.id)).toEqual([theirs.id])
  })

  it('a bulk update moves nothing that is not the attacker’s alone', async () => {
    const victim = await resource('Hébergement de la victime', [theirs.id])
    const shared = await resource('Ligne partagée', [theirs.id, mine.id])
    await payload
      .update({ ...as(), collection: 'resources', where: { id: { exists: true } }, data: { sites: [mine.id] } })
      .catch(() => null)
    expect(await sitesOf(victim.id)).toEqual([theirs.id])
    expect((await sitesOf(shared.id)).sort()).toEqual([mine.id, theirs.id].sort())
  })

  it('a crisis line shown on every site cannot be changed or removed by one partner', async () => {
    const shared = await resource('Ligne de crise', [theirs.id, mine.id], '1 888 933-9007')
    // Outside the partner's update access altogether (access/resources.ts): read-only in their admin, a French 403 here.
    await expect(
      payload.update({ ...as(), collection: 'resources', id: shared.id, data: { phone: '1 900 555-0000' } }),
    ).rejects.toMatchObject({
      status: 403,
    })
    await expect(payload.update({ ...as(), collection: 'resources', id: shared.id, data: { sites: [mine.id] } })).rejects.toThrow()
    await expect(payload.delete({ ...as(), collection: 'resources', id: shared.id })).rejects.toThrow()
    const stored = await payload.findByID({ collection: 'resources', id: shared.id, depth: 0 })
    expect(stored.phone).toBe('1 888 933-9007')
    expect((stored.sites ?? []).map(Number).sort()).toEqual([mine.id, theirs.id].sort())
  })

  it('the attacker still manages resources shown on their own site alone', async () => {
    const own = await resource('Notre ressource', [mine.id])
    const updated = await payload.update({ ...as(), collection: 'resources', id: own.id, data: { phone: '1 800 111-1111' } })
    expect(updated.phone).toBe('1 800 111-1111')
    await expect(
      payload.create({
        ...as(),
        collection: 'resources',
        data: { name: 'Ailleurs', category: 'other', sites: [theirs.id], reviewBy: '2027-01-01T00:00:00.000Z' },
      }),
    ).rejects.toThrow()
  })
})

describe('contributors cannot publish through a side door', () => {
  it('restoring a published version, duplicating or bulk-unpublishing leaves the stored status as it was', async () => {
    const contributor = await payload.create({
      collection: 'users',
      data: { email: 'contrib@attaquante.example', password: 'a-long-password-1', memberships: [{ site: mine.id, role: 'contributor' }] },
    })
    const asContributor = { user: contributor, overrideAccess: false } as const
    const item = await payload.create({
      ...system,
      collection: 'news',
      data: { title: 'En ligne', slug: 'en-ligne', originSite: mine.id, publishedAt: '2026-01-01T00:00:00.000Z', _status: 'published' },
    })
    // An editor takes it offline; the published version stays in the history.
    await payload.update({ ...system, collection: 'news', id: item.id, data: { _status: 'draft' } })
    const versions = await payload.findVersions({
      collection: 'news',
      where: { and: [{ parent: { equals: item.id } }, { 'version._status': { equals: 'published' } }] },
      depth: 0,
    })
    await payload.restoreVersion({ ...asContributor, collection: 'news', id: versions.docs[0]!.id }).catch(() => null)
    expect((await payload.findByID({ collection: 'news', id: item.id, depth: 0 }))._status).toBe('draft')

    await payload.update({ ...system, collection: 'news', id: item.id, data: { _status: 'published' } })
    await payload
      .update({ ...asContributor, collection: 'news', where: { originSite: { equals: mine.id } }, data: { _status: 'draft' } })
      .catch(() => null)
    expect((await payload.findByID({ collection: 'news', id: item.id, depth: 0 }))._status).toBe('published')

    const copy = await payload.duplicate({ ...asContributor, collection: 'news', id: item.id }).catch(() => null)
    if (copy) expect((await payload.findByID({ collection: 'news', id: copy.id, depth: 0, draft: true }))._status).toBe('draft')
  })
})
