// Bulk routes with `where` filters that reach for other sites' documents:
// whatever the filter, a bulk PATCH or DELETE may only change what the actor
// may change one by one. Checked on every fixture of the collection (all
// sites, published and draft), from the stored state.
import fc from 'fast-check'
import { mayWrite, writerSites, type Actor, type Collection, type Target } from './policy'
import { untouched } from './cases'
import { toQuery } from './rest'
import { fingerprint, KINDS, marker, type Fingerprint, type Fixtures, type Id, type World } from './world'

export type BulkMethod = 'PATCH' | 'DELETE' | 'UNPUBLISH'

/** Filters an attacker tries, for a collection whose documents belong to sites through `field`. */
export function reachingWheres(
  w: World,
  collection: Collection,
  actor: Actor,
  ids: Id[],
): { name: string; where: Record<string, unknown> }[] {
  const field = KINDS[collection].siteField
  const home = writerSites(actor).map((k) => w.site[k])
  const wheres: { name: string; where: Record<string, unknown> }[] = [
    { name: 'tout', where: { id: { exists: true } } },
    { name: 'ids de tous les sites', where: { or: [{ id: { in: ids } }, { id: { equals: ids[0] ?? 0 } }] } },
  ]
  if (field && field !== 'id') {
    wheres.push({ name: `${field} hors de son site`, where: { [field]: { not_in: home.length ? home : [0] } } })
    wheres.push({
      name: `${field}.slug des autres`,
      where: { [`${field}.slug`]: { in: ['calacs-outaouais', 'cles', 'maison-de-marthe'] } },
    })
  }
  if (collection === 'syndication-decisions') wheres.push({ name: 'news.originSite', where: { 'news.originSite': { exists: true } } })
  if (collection === 'payload-locked-documents') wheres.push({ name: 'user d’un autre', where: { 'user.value': { exists: true } } })
  return wheres
}

function targetsOf(collection: Collection): Target[] {
  return KINDS[collection].targets.filter((t) => t.scope !== 'self' && !(collection === 'sites' && t.scope === 'network'))
}

/** Ids of every fixture of the collection (made if needed). */
export async function fixtureIds(fixtures: Fixtures, collection: Collection, actor: Actor): Promise<Id[]> {
  const ids: Id[] = []
  for (const target of targetsOf(collection)) ids.push((await fixtures.get(KINDS[collection], target, actor)).id)
  return ids
}

export interface ReachResult {
  /** Fixtures the actor may not change that changed anyway. */
  damage: string[]
  status: number
}

/** One bulk request as `actor`, then every fixture of the collection it may not touch is checked. */
export async function bulkReach(
  w: World,
  fixtures: Fixtures,
  collection: Collection,
  actor: Actor,
  method: BulkMethod,
  where: Record<string, unknown>,
): Promise<ReachResult> {
  const kind = KINDS[collection]
  const targets = targetsOf(collection)
  const before: { target: Target; id: Id; print: Fingerprint }[] = []
  for (const target of targets) {
    const made = await fixtures.fresh(kind, target, actor)
    before.push({ target, id: made.id, print: made.print })
  }
  const mark = marker('bulk')
  const query = `${toQuery({ where })}&depth=0`
  const token = w.token[actor]
  const answer =
    method === 'DELETE'
      ? await w.rest('DELETE', `/${collection}?${query}`, { token })
      : await w.rest('PATCH', `/${collection}?${query}`, { token, body: method === 'UNPUBLISH' ? { _status: 'draft' } : kind.patch(mark) })
  const damage: string[] = []
  for (const { target, id, print } of before) {
    // Saving a never-published document with `_status: 'draft'` is an ordinary save.
    const op = method === 'DELETE' ? 'delete' : method === 'UNPUBLISH' && target.state === 'published' ? 'unpublish' : 'update'
    const now = await fingerprint(w, collection, id)
    if (!mayWrite(actor, collection, op, target)) {
      const problem = await untouched(w, collection, actor, target, id, print, now)
      if (problem)
        damage.push(`${collection} ${target.scope}${target.state ? `/${target.state}` : ''} #${id} : ${problem} (HTTP ${answer.status})`)
    }
    await fixtures.settle(kind, target, actor, now)
  }
  return { damage, status: answer.status }
}

// ---- Property: random filters ----------------------------------------------------------------

/** Random `where` objects over the fields an attacker would use, with site and document ids as values. */
export function whereArbitrary(w: World, collection: Collection, ids: Id[]): fc.Arbitrary<Record<string, unknown>> {
  const field = KINDS[collection].siteField ?? 'id'
  const siteIds = Object.values(w.site)
  const fields = [
    'id',
    field,
    `${field}.slug`,
    `${field}.isHub`,
    'createdAt',
    'updatedAt',
    ...(collection === 'news' || collection === 'pages' ? ['_status', 'title', 'slug'] : []),
  ]
  if (collection === 'news') fields.push('targetSites', 'targetSites.slug')
  const value = fc.oneof(
    fc.constantFrom(...siteIds, ...ids),
    fc.constantFrom('cles', 'calacs-outaouais', 'maison-de-marthe', 'published', 'draft', 'true', '', '%', 'null'),
    fc.array(fc.constantFrom(...siteIds, ...ids), { maxLength: 4 }),
    fc.boolean(),
    fc.integer({ min: -1, max: 50 }),
  )
  const operator = fc.constantFrom('equals', 'not_equals', 'in', 'not_in', 'exists', 'like', 'contains', 'greater_than', 'less_than_equal')
  const leaf = fc
    .record({ f: fc.constantFrom(...fields), o: operator, v: value })
    .map(({ f, o, v }) => ({ [f]: { [o]: v } }) as Record<string, unknown>)
  const { node } = fc.letrec<{ node: Record<string, unknown> }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((and) => ({ and })),
      fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((or) => ({ or })),
    ),
  }))
  return node
}
