// Every site whose team may read a news item (its origin and the sites it is
// proposed to), stored as one text key « ,1,3,4, » beside the relations. On
// SQLite a team's list otherwise filters through a join on the relations
// table, and counting it walked every version: 4.4 ms of a 10 ms list at
// 10,000 news. Filtered on this key (`contains ',3,'`, a covering index with
// `latest`), the same count reads one index (docs/production.md §15).
// The key is never sent out (hidden) and never taken from a request: it is
// computed on every write from the stored or saved origin and proposed sites,
// after the proposed sites' own hooks have settled them.
import type { FieldHook, TextField, Where } from 'payload'
import type { Id } from '../access/roles'
import { relationIds } from '../lib/relationId'

const READER_SITES = 'readerSites'

const token = (site: Id) => `,${site},`

/** The stored key for an origin and proposed sites, or null when no site may read. */
export function readerSitesKey(origin: unknown, proposed: unknown): string | null {
  const ids = relationIds(origin, proposed)
  return ids.length ? `,${ids.join(',')},` : null
}

/** The hidden field that holds the key (no hooks of its own: the proposed sites' field writes it). */
export const readerSitesField: TextField = { name: READER_SITES, type: 'text', hidden: true, index: true }

/**
 * Last hook of the proposed sites' field (`beforeChange`): their final value
 * (with the sites kept for someone who could not see them), or the stored ones
 * when the save leaves them alone, joined with the origin being saved or stored.
 */
export const recordReaderSites =
  (originField: string): FieldHook =>
  ({ value, previousValue, siblingData, originalDoc }) => {
    const origin = siblingData[originField] !== undefined ? siblingData[originField] : originalDoc?.[originField]
    siblingData[READER_SITES] = readerSitesKey(origin, value !== undefined ? value : previousValue)
    return value
  }

/** Items any of these sites may read. */
export function readableBySites(sites: Id[]): Where | null {
  if (sites.length === 0) return null
  const each = sites.map((site) => ({ [READER_SITES]: { contains: token(site) } }))
  return each.length === 1 ? each[0]! : { or: each }
}
