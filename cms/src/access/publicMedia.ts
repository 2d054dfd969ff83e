// Uploads are not public when they are uploaded: an anonymous reader (and the
// exporter, which reads as one) gets a media document, its alt text, caption and
// file only once content a reader can see uses it: a published news item or page
// (hero, share image, image block, image in the text) or a site (logo, share image).
// Only an upload of the site the content belongs to counts (a news item's origin,
// a page's site, the site itself): placing another site's unpublished upload in
// one's own page does not publish it.
// The fields that point at media are found in the config, so a new upload field
// is covered without touching this file. The set is computed from what an
// anonymous reader can read of each collection, and recomputed when any of those
// collections changed (count and latest update), in this process or another.
import type { Block, CollectionSlug, Field, Payload, PayloadRequest, SanitizedCollectionConfig, Where } from 'payload'
import type { Id } from './roles'

const MEDIA = 'media'
const SITES = 'sites'
const MAX_AGE_MS = 60_000
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

/** Per Payload instance: the last computed set and the state it was computed for. */
const cache = new WeakMap<Payload, { key: string; ids: Id[]; at: number }>()

/** Count and latest update of each source collection: changes whenever what readers see may have. */
async function stateKey(payload: Payload, collections: SanitizedCollectionConfig[]): Promise<string> {
  const parts = await Promise.all(
    collections.map(async (c) => {
      const latest = await payload.find({
        collection: c.slug as CollectionSlug,
        sort: '-updatedAt',
        limit: 1,
        depth: 0,
        select: { updatedAt: true } as never,
        overrideAccess: true,
      })
      return `${c.slug}:${latest.totalDocs}:${String((latest.docs[0] as { updatedAt?: string } | undefined)?.updatedAt ?? '')}`
    }),
  )
  return parts.join('|')
}

/** Ids of the media that content an anonymous reader can read uses. */
export async function publicMediaIds(payload: Payload): Promise<Id[]> {
  const collections = sources(payload)
  const key = await stateKey(payload, collections)
  const cached = cache.get(payload)
  if (cached && cached.key === key && Date.now() - cached.at < MAX_AGE_MS) return cached.ids
  // Media id → the sites of the readable documents that use it.
  const usedBy = new Map<string, Set<string>>()
  for (const collection of collections) {
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
      })
      .catch(() => null)
    for (const doc of (result?.docs ?? []) as unknown as Data[]) {
      const owners = collection.slug === SITES ? [String(doc.id)] : ownerFields.map((f) => String(asData(doc[f])?.id ?? doc[f]))
      const found = new Set<string>()
      collectFields(collection.fields, doc, payload, found)
      for (const id of found) for (const owner of owners) usedBy.set(id, (usedBy.get(id) ?? new Set()).add(owner))
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
  const ids = (media.docs as unknown as Data[])
    .filter((m) => usedBy.get(String(m.id))?.has(String(asData(m.site)?.id ?? m.site)))
    .map((m) => m.id as Id)
  cache.set(payload, { key, ids, at: Date.now() })
  return ids
}

/** Computed once per request (a list with many images asks for each). */
export async function publicMediaWhere(req: PayloadRequest): Promise<Where> {
  const memo = req.context as { publicMedia?: Promise<Id[]> }
  memo.publicMedia ??= publicMediaIds(req.payload)
  const ids = await memo.publicMedia
  return ids.length ? { id: { in: ids } } : NO_DOCUMENT
}
