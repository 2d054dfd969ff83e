// Drafts never reach anonymous readers: not with ?draft=true, not through
// depth (a decision or a child page populating a draft), select, locale=all,
// versions, counts or filters on draft-only values (a yes/no oracle).
import { SYSTEM, type Id, type World } from './world'

/** Marker of draft-only content, in every case an attacker could write it (slugs are lower case). */
export const SECRET = 'brouillonsecret'

export interface DraftWorld {
  /** Published, with a newer draft holding the secret. */
  pendingNews: Id
  /** Never published, secret title. */
  draftNews: Id
  pendingPage: Id
  draftPage: Id
  /** A published page whose parent's editor restored the parent's first, secret, draft version. */
  childPage: Id
  /** The answer to that restore, and the parent as stored before it. */
  parentRestore: number
  parent: Id
  parentBefore: string
  /** An accepted answer to a CLES proposal whose newer draft holds the secret. */
  decision: Id
  /** A version of `pendingNews` that is a draft. */
  draftVersion: Id
}

export async function buildDraftWorld(w: World): Promise<DraftWorld> {
  const p = w.p
  const published = (collection: 'news' | 'pages', data: Record<string, unknown>) =>
    p.create({
      ...SYSTEM,
      collection,
      data: { ...data, _status: 'published', ...(collection === 'news' ? { publishedAt: '2026-01-01T00:00:00.000Z' } : {}) },
    })
  const pendingDraft = (collection: 'news' | 'pages', id: Id, extra: Record<string, unknown> = {}) =>
    p.update({ ...SYSTEM, collection, id, draft: true, data: { title: `Titre ${SECRET}`, ...extra } })
  const pendingNews = await published('news', { title: 'Actualité en ligne', originSite: w.site.marthe })
  await pendingDraft('news', pendingNews.id, { excerpt: `Chapeau ${SECRET}` })
  const draftNews = await p.create({
    ...SYSTEM,
    collection: 'news',
    draft: true,
    data: {
      title: `Brouillon ${SECRET}`,
      slug: `actu-${SECRET}`,
      originSite: w.site.marthe,
      publishedAt: '2026-01-01T00:00:00.000Z',
      _status: 'draft',
    },
  })
  const pendingPage = await published('pages', { title: 'Page en ligne', site: w.site.marthe, slug: 'page-en-ligne-adv' })
  await pendingDraft('pages', pendingPage.id)
  const draftPage = await p.create({
    ...SYSTEM,
    collection: 'pages',
    draft: true,
    data: { title: `Page ${SECRET}`, slug: `page-${SECRET}`, site: w.site.marthe, _status: 'draft' },
  })
  // A parent first saved as a draft under a secret slug, then published under a public one, with a published
  // child. Its editor then restores the first version (a route that is not an « update »): whatever the CMS
  // decides, the child's address must never show the secret slug, nor sit under an unpublished parent.
  const parent = await p.create({
    ...SYSTEM,
    collection: 'pages',
    draft: true,
    data: { title: `Parent ${SECRET}`, slug: `parent-${SECRET}`, site: w.site.marthe, _status: 'draft' },
  })
  await p.update({
    ...SYSTEM,
    collection: 'pages',
    id: parent.id,
    data: { title: 'Parent public', slug: 'parent-public-adv', _status: 'published' },
  })
  const childPage = await published('pages', { title: 'Enfant publié', slug: 'enfant-adv', site: w.site.marthe, parent: parent.id })
  const parentVersions = await p.db.findVersions({
    collection: 'pages',
    where: { parent: { equals: parent.id } },
    sort: 'createdAt',
    limit: 1,
  })
  const parentBefore = JSON.stringify(await p.db.findOne({ collection: 'pages', where: { id: { equals: parent.id } }, locale: 'all' }))
  const restored = await w.rest('POST', `/pages/versions/${parentVersions.docs[0]!.id}?depth=0`, { token: w.token.siteEditor })
  const proposal = await published('news', { title: 'Proposition en ligne', originSite: w.site.cles, targetSites: [w.site.marthe] })
  await pendingDraft('news', proposal.id)
  const decision = await p.create({
    ...SYSTEM,
    collection: 'syndication-decisions',
    data: { news: proposal.id, site: w.site.marthe, decision: 'accepted' },
  })
  const versions = await p.db.findVersions({
    collection: 'news',
    where: { and: [{ parent: { equals: pendingNews.id } }, { 'version._status': { equals: 'draft' } }] },
    limit: 1,
  })
  return {
    pendingNews: pendingNews.id,
    draftNews: draftNews.id,
    pendingPage: pendingPage.id,
    draftPage: draftPage.id,
    childPage: childPage.id,
    parentRestore: restored.status,
    parent: parent.id,
    parentBefore,
    decision: decision.id,
    draftVersion: versions.docs[0]!.id,
  }
}

/** Anonymous reads an attacker tries, with the paths (and whether a signed-in Marthe editor sees the secret there). */
export function draftProbes(d: DraftWorld): { path: string; staffSees?: boolean }[] {
  const S = SECRET
  return [
    { path: `/news/${d.pendingNews}?draft=true`, staffSees: true },
    { path: `/news/${d.pendingNews}?draft=true&depth=3&locale=all` },
    { path: `/news/${d.pendingNews}?draft=true&select[title]=true&select[excerpt]=true`, staffSees: true },
    { path: `/news/${d.pendingNews}?draft=true&fallback-locale=none&locale=en` },
    { path: `/news/${d.draftNews}`, staffSees: true },
    { path: `/news/${d.draftNews}?draft=true&depth=0` },
    { path: '/news?draft=true&limit=100', staffSees: true },
    { path: '/news?draft=true&depth=2&limit=100&where[_status][equals]=draft' },
    { path: `/news?draft=true&where[title][like]=${S}` },
    { path: `/news?where[title][like]=${S}&select[title]=true` },
    { path: `/news?draft=true&where[or][0][excerpt][like]=${S}&where[or][1][slug][like]=${S}` },
    { path: '/news?draft=true&sort=-updatedAt&limit=5&select[title]=true&select[slug]=true' },
    { path: `/news/count?draft=true&where[title][like]=${S}` },
    { path: `/news/count?where[slug][like]=${S}` },
    { path: `/news/versions?where[parent][equals]=${d.pendingNews}&depth=1` },
    { path: `/news/versions/${d.draftVersion}` },
    { path: `/pages/${d.pendingPage}?draft=true`, staffSees: true },
    { path: `/pages/${d.draftPage}?draft=true&locale=all` },
    { path: `/pages?draft=true&where[title][like]=${S}&limit=100` },
    { path: `/pages/${d.childPage}?depth=2&draft=true` },
    { path: `/pages/${d.childPage}` },
    { path: `/pages?where[parent][exists]=true&depth=1&limit=100` },
    { path: `/pages/count?where[path][like]=${S}` },
    { path: `/pages/count?where[parent.slug][like]=${S}` },
    { path: `/pages/count?draft=true&where[parent.slug][like]=${S}` },
    { path: '/syndication-decisions?depth=2&draft=true&limit=100' },
    { path: `/syndication-decisions/${d.decision}?depth=3` },
    { path: '/sites?depth=2&draft=true&limit=10' },
  ]
}
