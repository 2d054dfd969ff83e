// Uploads are not public when they are uploaded: an anonymous reader (and the
// exporter, which reads as one) gets a media document, its alt text, caption and
// file only once content a reader can see uses it: a published news item or page
// (hero, share image, image block, image in the text) or a site (logo, share image).
// Only an upload of the site the content belongs to counts (a news item's origin,
// a page's site, the site itself): placing another site's unpublished upload in
// one's own page does not publish it.
// The fields that point at media are found in the config, so a new upload field
// is covered without touching this file. The set is computed from what an
// anonymous reader can read of each collection, and brought up to date when any
// of those collections changed (count and latest update), in this process or
// another: only the documents updated since are read again, unless some were
// deleted or a site changed (then everything is).
import type { Block, CollectionSlug, Field, Payload, PayloadRequest, SanitizedCollectionConfig, Where } from 'payload'
import type { Id } from './roles'

const MEDIA = 'media'
const SITES = 'sites'
/** A query that matches no document, on every database adapter. */
export const NO_DOCUMENT: Where = { id: { exists: false } }

type Data = Record<string, unknown>
const asData = (value: unknown): Data | null => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Data) : null)
const pointsAtMedia = (relationTo: string | string[]) => (Array.isArray(relationTo) ? relationTo.includes(MEDIA) : relationTo === MEDIA)

function blocksOf(field: Extract<Field, { type: 'blocks' }>, payload: Payload): Block[] {
  const references = (field.blockReferences ?? []).map((ref) =>
    typeof ref === 'string' ? payload.config.blocks?.find((b) => b.slug === ref) : ref,
  )
  return [...(field.blocks ?? []), ...references].filter((b): b is Block => Boolean(b))
}

function subFields(field: Field, payload: Payload): Field[][] {
  if (field.type === 'tabs') return field.tabs.map((tab) => tab.fields)
  if (field.type === 'blocks') return blocksOf(field, payload).map((b) => b.fields)
  if ('fields' in field && Array.isArray(field.fields)) return [field.fields]
  return []
}

/** Whether a field (or anything inside it) can hold a reference to media. */
function holdsMedia(field: Field, payload: Payload): boolean {
  if (field.type === 'upload' || field.type === 'relationship') return pointsAtMedia(field.relationTo)
  if (field.type === 'richText') return true
  return subFields(field, payload).some((fields) => fields.some((f) => holdsMedia(f, payload)))
}

/** Media ids inside a rich-text (Lexical) value: upload nodes pointing at media. */
function collectRichText(value: unknown, out: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) collectRichText(item, out)
    return
  }
  const node = asData(value)
  if (!node) return
  if (node.relationTo === MEDIA && node.value != null) {
    const ref = asData(node.value)
    out.add(String(ref ? ref.id : node.value))
  }
  for (const child of Object.values(node)) if (child && typeof child === 'object') collectRichText(child, out)
}

function collectValue(field: Field, value: unknown, payload: Payload, out: Set<string>): void {
  if (value == null) return
  switch (field.type) {
    case 'upload':
    case 'relationship': {
      for (const item of Array.isArray(value) ? value : [value]) {
        const ref = asData(item)
        if (ref && 'relationTo' in ref) {
          if (ref.relationTo === MEDIA && ref.value != null) out.add(String(asData(ref.value)?.id ?? ref.value))
        } else if (field.relationTo === MEDIA) out.add(String(ref ? ref.id : item))
      }
      return
    }
    case 'richText':
      collectRichText(value, out)
      return
    case 'group':
      collectFields(field.fields, asData(value), payload, out)
      return
    case 'array':
      for (const row of Array.isArray(value) ? value : []) collectFields(field.fields, asData(row), payload, out)
      return
    case 'blocks':
      for (const row of Array.isArray(value) ? value : []) {
        const data = asData(row)
        const block = blocksOf(field, payload).find((b) => b.slug === data?.blockType)
        if (block) collectFields(block.fields, data, payload, out)
      }
      return
    default:
      return
  }
}

/** Walks `fields` over one level of data read with `locale: 'all'`. */
function collectFields(fields: Field[], data: Data | null, payload: Payload, out: Set<string>): void {
  if (!data) return
  for (const field of fields) {
    if (!holdsMedia(field, payload)) continue
    if (field.type === 'tabs') {
      for (const tab of field.tabs) collectFields(tab.fields, 'name' in tab && tab.name ? asData(data[tab.name]) : data, payload, out)
      continue
    }
    if (!('name' in field) || !field.name) {
      // Rows, collapsibles, unnamed groups: their fields sit at this level.
      collectFields(subFields(field, payload).flat(), data, payload, out)
      continue
    }
    const raw = data[field.name]
    const values =
      'localized' in field && field.localized && asData(raw) && !('relationTo' in asData(raw)!) ? Object.values(raw as Data) : [raw]
    for (const value of values) collectValue(field, value, payload, out)
  }
}

/** Collections whose documents can use media (not media itself, not Payload's own). */
function sources(payload: Payload): SanitizedCollectionConfig[] {
  return payload.config.collections.filter(
    (c) => c.slug !== MEDIA && !c.slug.startsWith('payload-') && c.fields.some((f) => holdsMedia(f, payload)),
  )
}

/** The top-level fields to read: those that can hold media (containers without a name are looked into). */
function selectOf(fields: Field[], payload: Payload, select: Record<string, true> = {}): Record<string, true> {
  for (const field of fields) {
    if (!holdsMedia(field, payload)) continue
    if (field.type === 'tabs') {
      for (const tab of field.tabs) {
        if ('name' in tab && tab.name) select[tab.name] = true
        else selectOf(tab.fields, payload, select)
      }
    } else if ('name' in field && field.name) select[field.name] = true
    else selectOf(subFields(field, payload).flat(), payload, select)
  }
  return select
}

/** The fields that say which site a document belongs to: single relationships to sites (origin, site). */
function ownerFieldsOf(collection: SanitizedCollectionConfig): string[] {
  return collection.fields
    .filter((f): f is Extract<Field, { type: 'relationship' }> => f.type === 'relationship' && f.relationTo === SITES && !f.hasMany)
    .map((f) => f.name)
}

/** What one readable document uses: the sites it belongs to and the media ids it points at. */
interface Use {
  owners: string[]
  media: string[]
}

/** What is known of one source collection: its state when read, and the use of each readable document. */
interface Known {
  count: number
  latest: string
  uses: Map<string, Use>
  /** When the state was last compared: at least every RECHECK_MS the recent changes are read again. */
  checkedAt: number
}

/** A write may commit after a later one: recent changes are read again once this long has passed, and this far back. */
const RECHECK_MS = 60_000

/** Per Payload instance: each source collection as last read, and the resulting ids (with the time of the media check). */
const cache = new WeakMap<Payload, { collections: Map<string, Known>; ids: Id[] | null; at: number }>()

/** Count and latest update of a collection (every document, drafts' parents included): changes whenever what readers see may have. */
async function stateOf(payload: Payload, collection: SanitizedCollectionConfig): Promise<{ count: number; latest: string }> {
  const latest = await payload.find({
    collection: collection.slug as CollectionSlug,
    sort: '-updatedAt',
    limit: 1,
    depth: 0,
    select: { updatedAt: true } as never,
    overrideAccess: true,
  })
  return { count: latest.totalDocs, latest: String((latest.docs[0] as { updatedAt?: string } | undefined)?.updatedAt ?? '') }
}

/** The use of each document of `collection` an anonymous reader can read (all of them, or only `ids`). */
async function readUses(payload: Payload, collection: SanitizedCollectionConfig, ids?: string[]): Promise<Map<string, Use>> {
  const ownerFields = ownerFieldsOf(collection)
  const select = { ...selectOf(collection.fields, payload), ...Object.fromEntries(ownerFields.map((f) => [f, true])) }
  // As an anonymous reader: published documents only, and only collections readers may read.
  const result = await payload
    .find({
      collection: collection.slug as CollectionSlug,
      overrideAccess: false,
      depth: 0,
      locale: 'all',
      draft: false,
      pagination: false,
      joins: false as never,
      select: select as never,
      ...(ids ? { where: { id: { in: ids } } } : {}),
    })
    .catch(() => null)
  const uses = new Map<string, Use>()
  for (const doc of (result?.docs ?? []) as unknown as Data[]) {
    const owners = collection.slug === SITES ? [String(doc.id)] : ownerFields.map((f) => String(asData(doc[f])?.id ?? doc[f]))
    const found = new Set<string>()
    collectFields(collection.fields, doc, payload, found)
    uses.set(String(doc.id), { owners, media: [...found] })
  }
  return uses
}

/**
 * Brings what is known of a collection up to date. After an edit or a
 * publication only the documents updated since are read again (the whole
 * collection takes about a second at 10,000 news, on every publication); when
 * a document readers could read was deleted, or nothing is known yet, all of it.
 */
async function refresh(payload: Payload, collection: SanitizedCollectionConfig, known: Known | undefined, full: boolean): Promise<Known> {
  const state = await stateOf(payload, collection)
  const checkedAt = Date.now()
  if (known && !full && known.count === state.count && known.latest === state.latest && checkedAt - known.checkedAt < RECHECK_MS)
    return known
  if (known && !full && known.latest) {
    // From a minute before the latest change seen: a write committed after a later one is not missed.
    const since = new Date(Date.parse(known.latest) - RECHECK_MS).toISOString()
    const changed = await payload.find({
      collection: collection.slug as CollectionSlug,
      where: { updatedAt: { greater_than_equal: since } },
      select: { updatedAt: true } as never,
      depth: 0,
      pagination: false,
      overrideAccess: true,
    })
    const ids = (changed.docs as unknown as { id: Id }[]).map((doc) => String(doc.id))
    const uses = new Map(known.uses)
    for (const id of ids) uses.delete(id)
    // Nothing deleted among the documents readers could read: only what changed is read again.
    if ((await countExisting(payload, collection, [...uses.keys()])) === uses.size) {
      if (ids.length) for (const [id, use] of await readUses(payload, collection, ids)) uses.set(id, use)
      return { ...state, uses, checkedAt }
    }
  }
  return { ...state, uses: await readUses(payload, collection), checkedAt }
}

/** How many of `ids` still exist (in chunks: databases limit the parameters of one query). */
async function countExisting(payload: Payload, collection: SanitizedCollectionConfig, ids: string[]): Promise<number> {
  let total = 0
  for (let i = 0; i < ids.length; i += 2_000) {
    const { totalDocs } = await payload.count({
      collection: collection.slug as CollectionSlug,
      where: { id: { in: ids.slice(i, i + 2_000) } },
      overrideAccess: true,
    })
    total += totalDocs
  }
  return total
}

/** Ids of the media that content an anonymous reader can read uses. */
export async function publicMediaIds(payload: Payload): Promise<Id[]> {
  const memo = cache.get(payload) ?? { collections: new Map<string, Known>(), ids: null, at: 0 }
  cache.set(payload, memo)
  const collections = sources(payload)
  // Sites first: what a reader may read of the other collections can depend on them, so a change there reads everything again.
  collections.sort((a, b) => Number(b.slug === SITES) - Number(a.slug === SITES))
  let changed = false
  let sitesChanged = false
  for (const collection of collections) {
    const before = memo.collections.get(collection.slug)
    const now = await refresh(payload, collection, before, sitesChanged && collection.slug !== SITES)
    const moved = !before || before.count !== now.count || before.latest !== now.latest || before.uses !== now.uses
    if (collection.slug === SITES) sitesChanged = Boolean(before) && (before!.count !== now.count || before!.latest !== now.latest)
    changed ||= moved
    memo.collections.set(collection.slug, now)
  }
  // The media's own site can change too (rarely, by a network admin): checked again at least every minute.
  if (!changed && memo.ids && Date.now() - memo.at < RECHECK_MS) return memo.ids
  // Media id → the sites of the readable documents that use it.
  const usedBy = new Map<string, Set<string>>()
  for (const known of memo.collections.values()) {
    for (const { owners, media } of known.uses.values()) {
      for (const id of media) for (const owner of owners) usedBy.set(id, (usedBy.get(id) ?? new Set()).add(owner))
    }
  }
  const media = usedBy.size
    ? await payload.find({
        collection: MEDIA as CollectionSlug,
        where: { id: { in: [...usedBy.keys()] } },
        select: { site: true } as never,
        depth: 0,
        pagination: false,
        overrideAccess: true,
      })
    : { docs: [] }
  memo.ids = (media.docs as unknown as Data[])
    .filter((m) => usedBy.get(String(m.id))?.has(String(asData(m.site)?.id ?? m.site)))
    .map((m) => m.id as Id)
  memo.at = Date.now()
  return memo.ids
}

/** Computed once per request (a list with many images asks for each). */
export async function publicMediaWhere(req: PayloadRequest): Promise<Where> {
  const memo = req.context as { publicMedia?: Promise<Id[]> }
  memo.publicMedia ??= publicMediaIds(req.payload)
  const ids = await memo.publicMedia
  return ids.length ? { id: { in: ids } } : NO_DOCUMENT
}
