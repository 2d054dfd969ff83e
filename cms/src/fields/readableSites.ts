// A relationship to sites, as the person reading it may see it. Partner staff
// cannot open other partners' sites (access/readSites.ts), and Payload would
// show each such site as « Sans titre - ID: 3 » in the admin: a news item the
// CLES proposed to several partners, or a resource shared by several sites,
// lists only the sites the reader may open (the sidebar « En ligne sur » names
// the others where that matters). Only reads with access control are
// filtered: hooks and the Local API (overrideAccess) see the stored value, so
// a save that leaves the field alone keeps every site.
import type { FieldHook, RelationshipFieldManyValidation } from 'payload'
import { relationship } from 'payload/shared'
import { readableSiteIds } from '../access/readSites'
import { sameId } from '../access/roles'
import { relationId } from '../lib/relationId'

export const onlyReadableSites: FieldHook = async ({ value, req, overrideAccess }) => {
  // REST reads pass no overrideAccess at all (access applies); only an explicit `true` reads the stored value.
  if (overrideAccess === true || !req.user || !Array.isArray(value) || value.length === 0) return value
  const readable = await readableSiteIds(req)
  if (readable === 'all') return value
  return value.filter((site) => readable.some((id) => sameId(id, relationId(site))))
}

/**
 * The other half: a save by someone who was shown only part of the list keeps
 * the sites they could not see (they cannot have meant to remove what they
 * never saw). Adding or removing the sites they do see works as before.
 */
export const keepUnreadableSites: FieldHook = async ({ value, previousValue, operation, req }) => {
  if (operation !== 'update' || !req.user || !Array.isArray(value) || !Array.isArray(previousValue)) return value
  const readable = await readableSiteIds(req)
  if (readable === 'all') return value
  const hidden = previousValue.filter((site) => !readable.some((id) => sameId(id, relationId(site))))
  const kept = hidden.filter((site) => !value.some((v) => sameId(relationId(v), relationId(site))))
  return kept.length ? [...value, ...kept.map((site) => relationId(site))] : value
}

/**
 * Validation of such a field: the sites it already had were checked when they
 * were added (and may lie outside the saver's picker); only added ones are
 * validated against it. Without this, saving what the person was shown would
 * fail on the sites kept for them.
 */
export const keptSitesOrValid: RelationshipFieldManyValidation = (value, options) => {
  const before = options.operation === 'update' && Array.isArray(options.previousValue) ? options.previousValue : []
  if (!Array.isArray(value)) return relationship(value, options)
  const added = value.filter((site) => !before.some((b: unknown) => sameId(relationId(b), relationId(site))))
  return relationship(added as typeof value, options)
}

/**
 * The names of every site a relationship points to, written into the
 * read-only `target` field beside it (a virtual field: nothing stored), so a
 * list or a form names the sites a person cannot open instead of hiding them.
 * Site names are public (readers get them from every site). Goes before
 * `onlyReadableSites` in the field's hooks.
 */
export const recordSiteNames =
  (target: string): FieldHook =>
  async ({ value, siblingData, req }) => {
    // Only the admin shows these names (the exporter reads anonymously and has no use for them).
    if (!req.user || !Array.isArray(value) || !siblingData) return value
    // One lookup per request: Payload runs a list's rows at once, so the promise is shared, not the result.
    const names = await ((req.context.siteNames as Promise<Map<string, string>> | undefined) ??= req.payload
      .find({ collection: 'sites', depth: 0, pagination: false, select: { name: true }, overrideAccess: true, req })
      .then(({ docs }) => new Map(docs.map((site) => [String(site.id), site.name]))))
    siblingData[target] = value
      .map((site) => names.get(String(relationId(site))))
      .filter(Boolean)
      .join(', ')
    return value
  }
