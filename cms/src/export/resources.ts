// Help-directory entries shown on one site → SnapshotResource, sorted by French name.
import { REGIONS, type Region, type ResourceCategory, type SnapshotResource } from '@cles/content'
import { asString, byFrench, localized, textOrNull, type Doc } from './fields'

/** The CMS only accepts https:// websites; anything else is dropped here too. */
const httpsOnly = (value: unknown): string | null => {
  const url = asString(value).trim()
  return /^https:\/\/[^\s/]+\.[^\s]*$/i.test(url) ? url : null
}

function toResource(doc: Doc): SnapshotResource {
  const regions = Array.isArray(doc.regions) ? doc.regions : []
  return {
    id: asString(doc.id),
    name: localized(doc.name),
    category: asString(doc.category) as ResourceCategory,
    description: localized(doc.description),
    phone: textOrNull(doc.phone),
    website: httpsOnly(doc.website),
    address: textOrNull(doc.address),
    // Fixed order (the CMS list), so the snapshot does not depend on click order.
    regions: REGIONS.filter((r) => regions.includes(r)) as Region[],
    hours: localized(doc.hours),
  }
}

export const toResources = (docs: Doc[]): SnapshotResource[] =>
  docs.map(toResource).sort((a, b) => byFrench(a.name.fr, b.name.fr) || a.id.localeCompare(b.id, 'en', { numeric: true }))
