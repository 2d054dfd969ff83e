// Cases generated from tables (collections × actors × routes × targets), each
// run over the REST handlers as the actor, then judged on the STORED state:
// refused → the document (live content and versions) is as it was and nothing
// new exists; allowed → the change is stored as requested (and a copy or a new
// document sits on a site the actor may write).
import { ACTORS, copySite, mayWrite, SCOPE_SITE, type Actor, type Collection, type Op, type SiteKey, type Target } from './policy'
import { toQuery, type Answer } from './rest'
import {
  countAll,
  fingerprint,
  frText,
  idOf,
  KINDS,
  latest,
  marker,
  raw,
  sameId,
  siteOf,
  SYSTEM,
  VERSIONED,
  versionsOf,
  type Doc,
  type Fingerprint,
  type Fixtures,
  type Id,
  type Kind,
  type World,
} from './world'

export const ROUTES = [
  'create',
  'createPublished',
  'createPublishedViaDraft',
  'update',
  'bulkUpdate',
  'draftSave',
  'autosave',
  'publish',
  'publishViaDraft',
  'unpublish',
  'bulkUnpublish',
  'delete',
  'bulkDelete',
  'duplicate',
  'restore',
  'restorePublished',
  'restoreAsDraft',
  'lock',
  'lockAsOther',
  'unlock',
  'run',
  'deleteByKey',
  'updateByKey',
] as const
/** `set:<field>`: an update forging a field; `create:<field>`: a create forging it. */
export type Route = (typeof ROUTES)[number] | `set:${string}` | `create:${string}`

export interface Case {
  label: string
  actor: Actor
  collection: Collection
  route: Route
  target: Target
  op: Op
  allowed: boolean
}

const LOCKS = 'payload-locked-documents'

/** The routes that apply to a collection's target (one create per site, not per state). */
function routesFor(kind: Kind, target: Target): Route[] {
  const versioned = VERSIONED.includes(kind.collection)
  const c = kind.collection
  if (c === 'sites' && target.scope === 'network') return ['create']
  const routes: Route[] = []
  const firstOfSite = !versioned || target.state === 'published'
  if (firstOfSite && target.scope !== 'self' && c !== 'sites') routes.push('create')
  if (versioned && firstOfSite) routes.push('createPublished', 'createPublishedViaDraft')
  if (firstOfSite && target.scope !== 'self') for (const field of kind.forgedOnCreate ?? []) routes.push(`create:${field}`)
  routes.push('update', 'bulkUpdate', 'draftSave', 'autosave')
  if (versioned && target.state === 'draft') routes.push('publish', 'publishViaDraft')
  if (versioned && target.state === 'published') routes.push('unpublish', 'bulkUnpublish', 'restorePublished')
  if (!(c === 'users' && target.scope === 'self')) routes.push('delete', 'bulkDelete', 'duplicate', 'restore', 'restoreAsDraft')
  routes.push('lock')
  if (c === 'news') routes.push('lockAsOther')
  if (c === 'users' && target.scope !== 'self') routes.push('unlock')
  if (c === 'payload-jobs') routes.push('run')
  if (c === 'payload-preferences') routes.push('deleteByKey', 'updateByKey')
  for (const field of Object.keys(kind.forged ?? {})) {
    if (c === 'payload-preferences' && target.scope !== 'self') continue
    routes.push(`set:${field}`)
  }
  return routes
}

function opOf(route: Route, kind: Kind, target: Target): Op {
  const versioned = VERSIONED.includes(kind.collection)
  if (route.startsWith('set:')) return route as Op
  if (route.startsWith('create:')) return `set:${route.slice(7)}`
  switch (route) {
    case 'create':
      return 'create'
    // POST ?draft=true saves a draft whatever `_status` says: a create like any other.
    case 'createPublishedViaDraft':
      return 'create'
    case 'createPublished':
    case 'publish':
    case 'publishViaDraft':
    case 'restorePublished':
      return 'publish'
    case 'update':
    case 'bulkUpdate':
      return 'update'
    case 'draftSave':
    case 'autosave':
      return versioned ? 'saveDraft' : 'update'
    case 'unpublish':
    case 'bulkUnpublish':
      return 'unpublish'
    case 'delete':
    case 'bulkDelete':
      return 'delete'
    case 'duplicate':
      return 'duplicate'
    // The oldest version is a draft: restoring it without ?draft=true takes a published document offline.
    case 'restore':
      return versioned ? (target.state === 'published' ? 'unpublish' : 'update') : 'restore'
    case 'restoreAsDraft':
      return versioned ? 'restoreAsDraft' : 'restore'
    case 'lock':
      return 'lock'
    case 'lockAsOther':
      return 'lockAsOther'
    case 'unlock':
      return 'unlock'
    case 'run':
      return 'run'
    case 'deleteByKey':
      return 'deleteByKey'
    case 'updateByKey':
      return 'updateByKey'
  }
  throw new Error(`route inconnue ${route}`)
}

const describeTarget = (t: Target) => `${t.scope}${t.state ? `/${t.state}` : ''}`

/** Every case of the tables. */
export function generateCases(collections: Collection[] = Object.keys(KINDS) as Collection[]): Case[] {
  const out: Case[] = []
  for (const collection of collections) {
    const kind = KINDS[collection]
    for (const target of kind.targets) {
      for (const route of routesFor(kind, target)) {
        for (const actor of ACTORS) {
          if (actor === 'anonymous' && target.scope === 'self') continue
          const op = opOf(route, kind, target)
          // A create forging a field: the create itself must be allowed, and the field too.
          const allowed =
            mayWrite(actor, collection, op, target) && (!route.startsWith('create:') || mayWrite(actor, collection, 'create', target))
          out.push({
            label: `${collection} · ${route} · ${actor} · ${describeTarget(target)}`,
            actor,
            collection,
            route,
            target,
            op,
            allowed,
          })
        }
      }
    }
  }
  return out
}

// ---- Running a case ----------------------------------------------------------------------------

export type Verdict =
  /** As the policy says, stored state included. */
  | { kind: 'ok'; note?: string }
  /** Refused by the policy, yet something was stored (or a copy landed on a wrong site): a security hole. */
  | { kind: 'hole'; detail: string }
  /** Allowed by the policy, but not carried out as requested. */
  | { kind: 'refusedAllowed'; detail: string }
  /** Answered as refused (4xx/5xx), yet something was stored: the answer lies about the stored state. */
  | { kind: 'inconsistent'; detail: string }

export interface CaseResult {
  verdict: Verdict
  status: number
}

const bad = (detail: string): Verdict => ({ kind: 'hole', detail })
const missed = (detail: string): Verdict => ({ kind: 'refusedAllowed', detail })
const OK: Verdict = { kind: 'ok' }
const contains = (value: unknown, mark: string) => JSON.stringify(value ?? null).includes(mark)
const siteIds = (value: unknown): string[] => (Array.isArray(value) ? value : value == null ? [] : [value]).map((v) => String(idOf(v)))
/** A stored or forged field value, comparable: ids for relations, [site, role] pairs for memberships. */
function normField(field: string, v: unknown): string {
  return JSON.stringify(
    field === 'memberships'
      ? ((v as { site: unknown; role: string }[] | undefined) ?? []).map((m) => [String(idOf(m.site)), m.role]).sort()
      : Array.isArray(v)
        ? v.map((x) => String(idOf(x))).sort()
        : v && typeof v === 'object'
          ? String(idOf(v))
          : (v ?? null),
  )
}
const brief = (a: Answer) => `HTTP ${a.status} ${a.text.slice(0, 160)}`

async function locksOn(w: World, collection: Collection, id: Id): Promise<Doc[]> {
  const all = await w.p.find({ ...SYSTEM, collection: LOCKS, pagination: false, limit: 0 })
  return all.docs.filter((l) => {
    const d = l.document as { relationTo?: string; value?: unknown } | undefined
    return d?.relationTo === collection && sameId(d.value, id)
  })
}

async function newestId(w: World, collection: Collection): Promise<number> {
  const found = await w.p.find({ ...SYSTEM, collection, sort: '-id', limit: 1, draft: false })
  return Number(found.docs[0]?.id ?? 0)
}

/** A due scheduled publish of a CLES draft, as the network admin scheduled it. */
async function runnableJob(w: World): Promise<{ job: Id; news: Id }> {
  const news = await w.p.create({
    ...SYSTEM,
    collection: 'news',
    draft: true,
    data: { title: `Planifiée ${marker('j')}`, originSite: w.site.cles, publishedAt: '2026-01-01T00:00:00.000Z', _status: 'draft' },
  })
  const job = await w.p.jobs.queue({
    task: 'schedulePublish',
    input: {
      type: 'publish',
      doc: { relationTo: 'news', value: String(news.id) },
      user: { relationTo: 'users', value: w.user.networkAdmin.id },
    },
    waitUntil: new Date(Date.now() - 1000),
  })
  return { job: job.id, news: news.id }
}

/** The site a stored document belongs to (first of a list), as a site key. */
function siteKeyOf(w: World, kind: Kind, doc: Record<string, unknown>): SiteKey | undefined {
  const field = kind.siteField
  if (!field || field === 'id' || field.includes('.')) return undefined
  const id = siteIds(doc[field])[0]
  return (Object.keys(w.site) as SiteKey[]).find((k) => String(w.site[k]) === id)
}

/**
 * What a refused write may have left: nothing, or (news and pages, for someone who may write
 * drafts there) a pending draft, the live document as it was. A description of the damage, or null.
 */
export async function untouched(
  w: World,
  collection: Collection,
  actor: Actor,
  target: Target,
  id: Id,
  before: Fingerprint,
  now: Fingerprint,
): Promise<string | null> {
  if (now.main === before.main && now.versions === before.versions) return null
  if (VERSIONED.includes(collection) && now.main === before.main && mayWrite(actor, collection, 'saveDraft', target)) {
    const newest = await latest(w, collection, id)
    if (newest?._status === 'draft') return null
  }
  return now.main === null ? 'document supprimé' : now.main !== before.main ? 'document modifié' : 'versions modifiées'
}

export async function runCase(w: World, fixtures: Fixtures, c: Case): Promise<CaseResult> {
  const kind = KINDS[c.collection]
  const token = w.token[c.actor]
  const actorId = c.actor === 'anonymous' ? undefined : w.user[c.actor].id
  const versioned = VERSIONED.includes(c.collection)
  // depth=0: the answer's populated relations cost time and change nothing that is stored.
  const call = (method: string, path: string, body?: unknown, file?: boolean) =>
    w.rest(method, `${path}${path.includes('?') ? '&' : '?'}depth=0`, {
      token,
      body,
      file: file ? { data: w.png, name: 'image.png', mimetype: 'image/png' } : undefined,
    })
  const base = `/${c.collection}`
  const mark = marker()
  const lockRoute = c.route === 'lock' || c.route === 'lockAsOther'
  const newestLockBefore = lockRoute ? await newestId(w, LOCKS) : 0

  // ---- Routes that make something new ------------------------------------------------------
  const forgedField = c.route.startsWith('create:') ? c.route.slice(7) : undefined
  if (c.route === 'create' || c.route === 'createPublished' || c.route === 'createPublishedViaDraft' || forgedField) {
    const countBefore = await countAll(w, c.collection)
    const forged = forgedField ? kind.forged![forgedField]!(w, c.target, c.actor) : undefined
    let body: Record<string, unknown>
    let findCreated: () => Promise<Doc[]>
    if (c.collection === LOCKS) {
      const free = w.lockable[SCOPE_SITE[c.target.scope]!].free
      body = { document: { relationTo: 'news', value: free }, user: { relationTo: 'users', value: actorId ?? w.holder.marthe.id } }
      findCreated = () => locksOn(w, 'news', free)
    } else {
      body = {
        ...kind.createBody(w, c.target, mark, c.actor),
        ...(c.route === 'createPublished' || c.route === 'createPublishedViaDraft' ? { _status: 'published' } : {}),
        ...(forgedField ? { [forgedField]: forged } : {}),
      }
      findCreated = async () =>
        (await w.p.find({ ...SYSTEM, collection: c.collection, where: kind.createdWhere(w, mark, c.target), pagination: false, limit: 0 }))
          .docs
    }
    const answer = await call('POST', c.route === 'createPublishedViaDraft' ? `${base}?draft=true` : base, body, kind.upload)
    const created = await findCreated()
    const cleanup = () => Promise.all(created.map((d) => w.p.delete({ ...SYSTEM, collection: c.collection, id: d.id }).catch(() => {})))
    try {
      if (answer.status >= 400 && created.length)
        return {
          status: answer.status,
          verdict: { kind: c.allowed ? 'inconsistent' : 'hole', detail: `refusé (${brief(answer)}) mais créé` },
        }
      if (forgedField) {
        // Refusing the whole create is fine; creating it with the forged value is not, unless allowed.
        if (!mayWrite(c.actor, c.collection, 'create', c.target))
          return { status: answer.status, verdict: created.length ? bad(`créé (${brief(answer)})`) : OK }
        if (created.length === 0) return { status: answer.status, verdict: c.allowed ? missed(`création attendue (${brief(answer)})`) : OK }
        const forgedNow = normField(forgedField, created[0]![forgedField]) === normField(forgedField, forged)
        if (forgedNow && !c.allowed)
          return { status: answer.status, verdict: bad(`créé avec ${forgedField} = ${normField(forgedField, forged)}`) }
        if (!forgedNow && c.allowed) return { status: answer.status, verdict: missed(`${forgedField} non enregistré (${brief(answer)})`) }
        return { status: answer.status, verdict: OK }
      }
      if (!c.allowed) {
        if (created.length || (await countAll(w, c.collection)) !== countBefore)
          return { status: answer.status, verdict: bad(`refusé attendu, mais ${created.length} document(s) créé(s) (${brief(answer)})`) }
        return { status: answer.status, verdict: OK }
      }
      if (created.length !== 1)
        return { status: answer.status, verdict: missed(`création attendue, ${created.length} document(s) (${brief(answer)})`) }
      const doc = created[0]!
      // Where it landed: exactly where asked, in the actor's name.
      const site = siteOf(w, c.target)
      if (c.collection === 'payload-preferences' && !sameId(doc.user, actorId))
        return { status: answer.status, verdict: bad(`préférence enregistrée au nom de ${JSON.stringify(doc.user)}`) }
      if (c.collection === LOCKS && !sameId(doc.user, actorId))
        return { status: answer.status, verdict: bad(`verrou au nom de ${JSON.stringify(doc.user)}`) }
      if (kind.siteField && kind.siteField !== 'id' && site !== undefined) {
        const stored =
          kind.siteField === 'memberships.site' ? (doc.memberships as { site: unknown }[]).map((m) => m.site) : doc[kind.siteField]
        const expected = c.collection === 'resources' && c.target.scope === 'shared' ? [w.site.marthe, w.site.outaouais] : [site]
        if (siteIds(stored).sort().join() !== expected.map(String).sort().join())
          return { status: answer.status, verdict: bad(`créé sur ${JSON.stringify(stored)} au lieu de ${expected}`) }
      }
      if (c.route === 'createPublished' && doc._status !== 'published')
        return { status: answer.status, verdict: missed(`créé avec _status ${String(doc._status)}`) }
      if (c.route === 'createPublishedViaDraft' && doc._status === 'published' && !mayWrite(c.actor, c.collection, 'publish', c.target)) {
        return { status: answer.status, verdict: bad('un brouillon créé est en ligne') }
      }
      return { status: answer.status, verdict: OK }
    } finally {
      await cleanup()
    }
  }

  if (c.route === 'run') {
    const { job, news } = await runnableJob(w)
    const before = await fingerprint(w, 'payload-jobs', job)
    const answer = await call('GET', `${base}/run`)
    const stored = await raw(w, 'payload-jobs', job)
    const item = await raw(w, 'news', news)
    try {
      if (!c.allowed) {
        if (JSON.stringify(stored) !== before.main || item?._status !== 'draft')
          return { status: answer.status, verdict: bad(`file de travaux exécutée (${brief(answer)}) : actualité ${String(item?._status)}`) }
        return { status: answer.status, verdict: OK }
      }
      return { status: answer.status, verdict: item?._status === 'published' ? OK : missed(`travail non exécuté (${brief(answer)})`) }
    } finally {
      await w.p.delete({ ...SYSTEM, collection: 'payload-jobs', id: job }).catch(() => {})
      await w.p.delete({ ...SYSTEM, collection: 'news', id: news }).catch(() => {})
    }
  }

  // ---- Routes on an existing document --------------------------------------------------------
  const destructive = c.route === 'delete' || c.route === 'bulkDelete' || c.route === 'deleteByKey'
  const useDisposable = (c.route === 'delete' || c.route === 'bulkDelete') && c.allowed && kind.disposable !== undefined
  const fixture = useDisposable ? null : await fixtures.get(kind, c.target, c.actor)
  const id = fixture ? fixture.id : await kind.disposable!(w, c.target)
  const before = fixture ? fixture.print : await fingerprint(w, c.collection, id)
  const countBefore = await countAll(w, c.collection)
  const beforeDoc = JSON.parse(before.main!) as Record<string, unknown>
  const versions = c.route.startsWith('restore') ? await versionsOf(w, c.collection, id) : []
  const byId = toQuery({ where: { id: { equals: id } } })
  const patch = c.collection === LOCKS ? { user: { relationTo: 'users', value: actorId ?? w.holder.marthe.id } } : kind.patch(mark)
  const newestBefore = c.route === 'duplicate' ? await newestId(w, c.collection) : 0
  let answer: Answer
  switch (c.route) {
    case 'update':
      answer = await call('PATCH', `${base}/${id}`, patch)
      break
    case 'bulkUpdate':
      answer = await call('PATCH', `${base}?${byId}`, patch)
      break
    case 'draftSave':
      answer = await call('PATCH', `${base}/${id}?draft=true`, patch)
      break
    case 'autosave':
      answer = await call('PATCH', `${base}/${id}?draft=true&autosave=true`, patch)
      break
    case 'publish':
      answer = await call('PATCH', `${base}/${id}`, { ...patch, _status: 'published' })
      break
    case 'publishViaDraft':
      answer = await call('PATCH', `${base}/${id}?draft=true`, { ...patch, _status: 'published' })
      break
    case 'unpublish':
      answer = await call('PATCH', `${base}/${id}`, { _status: 'draft' })
      break
    case 'bulkUnpublish':
      answer = await call('PATCH', `${base}?${byId}`, { _status: 'draft' })
      break
    case 'delete':
      answer = await call('DELETE', `${base}/${id}`)
      break
    case 'bulkDelete':
      answer = await call('DELETE', `${base}?${byId}`)
      break
    case 'duplicate':
      answer = await call('POST', `${base}/${id}/duplicate${versioned ? '?draft=true' : ''}`)
      break
    case 'restore':
    case 'restoreAsDraft':
      answer = await call('POST', `${base}/versions/${versions[0]?.id ?? id}${c.route === 'restoreAsDraft' ? '?draft=true' : ''}`)
      break
    case 'restorePublished':
      answer = await call('POST', `${base}/versions/${versions[1]!.id}`)
      break
    case 'lock':
    case 'lockAsOther': {
      const holder = c.route === 'lock' ? (actorId ?? w.holder.marthe.id) : w.holder[SCOPE_SITE[c.target.scope] ?? 'marthe'].id
      answer = await call('POST', `/${LOCKS}`, {
        document: { relationTo: c.collection, value: id },
        user: { relationTo: 'users', value: holder },
      })
      break
    }
    case 'unlock':
      answer = await call('POST', '/users/unlock', { email: beforeDoc.email })
      break
    case 'deleteByKey':
      answer = await call('DELETE', `${base}/${String(beforeDoc.key)}`)
      break
    case 'updateByKey':
      answer = await call('POST', `${base}/${String(beforeDoc.key)}`, patch)
      break
    default: {
      const field = c.route.slice(4)
      answer = await call('PATCH', `${base}/${id}`, { [field]: kind.forged![field]!(w, c.target, c.actor) })
    }
  }

  let now: Fingerprint | undefined
  try {
    now = await fingerprint(w, c.collection, id)
    const verdict = await judge(now)
    // Whatever the policy says, a refusal must leave the document as it was.
    if (
      verdict.kind === 'ok' &&
      answer.status >= 400 &&
      !lockRoute &&
      c.route !== 'duplicate' &&
      (now.main !== before.main || now.versions !== before.versions)
    ) {
      return { status: answer.status, verdict: { kind: 'inconsistent', detail: `refusé (${brief(answer)}) mais le document a changé` } }
    }
    return { status: answer.status, verdict }
  } finally {
    // Leave no lock, copy or throw-away document behind.
    if (c.route === 'lock' || c.route === 'lockAsOther') {
      const fixtureLocks = new Set(fixtures.of(LOCKS).map((f) => String(f.id)))
      for (const lock of await locksOn(w, c.collection, id))
        if (!fixtureLocks.has(String(lock.id))) await w.p.delete({ ...SYSTEM, collection: LOCKS, id: lock.id }).catch(() => {})
    }
    if (c.route === 'duplicate') {
      const copies = await w.p.find({
        ...SYSTEM,
        collection: c.collection,
        where: { id: { greater_than: newestBefore } },
        pagination: false,
        limit: 0,
      })
      for (const copy of copies.docs) await w.p.delete({ ...SYSTEM, collection: c.collection, id: copy.id }).catch(() => {})
    }
    if (useDisposable) await w.p.delete({ ...SYSTEM, collection: c.collection, id }).catch(() => {})
    else await fixtures.settle(kind, c.target, c.actor, now)
  }

  async function judge(now: Fingerprint): Promise<Verdict> {
    const stored = now.main ? (JSON.parse(now.main) as Record<string, unknown>) : null
    const countNow = await countAll(w, c.collection)
    const said = brief(answer)

    if (lockRoute) {
      const expectedHolder = c.route === 'lock' ? (actorId ?? w.holder.marthe.id) : w.holder[SCOPE_SITE[c.target.scope] ?? 'marthe'].id
      const made = (await locksOn(w, c.collection, id)).filter((l) => sameId(l.user, expectedHolder))
      if (c.allowed) return made.length === 1 ? OK : missed(`verrou attendu, ${made.length} (${said})`)
      const added = (
        await w.p.find({ ...SYSTEM, collection: LOCKS, where: { id: { greater_than: newestLockBefore } }, pagination: false, limit: 0 })
      ).docs
      // A lock pointing at nothing, in the actor's own name, blocks nobody (Payload drops a `document` it cannot point at).
      const harmful = added.filter((l) => (l.document as { value?: unknown } | null)?.value != null || !sameId(l.user, actorId))
      if (harmful.length) return bad(`verrou créé : ${JSON.stringify(harmful[0])} (${said})`)
      return added.length ? { kind: 'ok', note: 'verrou vide à son nom' } : OK
    }

    if (c.route === 'duplicate') {
      const copies = (
        await w.p.find({ ...SYSTEM, collection: c.collection, where: { id: { greater_than: newestBefore } }, pagination: false, limit: 0 })
      ).docs
      if (now.main !== before.main) return bad(`l’original a changé (${said})`)
      if (!c.allowed)
        return copies.length === 0 && countNow === countBefore
          ? OK
          : bad(`copie créée : ${JSON.stringify(copies[0]).slice(0, 200)} (${said})`)
      if (copies.length !== 1) return missed(`une copie attendue, ${copies.length} (${said})`)
      const copy = copies[0]!
      const original = siteKeyOf(w, kind, beforeDoc)
      if (original && c.collection !== 'resources') {
        const expected = copySite(c.actor, original)!
        const landed = siteKeyOf(w, kind, copy)
        if (landed !== expected) return bad(`copie placée sur ${landed} au lieu de ${expected}`)
      }
      if (versioned) {
        const copyLatest = await latest(w, c.collection, copy.id)
        if (copy._status === 'published' || copyLatest?._status === 'published') return bad('copie publiée')
        if (c.collection === 'news' && siteIds(copy.targetSites).length) return bad(`copie proposée à ${JSON.stringify(copy.targetSites)}`)
      }
      if (c.collection === 'payload-preferences' && !sameId(copy.user, actorId)) return bad(`copie au nom de ${JSON.stringify(copy.user)}`)
      return OK
    }

    // Anything else acts on the document itself: nothing new may appear (but the actor's own
    // preference under the same key, which is what POST /payload-preferences/:key is for).
    if (countNow > countBefore && c.route !== 'updateByKey')
      return bad(`${countNow - countBefore} document(s) ${c.collection} en plus (${said})`)

    if (c.route.startsWith('set:')) {
      const field = c.route.slice(4)
      const forged = kind.forged![field]!(w, c.target, c.actor)
      const norm = (v: unknown) => normField(field, v)
      if (!stored) return c.allowed ? missed('document disparu') : bad('document disparu')
      // Localised fields hold { fr, en } in the stored document.
      const value = frText(stored[field])
      const latestValue = versioned ? frText((await latest(w, c.collection, id))?.[field]) : value
      const forgedNow = norm(value) === norm(forged) || norm(latestValue) === norm(forged)
      const wasForged = norm(frText(beforeDoc[field])) === norm(forged)
      if (c.allowed) return forgedNow ? OK : missed(`${field} non enregistré (${said})`)
      if (forgedNow && !wasForged) return bad(`${field} enregistré = ${norm(forged)} (${said})`)
      return OK
    }

    if (!c.allowed) {
      const problem = await untouched(w, c.collection, c.actor, c.target, id, before, now)
      return problem ? bad(`${problem} (${said})`) : OK
    }

    // Allowed: stored as requested.
    if (destructive) return stored === null ? OK : missed(`toujours là (${said})`)
    if (!stored) return missed(`document disparu (${said})`)
    const newest = versioned ? await latest(w, c.collection, id) : stored
    const title = (v: Record<string, unknown> | null | undefined) => String(frText(v?.title) ?? '')
    switch (c.route) {
      case 'unlock':
        return stored.lockUntil == null ? OK : missed(`toujours verrouillé (${said})`)
      case 'unpublish':
      case 'bulkUnpublish':
        return stored._status === 'draft' ? OK : missed(`toujours publié (${said})`)
      case 'restore':
        return title(stored).endsWith(' v1') ? OK : missed(`version non restaurée : « ${title(stored)} » (${said})`)
      case 'restorePublished':
        return title(stored).endsWith(' v2') && stored._status === 'published' ? OK : missed(`version publiée non restaurée (${said})`)
      case 'restoreAsDraft':
        if (!title(newest).endsWith(' v1')) return missed(`brouillon non restauré : « ${title(newest)} » (${said})`)
        return c.target.state === 'published' && before.main !== now.main && stored._status !== 'published'
          ? bad('restauré en brouillon, mais retiré en ligne')
          : OK
      default:
        break
    }
    if (c.collection === LOCKS) return sameId(stored.user, actorId) ? OK : missed(`verrou non repris (${said})`)
    if (c.collection === 'syndication-decisions') return stored.decision === 'declined' ? OK : missed(`réponse inchangée (${said})`)
    const draftSave = versioned && (c.route === 'draftSave' || c.route === 'autosave')
    if (draftSave) {
      if (!contains(newest, mark)) return missed(`brouillon non enregistré (${said})`)
      if (c.target.state === 'published' && (contains(stored, mark) || stored._status !== 'published'))
        return bad('un brouillon a changé le document en ligne')
      return OK
    }
    if (!contains(stored, mark)) return missed(`modification non enregistrée (${said})`)
    if ((c.route === 'publish' || c.route === 'publishViaDraft') && stored._status !== 'published') return missed('non publié')
    if (versioned && c.target.state === 'published' && stored._status !== 'published') return bad('retiré en ligne par une modification')
    return OK
  }
}
