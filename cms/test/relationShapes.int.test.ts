// A relation of the wrong shape (an object where an id belongs) gets a French
// 400 naming the field, drafts included: Payload validates only published saves,
// and such a draft reached the database and answered 500 (hooks/checkRelationShapes.ts).
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { malformedRelations } from '../src/hooks/checkRelationShapes'
import { restClient } from './helpers/rest'
import { createStaff, createTestSite, startTempCms, type TempCms } from './helpers/tempCms'

let cms: TempCms
let payload: Payload
let rest: ReturnType<typeof restClient>['rest']
let hub: number
let partner: number
const comms = { email: 'comms@formes.example' }
const PASSWORD = 'a-long-password-1'

beforeAll(async () => {
  cms = await startTempCms()
  payload = cms.payload
  hub = (await createTestSite(payload, 'formes-hub')).id as number
  await payload.update({ collection: 'sites', id: hub, data: { isHub: true } })
  partner = (await createTestSite(payload, 'formes-partenaire')).id as number
  await payload.create({ collection: 'users', data: { ...comms, password: PASSWORD, globalRole: 'network-editor' } })
  await createStaff(payload, 'editrice@formes-hub.example', hub, 'site-editor')
  rest = restClient(payload, PASSWORD).rest
})
afterAll(async () => cms?.close())

const newsCount = async () => (await payload.count({ collection: 'news' })).totalDocs

describe('relations of the wrong shape', () => {
  it('a draft news item proposed with { relationTo, value } is refused in French (400, the field named), and nothing is written', async () => {
    const before = await newsCount()
    const answer = await rest('POST', '/news?draft=true', {
      user: comms,
      body: { title: 'Forme', slug: 'forme', originSite: hub, targetSites: [{ relationTo: 'sites', value: partner }], _status: 'draft' },
    })
    expect(answer.status, JSON.stringify(answer.body)).toBe(400)
    expect(answer.body.errors?.[0]?.message, JSON.stringify(answer.body)).toMatch(/^Le champ suivant n’est pas valide\s:\sProposer/)
    expect(JSON.stringify(answer.body)).toContain('Ce lien vers un autre contenu n’a pas la bonne forme')
    expect(await newsCount()).toBe(before)
  })

  it('an autosave of a stored item with objects as its categories is refused and leaves the item as it was', async () => {
    const created = await rest('POST', '/news?draft=true', {
      user: comms,
      body: { title: 'Avant', slug: 'avant', originSite: hub, targetSites: [partner], _status: 'draft' },
    })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    const id = (created.body.doc as { id: number }).id
    const answer = await rest('PATCH', `/news/${id}?draft=true&autosave=true`, {
      user: comms,
      body: { title: 'Après', categories: [{ relationTo: 'categories', value: 1 }] },
    })
    expect(answer.status, JSON.stringify(answer.body)).toBe(400)
    expect(answer.body.errors?.[0]?.message, JSON.stringify(answer.body)).toMatch(/^Le champ suivant n’est pas valide\s:\sCatégories/)
    const stored = await payload.findByID({ collection: 'news', id, draft: true, depth: 0 })
    expect([stored.title, stored.categories]).toEqual(['Avant', []])
  })

  it('well-formed values still save as drafts: ids, and whole documents that Payload turns into ids', async () => {
    const partnerDoc = await payload.findByID({ collection: 'sites', id: partner, depth: 0 })
    const answer = await rest('POST', '/news?draft=true', {
      user: comms,
      body: { title: 'Bonne forme', slug: 'bonne-forme', originSite: hub, targetSites: [partnerDoc], _status: 'draft' },
    })
    expect(answer.status, JSON.stringify(answer.body)).toBe(201)
    const stored = await payload.findByID({ collection: 'news', id: (answer.body.doc as { id: number }).id, draft: true, depth: 0 })
    expect(stored.targetSites).toEqual([partner])
  })

  it('the check reaches relations inside groups, tabs, arrays and blocks, and accepts the polymorphic shape where it belongs', () => {
    const fields = [
      { type: 'relationship', name: 'one', relationTo: 'sites' },
      { type: 'relationship', name: 'either', relationTo: ['sites', 'pages'], hasMany: true },
      { type: 'group', name: 'g', fields: [{ type: 'upload', name: 'image', relationTo: 'media' }] },
      { type: 'tabs', tabs: [{ label: 't', fields: [{ type: 'relationship', name: 'inTab', relationTo: 'sites' }] }] },
      { type: 'array', name: 'rows', fields: [{ type: 'relationship', name: 'site', relationTo: 'sites' }] },
      { type: 'blocks', name: 'blocks', blocks: [{ slug: 'b', fields: [{ type: 'relationship', name: 'page', relationTo: 'pages' }] }] },
    ] as never
    const good = {
      one: 1,
      either: [{ relationTo: 'pages', value: 2 }],
      g: { image: '3' },
      inTab: null,
      rows: [{ site: 4 }],
      blocks: [{ blockType: 'b', page: 5 }],
    }
    expect(malformedRelations(fields, good)).toEqual([])
    const bad = {
      one: { relationTo: 'sites', value: 1 },
      either: [{ relationTo: 'users', value: 2 }],
      g: { image: { url: 'x' } },
      inTab: true,
      rows: [{ site: 4 }, { site: [{}] }],
      blocks: [{ blockType: 'b', page: {} }],
    }
    expect(malformedRelations(fields, bad).map((m) => m.path)).toEqual([
      'one',
      'either',
      'g.image',
      'inTab',
      'rows.1.site',
      'blocks.0.page',
    ])
  })
})
