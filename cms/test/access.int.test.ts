import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FORBIDDEN, NOT_FOUND, refusalOf } from './helpers/refusal'
import { createStaff, createTestSite, startTempCms, type TempCms } from './helpers/tempCms'

let cms: TempCms
let payload: Payload
let siteId: number | string
let draftId: number | string
let publishedId: number | string

beforeAll(async () => {
  cms = await startTempCms()
  payload = cms.payload
  const site = await createTestSite(payload, 'site-test')
  siteId = site.id
  const base = { originSite: site.id as number, publishedAt: '2026-01-01T00:00:00.000Z' }
  publishedId = (await payload.create({ collection: 'news', data: { ...base, title: 'Publié', slug: 'publie', _status: 'published' } })).id
  draftId = (
    await payload.create({
      collection: 'news',
      draft: true,
      data: { ...base, title: 'Brouillon secret', slug: 'brouillon-secret', _status: 'draft' },
    })
  ).id
})
afterAll(async () => cms?.close())

describe('anonymous readers (Local API, overrideAccess: false, no user)', () => {
  const anon = { overrideAccess: false } as const

  it('see published news only, even when asking for drafts', async () => {
    const list = await payload.find({ ...anon, collection: 'news', draft: true })
    expect(list.docs.map((d) => d.title)).toEqual(['Publié'])
    // The draft is hidden as if it did not exist, not refused with a hint that it does.
    expect(await refusalOf(payload.findByID({ ...anon, collection: 'news', id: draftId, draft: true }))).toMatchObject(NOT_FOUND)
  })

  it('cannot read versions', async () => {
    expect(await refusalOf(payload.findVersions({ ...anon, collection: 'news' }))).toMatchObject(FORBIDDEN)
  })

  it('cannot write anything', async () => {
    const create = payload.create({
      ...anon,
      collection: 'news',
      data: { title: 'x', slug: 'anonyme-x', originSite: siteId as number, publishedAt: '2026-01-01T00:00:00.000Z' },
    })
    expect(await refusalOf(create)).toMatchObject(FORBIDDEN)
    expect(await refusalOf(payload.update({ ...anon, collection: 'news', id: publishedId, data: { title: 'piraté' } }))).toMatchObject(
      FORBIDDEN,
    )
    expect(await refusalOf(payload.delete({ ...anon, collection: 'sites', id: siteId }))).toMatchObject(FORBIDDEN)
    // Nothing was stored, changed or removed.
    expect((await payload.count({ collection: 'news', where: { slug: { equals: 'anonyme-x' } } })).totalDocs).toBe(0)
    expect((await payload.findByID({ collection: 'news', id: publishedId })).title).toBe('Publié')
    expect((await payload.count({ collection: 'sites', where: { id: { equals: siteId } } })).totalDocs).toBe(1)
  })

  it('cannot list accounts', async () => {
    expect(await refusalOf(payload.find({ ...anon, collection: 'users' }))).toMatchObject(FORBIDDEN)
  })
})

describe('signed-in staff', () => {
  it('cannot grant themself a global role', async () => {
    const user = await payload.create({ collection: 'users', data: { email: 'staff@test.example', password: 'a-long-password-1' } })
    await payload.update({ collection: 'users', id: user.id, data: { globalRole: 'network-admin' }, user, overrideAccess: false })
    const reread = await payload.findByID({ collection: 'users', id: user.id })
    expect(reread.globalRole ?? null).toBeNull()
  })

  it('cannot create or edit sites unless network admin', async () => {
    const newSite = (slug: string) => ({
      name: `Nouveau site ${slug}`,
      slug,
      domain: `${slug}.example`,
      exitUrl: 'https://meteo.gc.ca/',
      brand: { primary: '#123456', accent: '#654321', background: '#ffffff', text: '#111111' },
    })
    const storedSite = async (slug: string) =>
      (await payload.find({ collection: 'sites', where: { slug: { equals: slug } }, depth: 0 })).docs
    // A signed-in account without a global role, and a site admin of this very site.
    const user = await payload.create({ collection: 'users', data: { email: 'editor@test.example', password: 'a-long-password-1' } })
    const siteAdmin = await createStaff(payload, 'admin-du-site@test.example', siteId as number, 'site-admin')
    for (const actor of [user, siteAdmin]) {
      expect(
        await refusalOf(payload.create({ collection: 'sites', data: newSite(`refuse-${actor.id}`), user: actor, overrideAccess: false })),
      ).toMatchObject(FORBIDDEN)
      expect(await storedSite(`refuse-${actor.id}`)).toEqual([])
    }
    expect(
      await refusalOf(payload.update({ collection: 'sites', id: siteId, data: { name: 'Renommé' }, user, overrideAccess: false })),
    ).toMatchObject(FORBIDDEN)
    expect((await payload.findByID({ collection: 'sites', id: siteId })).name).toBe('Site site-test')

    const admin = await payload.create({
      collection: 'users',
      data: { email: 'admin@test.example', password: 'a-long-password-1', globalRole: 'network-admin' },
    })
    const created = await payload.create({ collection: 'sites', data: newSite('cree-par-admin'), user: admin, overrideAccess: false })
    const [stored] = await storedSite('cree-par-admin')
    expect(stored?.id).toBe(created.id)
    expect(stored).toMatchObject({
      name: 'Nouveau site cree-par-admin',
      domain: 'cree-par-admin.example',
      exitUrl: 'https://meteo.gc.ca/',
      isHub: false,
    })
    expect(stored?.brand).toMatchObject({ primary: '#123456', accent: '#654321' })
    await payload.update({ collection: 'sites', id: siteId, data: { name: 'Renommé' }, user: admin, overrideAccess: false })
    expect((await payload.findByID({ collection: 'sites', id: siteId })).name).toBe('Renommé')
  })
})

describe('roles and memberships', () => {
  it('lets a site admin grant only editor or contributor roles, on their own site', async () => {
    const other = await createTestSite(payload, 'autre-site')
    const siteAdmin = await createStaff(payload, 'admin-site@test.example', siteId as number, 'site-admin')
    const created = await payload.create({
      collection: 'users',
      data: {
        email: 'nouvelle@test.example',
        password: 'a-long-password-1',
        memberships: [{ site: siteId as number, role: 'contributor' }],
      },
      user: siteAdmin,
      overrideAccess: false,
    })
    expect(created.memberships?.[0]?.role).toBe('contributor')
    await expect(
      payload.update({
        collection: 'users',
        id: created.id,
        data: { memberships: [{ site: siteId as number, role: 'site-admin' }] },
        user: siteAdmin,
        overrideAccess: false,
      }),
    ).rejects.toThrow(/ne peut attribuer que les rôles/)
    const elsewhere = await refusalOf(
      payload.update({
        collection: 'users',
        id: created.id,
        data: { memberships: [{ site: other.id, role: 'site-editor' }] },
        user: siteAdmin,
        overrideAccess: false,
      }),
    )
    expect(elsewhere).toMatchObject({ name: 'APIError', status: 403 })
    expect(elsewhere.message).toMatch(/que sur les sites que vous administrez/)
    const reread = await payload.findByID({ collection: 'users', id: created.id, depth: 0 })
    expect(reread.memberships?.map((m) => [m.site, m.role])).toEqual([[siteId, 'contributor']])
  })

  it('never lets a site admin or a network admin change their own site memberships', async () => {
    const memberships = async (id: number | string) =>
      ((await payload.findByID({ collection: 'users', id, depth: 0 })).memberships ?? []).map((m) => [m.site, m.role])
    // A site admin adding a role for themself is refused with a 403 from the
    // memberships guard (an APIError, not Payload's generic Forbidden nor a validation error).
    const siteAdmin = await createStaff(payload, 'moi-meme@test.example', siteId as number, 'site-admin')
    const refusal = await refusalOf(
      payload.update({
        collection: 'users',
        id: siteAdmin.id,
        data: {
          memberships: [
            { site: siteId as number, role: 'site-admin' },
            { site: siteId as number, role: 'site-editor' },
          ],
        },
        user: siteAdmin,
        overrideAccess: false,
      }),
    )
    expect(refusal).toMatchObject({ name: 'APIError', status: 403 })
    expect(await memberships(siteAdmin.id)).toEqual([[siteId, 'site-admin']])
    // A network admin's own memberships field is closed to them (field access):
    // the update goes through for the other fields, the memberships stay as stored.
    const netAdmin = await payload.create({
      collection: 'users',
      data: { email: 'reseau-moi@test.example', password: 'a-long-password-1', globalRole: 'network-admin' },
    })
    const updated = await payload.update({
      collection: 'users',
      id: netAdmin.id,
      data: { name: 'Moi', memberships: [{ site: siteId as number, role: 'site-admin' }] },
      user: netAdmin,
      overrideAccess: false,
    })
    expect(updated.name).toBe('Moi')
    expect(await memberships(netAdmin.id)).toEqual([])
  })
})

describe('slugs', () => {
  it('are unique per site, not across the network, with a French message', async () => {
    const other = await createTestSite(payload, 'site-voisin')
    const base = { title: 'Même titre', slug: 'meme-titre', publishedAt: '2026-01-03T00:00:00.000Z', _status: 'published' as const }
    await payload.create({ collection: 'news', data: { ...base, originSite: siteId as number } })
    await expect(payload.create({ collection: 'news', data: { ...base, originSite: siteId as number } })).rejects.toThrow(
      /n’est pas valide/,
    )
    const elsewhere = await payload.create({ collection: 'news', data: { ...base, originSite: other.id } })
    expect(elsewhere.slug).toBe('meme-titre')
  })
})

describe('validation messages', () => {
  it('refuses a bad brand colour with a French message and keeps the stored value', async () => {
    const error = await payload.update({ collection: 'sites', id: siteId, data: { brand: { primary: 'rouge' } } as never }).then(
      () => null,
      (e: { message: string; data?: { errors?: { message: string }[] } }) => e,
    )
    expect(error?.message).toMatch(/n’est pas valide.*Couleur principale/)
    expect(error?.data?.errors?.[0]?.message).toMatch(/^Couleur invalide : utilisez le format #rrggbb/)
    const site = await payload.findByID({ collection: 'sites', id: siteId })
    expect(site.brand?.primary).toBe('#000000')
  })

  it('derives the slug from the French title, accents folded', async () => {
    const doc = await payload.create({
      collection: 'news',
      // No slug given: the hook derives it (cast because the generated type marks slug required).
      data: {
        title: 'Été : l’œuvre des CALACS à Sherbrooke',
        originSite: siteId as number,
        publishedAt: '2026-01-02T00:00:00.000Z',
        _status: 'published',
      } as never,
    })
    expect(doc.slug).toBe('ete-l-oeuvre-des-calacs-a-sherbrooke')
  })
})
