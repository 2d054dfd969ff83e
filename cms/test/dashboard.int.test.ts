// What each role's dashboard lists (components/dashboard/*), read through the
// Local API with the person's own access, and the answers to proposals the
// one-click buttons write (who and when recorded by the server, a reason only
// on a refusal, a contributor refused).
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accountsWithoutSite } from '../src/components/dashboard/accountsWithoutSite'
import { dashboardAudience } from '../src/components/dashboard/audience'
import { proposedHubNews, recentHubNews } from '../src/components/dashboard/hubNews'
import { overdueResources } from '../src/components/dashboard/overdueResources'
import { pendingProposals } from '../src/components/dashboard/pendingProposals'
import { proposalAnswers } from '../src/components/dashboard/proposalAnswers'
import { upcomingSchedules } from '../src/components/dashboard/scheduled'
import { siteDrafts } from '../src/components/dashboard/siteDrafts'
import { sitePublications } from '../src/components/dashboard/sitePublications'
import type { User } from '../src/payload-types'
import { createStaff, createTestSite, startTempCms, type TempCms, requestAs } from './helpers/tempCms'

let cms: TempCms
let payload: Payload
const site: Record<'hub' | 'a' | 'b', number> = { hub: 0, a: 0, b: 0 }
const person = {} as Record<'admin' | 'comms' | 'editorA' | 'contributorA' | 'adminB' | 'idle', User>
const news = {} as Record<'both' | 'onlyA' | 'hubDraft' | 'hubOwn' | 'draftA' | 'draftB' | 'editedA', number>

const asUser = (user: User) => requestAs(payload, user)

async function item(
  title: string,
  origin: number,
  options: { targets?: number[]; status?: 'published' | 'draft'; publishedAt?: string } = {},
) {
  const doc = await payload.create({
    collection: 'news',
    draft: options.status === 'draft',
    data: {
      title,
      slug: title.toLowerCase().replace(/\W+/g, '-'),
      originSite: origin,
      targetSites: options.targets ?? [],
      publishedAt: options.publishedAt ?? new Date().toISOString(),
      _status: options.status ?? 'published',
    },
  })
  return doc.id
}

const answer = (newsId: number, siteId: number, user: User, decision: 'accepted' | 'declined', reason?: string) =>
  payload.create({
    collection: 'syndication-decisions',
    data: { news: newsId, site: siteId, decision, ...(reason ? { reason } : {}) },
    user,
    overrideAccess: false,
  })

beforeAll(async () => {
  process.env.CLES_PUBLISHER_URL = 'http://127.0.0.1:9'
  cms = await startTempCms()
  payload = cms.payload
  site.hub = (await createTestSite(payload, 'tdb-hub', 'CLES')).id
  await payload.update({ collection: 'sites', id: site.hub, data: { isHub: true } })
  site.a = (await createTestSite(payload, 'tdb-a', 'Maison A')).id
  site.b = (await createTestSite(payload, 'tdb-b', 'CALACS B')).id
  person.admin = (await payload.create({
    collection: 'users',
    data: { email: 'admin@tdb.example', password: 'a-long-password-1', globalRole: 'network-admin' },
  })) as User
  person.comms = (await payload.create({
    collection: 'users',
    data: {
      email: 'comms@tdb.example',
      password: 'a-long-password-1',
      globalRole: 'network-editor',
      memberships: [{ site: site.hub, role: 'site-editor' }],
    },
  })) as User
  person.editorA = (await createStaff(payload, 'editor@tdb-a.example', site.a, 'site-editor')) as User
  person.contributorA = (await createStaff(payload, 'contributor@tdb-a.example', site.a, 'contributor')) as User
  person.adminB = (await createStaff(payload, 'admin@tdb-b.example', site.b, 'site-admin')) as User
  person.idle = (await payload.create({ collection: 'users', data: { email: 'parti@tdb.example', password: 'a-long-password-1' } })) as User

  news.both = await item('Proposée aux deux', site.hub, { targets: [site.a, site.b], publishedAt: '2026-11-20T15:00:00.000Z' })
  news.onlyA = await item('Proposée à A', site.hub, { targets: [site.a], publishedAt: '2026-11-10T15:00:00.000Z' })
  news.hubDraft = await item('Brouillon de la CLES', site.hub, { targets: [site.a], status: 'draft' })
  news.hubOwn = await item('Pour la CLES seulement', site.hub, { publishedAt: '2026-11-25T15:00:00.000Z' })
  news.draftA = await item('Brouillon de A', site.a, { status: 'draft' })
  news.draftB = await item('Brouillon de B', site.b, { status: 'draft' })
  // Published, then changed without publishing: a draft in progress too.
  news.editedA = await item('Publiée de A', site.a)
  await payload.update({ collection: 'news', id: news.editedA, draft: true, data: { title: 'Publiée de A, retouchée' } })

  await answer(news.both, site.b, person.adminB, 'accepted')
  await answer(news.onlyA, site.a, person.editorA, 'declined', 'Hors de notre région')
})
afterAll(async () => cms?.close())

describe('who gets which dashboard', () => {
  it('partner staff: their partner sites, answering for admins and editors only; CLES communication; network admins', async () => {
    const editor = await dashboardAudience(await asUser(person.editorA))
    expect(editor).toMatchObject({ networkAdmin: false, comms: false, partnerSites: [{ id: site.a, name: 'Maison A', canAnswer: true }] })
    const contributor = await dashboardAudience(await asUser(person.contributorA))
    expect(contributor.partnerSites).toEqual([{ id: site.a, name: 'Maison A', canAnswer: false }])
    const comms = await dashboardAudience(await asUser(person.comms))
    expect(comms).toMatchObject({ networkAdmin: false, comms: true, partnerSites: [], hubSites: [site.hub] })
    const admin = await dashboardAudience(await asUser(person.admin))
    expect(admin).toMatchObject({ networkAdmin: true, comms: false, partnerSites: [] })
    const idle = await dashboardAudience(await asUser(person.idle))
    expect(idle).toMatchObject({ networkAdmin: false, comms: false, partnerSites: [] })
  })
})

describe('partner dashboard', () => {
  it('lists the published proposals their site has not answered, and nothing answered, drafted or meant for others', async () => {
    const req = await asUser(person.editorA)
    const { partnerSites } = await dashboardAudience(req)
    const pending = await pendingProposals(req, partnerSites)
    expect(pending.total).toBe(1)
    expect(pending.items).toEqual([
      { id: news.both, title: 'Proposée aux deux', publishedAt: '2026-11-20T15:00:00.000Z', origin: 'CLES', sites: partnerSites },
    ])
    const b = await asUser(person.adminB)
    expect((await pendingProposals(b, (await dashboardAudience(b)).partnerSites)).total).toBe(0)
  })

  it('a contributor sees the same proposals, without the right to answer', async () => {
    const req = await asUser(person.contributorA)
    const pending = await pendingProposals(req, (await dashboardAudience(req)).partnerSites)
    expect(pending.items.map((i) => i.id)).toEqual([news.both])
    expect(pending.items[0]!.sites[0]!.canAnswer).toBe(false)
  })

  it('lists the drafts of their own site only, including a published item changed since', async () => {
    const drafts = await siteDrafts(await asUser(person.editorA), [site.a])
    expect(drafts.items.map((d) => d.title).sort()).toEqual(['Brouillon de A', 'Publiée de A, retouchée'])
    expect(drafts.total).toBe(2)
    // Asking for another site's drafts gives nothing: access decides, not the argument.
    expect((await siteDrafts(await asUser(person.editorA), [site.b])).total).toBe(0)
  })

  it('lists what is scheduled on their site, soonest first, and never another site’s schedule', async () => {
    const queue = (id: number, type: 'publish' | 'unpublish', inMs: number, user: User) =>
      payload.jobs.queue({
        task: 'schedulePublish',
        input: { type, doc: { relationTo: 'news', value: String(id) as never }, user: { relationTo: 'users', value: user.id } },
        waitUntil: new Date(Date.now() + inMs),
      })
    await queue(news.draftA, 'publish', 2 * 3_600_000, person.editorA)
    await queue(news.editedA, 'unpublish', 3_600_000, person.editorA)
    await queue(news.draftB, 'publish', 3_600_000, person.adminB)
    const past = await queue(news.draftA, 'publish', -60_000, person.editorA)

    const mine = await upcomingSchedules(await asUser(person.editorA), [site.a])
    expect(mine.map((s) => [s.id, s.type])).toEqual([
      [news.editedA, 'unpublish'],
      [news.draftA, 'publish'],
    ])
    expect(mine.some((s) => s.jobId === past.id)).toBe(false)
    // Without a site filter, access still keeps B's schedule out.
    expect((await upcomingSchedules(await asUser(person.editorA))).map((s) => s.id)).not.toContain(news.draftB)
    expect((await upcomingSchedules(await asUser(person.admin))).map((s) => s.id)).toContain(news.draftB)
  })

  it('shows their site’s last publication, and no other partner’s', async () => {
    const publication = (siteId: number, state: 'live' | 'failed', extra: Record<string, unknown> = {}) =>
      payload.create({
        collection: 'publications',
        data: { site: siteId, state, requestedAt: new Date().toISOString(), summary: 'Mise à jour', ...extra },
        overrideAccess: true,
      })
    await publication(site.a, 'live', { release: 'r1', finishedAt: new Date().toISOString() })
    await new Promise((r) => setTimeout(r, 5))
    await publication(site.a, 'failed', { error: 'La construction du site a échoué' })
    await publication(site.b, 'live', { release: 'b1', finishedAt: new Date().toISOString() })

    const mine = await sitePublications(await asUser(person.editorA), [site.a])
    expect(mine).toHaveLength(1)
    expect(mine[0]).toMatchObject({ site: { id: site.a, name: 'Maison A' }, live: { release: 'r1' }, last: { state: 'failed' } })
    const everything = await sitePublications(await asUser(person.editorA))
    expect(everything.map((s) => s.site.name)).not.toContain('CALACS B')
    const forAdmin = await sitePublications(await asUser(person.admin))
    expect(forAdmin.map((s) => s.site.name)).toEqual(['CALACS B', 'CLES', 'Maison A'])
    expect(forAdmin.find((s) => s.site.id === site.b)?.last?.state).toBe('live')
  })
})

describe('CLES communication dashboard', () => {
  it('lists the hub’s recent news, drafts included, and never a partner’s', async () => {
    const recent = await recentHubNews(await asUser(person.comms), [site.hub])
    expect(recent.map((n) => n.title).sort()).toEqual([
      'Brouillon de la CLES',
      'Pour la CLES seulement',
      'Proposée aux deux',
      'Proposée à A',
    ])
    expect(recent.find((n) => n.id === news.hubDraft)?.status).toBe('draft')
  })

  it('shows, per proposed item, who accepted, who declined and why, and who has not answered', async () => {
    const proposed = await proposedHubNews(await asUser(person.comms), [site.hub])
    expect(proposed.map((p) => p.id)).not.toContain(news.hubOwn)
    const answers = Object.fromEntries(
      proposed.map((p) => [p.title, p.answers.map((a) => [a.site.name, a.decision, a.reason, a.decidedAt ? 'dated' : null])]),
    )
    expect(answers).toEqual({
      'Proposée aux deux': [
        ['CALACS B', 'accepted', null, 'dated'],
        ['Maison A', null, null, null],
      ],
      'Proposée à A': [['Maison A', 'declined', 'Hors de notre région', 'dated']],
      'Brouillon de la CLES': [['Maison A', null, null, null]],
    })
    // CLES communication does not answer for partners.
    expect(proposed.flatMap((p) => p.answers).some((a) => a.canAnswer)).toBe(false)
  })

  it('a partner reading the same item sees its own site’s answer only, with the right to answer it', async () => {
    const rows = (await proposalAnswers(await asUser(person.editorA), [{ id: news.both, targetSites: [site.a, site.b] }])).get(news.both)
    expect(rows?.map((r) => [r.site.name, r.decision, r.canAnswer])).toEqual([['Maison A', null, true]])
  })
})

describe('network administration dashboard', () => {
  it('lists resources past their review date, most overdue first', async () => {
    const resource = (name: string, reviewBy: string) =>
      payload.create({ collection: 'resources', data: { name, category: 'housing', sites: [site.a], reviewBy } })
    await resource('Refuge en retard', '2025-01-01T12:00:00.000Z')
    await resource('Logement très en retard', '2024-06-01T12:00:00.000Z')
    await resource('Ligne à jour', new Date(Date.now() + 30 * 86_400_000).toISOString())
    const overdue = await overdueResources(await asUser(person.admin))
    expect(overdue.total).toBe(2)
    expect(overdue.items.map((r) => r.name)).toEqual(['Logement très en retard', 'Refuge en retard'])
  })

  it('lists a resource marked outdated too, as the « Ressources à revoir » filter does', async () => {
    await payload.create({
      collection: 'resources',
      data: {
        name: 'Ligne périmée',
        category: 'housing',
        sites: [site.a],
        reviewBy: new Date(Date.now() + 30 * 86_400_000).toISOString(),
        outdated: true,
      },
    })
    const overdue = await overdueResources(await asUser(person.admin))
    expect(overdue.total).toBe(3)
    expect(overdue.items.find((r) => r.name === 'Ligne périmée')?.outdated).toBe(true)
  })

  it('lists accounts with neither a site nor a network role', async () => {
    const idle = await accountsWithoutSite(await asUser(person.admin))
    expect(idle.map((a) => a.email)).toEqual(['parti@tdb.example'])
  })
})

describe('one-click answers, through the existing access rules', () => {
  it('records who and when on the server, keeps a reason on a refusal only, and lets the answer change', async () => {
    const created = await payload.create({
      collection: 'syndication-decisions',
      data: { news: news.both, site: site.a, decision: 'declined', reason: 'Pas pour notre public', decidedBy: person.adminB.id },
      user: person.editorA,
      overrideAccess: false,
    })
    expect(created.reason).toBe('Pas pour notre public')
    expect(typeof created.decidedBy === 'object' ? created.decidedBy?.id : created.decidedBy).toBe(person.editorA.id)
    expect(Date.now() - new Date(created.decidedAt!).getTime()).toBeLessThan(60_000)

    const changed = await payload.update({
      collection: 'syndication-decisions',
      id: created.id,
      data: { decision: 'accepted' },
      user: person.editorA,
      overrideAccess: false,
    })
    expect(changed.decision).toBe('accepted')
    expect(changed.reason ?? null).toBeNull()
    expect(
      await pendingProposals(await asUser(person.editorA), (await dashboardAudience(await asUser(person.editorA))).partnerSites),
    ).toEqual({
      total: 0,
      items: [],
    })
    // Readers (the exporter) never see who decided or why.
    const anonymous = await payload.find({
      collection: 'syndication-decisions',
      where: { id: { equals: created.id } },
      overrideAccess: false,
    })
    expect(anonymous.docs[0]).not.toHaveProperty('decidedBy')
    expect(anonymous.docs[0]).not.toHaveProperty('reason')
  })

  it('refuses a contributor’s answer', async () => {
    await expect(answer(news.hubDraft, site.a, person.contributorA, 'accepted')).rejects.toThrow()
    const stored = await payload.count({ collection: 'syndication-decisions', where: { news: { equals: news.hubDraft } } })
    expect(stored.totalDocs).toBe(0)
  })
})
