// Scheduled publish / unpublish through Payload's jobs queue, with the
// permissions of the person who scheduled it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createStaff, createTestSite, startTempCms, type TempCms } from './helpers/tempCms'

let cms: TempCms
let siteId: number
let editor: { id: number; [key: string]: unknown }
let contributor: { id: number; [key: string]: unknown }

beforeAll(async () => {
  cms = await startTempCms()
  const site = await createTestSite(cms.payload, 'site-planifie')
  siteId = site.id
  editor = (await createStaff(cms.payload, 'editrice@planifie.example', site.id, 'site-editor')) as never
  contributor = (await createStaff(cms.payload, 'contributrice@planifie.example', site.id, 'contributor')) as never
})
afterAll(async () => cms?.close())

async function draftBy(user: typeof editor, title: string) {
  return cms.payload.create({
    collection: 'news',
    draft: true,
    data: {
      title,
      slug: title.toLowerCase().replace(/\W+/g, '-'),
      originSite: siteId,
      publishedAt: new Date().toISOString(),
      _status: 'draft',
    },
    user,
    overrideAccess: false,
  })
}

const schedule = (id: number, user: typeof editor, type: 'publish' | 'unpublish', inMs: number) =>
  cms.payload.jobs.queue({
    task: 'schedulePublish',
    // Payload stores the document id as a string (see its schedulePublish task).
    input: { type, doc: { relationTo: 'news', value: String(id) as never }, user: { relationTo: 'users', value: user.id } },
    waitUntil: new Date(Date.now() + inMs),
  })

const anonymousSees = async (id: number) =>
  (await cms.payload.find({ collection: 'news', where: { id: { equals: id } }, overrideAccess: false })).totalDocs === 1

describe('scheduled publishing', () => {
  it('publishes a draft when its time comes, not before, then unpublishes it', async () => {
    const doc = await draftBy(editor, 'Annonce planifiee')
    await schedule(doc.id, editor, 'publish', 400)
    await cms.payload.jobs.run()
    expect(await anonymousSees(doc.id)).toBe(false)
    await new Promise((r) => setTimeout(r, 500))
    await cms.payload.jobs.run()
    expect(await anonymousSees(doc.id)).toBe(true)

    await schedule(doc.id, editor, 'unpublish', 0)
    await cms.payload.jobs.run()
    expect(await anonymousSees(doc.id)).toBe(false)
  })

  it('does not let a contributor publish by scheduling', async () => {
    const doc = await draftBy(contributor, 'Tentative contributrice')
    await schedule(doc.id, contributor, 'publish', 0)
    await cms.payload.jobs.run()
    expect(await anonymousSees(doc.id)).toBe(false)
    const reread = await cms.payload.findByID({ collection: 'news', id: doc.id, draft: true })
    expect(reread._status).toBe('draft')
  })
})
