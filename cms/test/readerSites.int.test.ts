// Teams read news through a stored key of every site that may read an item
// (fields/readerSites.ts): its origin and the sites it is proposed to. The key
// must follow every way an item changes — or a partner would keep reading an
// item no longer proposed to it, or lose one that is — and never come from a
// request.
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createStaff, createTestSite, startTempCms, type TempCms } from './helpers/tempCms'

let cms: TempCms
let payload: Payload
let hub: number
let a: number
let b: number
type User = { id: number }
let comms: User
let networkAdmin: User
let hubEditor: User
let hubContributor: User
let editorA: User
let editorB: User

const quiet = { context: { disablePublication: true } }
const as = (user: User) => ({ user, overrideAccess: false, ...quiet })

/** The key as stored on the latest version (hidden from every API answer). */
async function storedKey(id: number): Promise<string | null> {
  const doc = await payload.findByID({ collection: 'news', id, draft: true, depth: 0, showHiddenFields: true })
  return (doc as { readerSites?: string | null }).readerSites ?? null
}

/** Whether the person finds the item in the admin's list (drafts) and in the documents. */
async function reads(user: User, id: number): Promise<{ list: boolean; documents: boolean }> {
  const where = { id: { equals: id } }
  const list = await payload.find({ collection: 'news', where, draft: true, depth: 0, ...as(user) })
  const documents = await payload.find({ collection: 'news', where, depth: 0, ...as(user) })
  return { list: list.totalDocs === 1, documents: documents.totalDocs === 1 }
}

let n = 0
const create = async (user: User, originSite: number, targetSites: number[], extra: Record<string, unknown> = {}) => {
  n++
  const data = { title: `Lecture ${n}`, slug: `lecture-${n}`, originSite, targetSites, _status: 'published', ...extra }
  return (await payload.create({ collection: 'news', data: data as never, ...as(user) })).id as number
}

beforeAll(async () => {
  cms = await startTempCms()
  payload = cms.payload
  hub = (await createTestSite(payload, 'lecture-hub')).id as number
  await payload.update({ collection: 'sites', id: hub, data: { isHub: true } })
  a = (await createTestSite(payload, 'lecture-a')).id as number
  b = (await createTestSite(payload, 'lecture-b')).id as number
  comms = await payload.create({
    collection: 'users',
    data: { email: 'comms@lecture.example', password: 'a-long-password-1', globalRole: 'network-editor' },
  })
  networkAdmin = await payload.create({
    collection: 'users',
    data: { email: 'admin@lecture.example', password: 'a-long-password-1', globalRole: 'network-admin' },
  })
  hubEditor = await createStaff(payload, 'editrice@lecture-hub.example', hub, 'site-editor')
  hubContributor = await createStaff(payload, 'contributrice@lecture-hub.example', hub, 'contributor')
  editorA = await createStaff(payload, 'editrice@lecture-a.example', a, 'site-editor')
  editorB = await createStaff(payload, 'editrice@lecture-b.example', b, 'site-editor')
}, 120_000)
afterAll(async () => cms?.close())

describe('who may read a news item', () => {
  it('is its origin and the sites it is proposed to, from the creation on', async () => {
    const id = await create(comms, hub, [a])
    expect(await storedKey(id)).toBe(`,${hub},${a},`)
    expect(await reads(editorA, id)).toEqual({ list: true, documents: true })
    expect(await reads(editorB, id)).toEqual({ list: false, documents: false })
    expect(await reads(hubEditor, id)).toEqual({ list: true, documents: true })
  })

  it('stays as it was on a save that leaves the origin and the proposed sites alone', async () => {
    const id = await create(comms, hub, [a, b])
    await payload.update({ collection: 'news', id, data: { title: 'Titre seul' }, ...as(comms) })
    expect(await storedKey(id)).toBe(`,${hub},${a},${b},`)
    expect(await reads(editorB, id)).toEqual({ list: true, documents: true })
  })

  it('follows a proposal withdrawn from one site and made to another', async () => {
    const id = await create(comms, hub, [a])
    await payload.update({ collection: 'news', id, data: { targetSites: [b] }, ...as(comms) })
    expect(await storedKey(id)).toBe(`,${hub},${b},`)
    expect(await reads(editorA, id)).toEqual({ list: false, documents: false })
    expect(await reads(editorB, id)).toEqual({ list: true, documents: true })
  })

  it('follows a draft save: the admin’s list shows the draft to the sites it is now proposed to', async () => {
    const id = await create(comms, hub, [])
    await payload.update({ collection: 'news', id, data: { targetSites: [a] }, draft: true, ...as(comms) })
    expect(await storedKey(id)).toBe(`,${hub},${a},`)
    expect((await reads(editorA, id)).list).toBe(true)
    expect((await reads(editorB, id)).list).toBe(false)
  })

  it('follows the origin when a network admin moves the item to another site', async () => {
    const id = await create(editorA, a, [])
    await payload.update({ collection: 'news', id, data: { originSite: b }, ...as(networkAdmin) })
    expect(await storedKey(id)).toBe(`,${b},`)
    expect(await reads(editorA, id)).toEqual({ list: false, documents: false })
    expect(await reads(editorB, id)).toEqual({ list: true, documents: true })
  })

  it('keeps the sites a hub editor could not see when she saves the proposal she was shown', async () => {
    // The hub's own editor sees only her sites in « Proposer aux sites »; her save keeps the others.
    const id = await create(comms, hub, [a])
    await payload.update({ collection: 'news', id, data: { title: 'Relu au hub', targetSites: [] }, ...as(hubEditor) })
    expect(await storedKey(id)).toBe(`,${hub},${a},`)
    expect(await reads(editorA, id)).toEqual({ list: true, documents: true })
  })

  it('keeps the proposed sites when someone who may not propose saves a draft of the item', async () => {
    // Proposals are not a contributor's field: her save carries none, the stored ones stay.
    const id = await create(comms, hub, [a])
    await payload.update({ collection: 'news', id, data: { title: 'Brouillon de la contributrice' }, draft: true, ...as(hubContributor) })
    expect(await storedKey(id)).toBe(`,${hub},${a},`)
    expect((await reads(editorA, id)).list).toBe(true)
  })

  it('is the origin alone on a duplicate (proposals are not copied)', async () => {
    const id = await create(comms, hub, [a, b])
    const copy = await payload.duplicate({ collection: 'news', id, ...as(comms) })
    expect(await storedKey(copy.id as number)).toBe(`,${hub},`)
    expect(await reads(editorA, copy.id as number)).toEqual({ list: false, documents: false })
  })

  it('comes back with a restored version', async () => {
    const id = await create(comms, hub, [a])
    await payload.update({ collection: 'news', id, data: { targetSites: [] }, ...as(comms) })
    expect(await reads(editorA, id)).toEqual({ list: false, documents: false })
    const versions = await payload.findVersions({ collection: 'news', where: { parent: { equals: id } }, sort: 'createdAt', depth: 0 })
    const proposed = versions.docs.find((v) => (v.version as { targetSites?: unknown[] }).targetSites?.length)!
    await payload.restoreVersion({ collection: 'news', id: proposed.id, ...as(comms) })
    expect(await storedKey(id)).toBe(`,${hub},${a},`)
    expect((await reads(editorA, id)).list).toBe(true)
  })

  it('is never taken from a request, on creation or on a save', async () => {
    const forged = `,${hub},${a},${b},`
    const id = await create(editorA, a, [], { readerSites: forged })
    expect(await storedKey(id)).toBe(`,${a},`)
    await payload.update({ collection: 'news', id, data: { readerSites: forged } as never, ...as(editorA) })
    expect(await storedKey(id)).toBe(`,${a},`)
    expect(await reads(editorB, id)).toEqual({ list: false, documents: false })
  })

  it('is never sent out', async () => {
    const id = await create(comms, hub, [a])
    const doc = await payload.findByID({ collection: 'news', id, depth: 0, ...as(editorA) })
    expect(doc).not.toHaveProperty('readerSites')
    const anonymous = await payload.find({ collection: 'news', where: { id: { equals: id } }, overrideAccess: false })
    expect(anonymous.docs[0]).not.toHaveProperty('readerSites')
  })
})
