// Help-directory entries shown on one site → SnapshotResource, sorted by French name.
import { isSafeHref, REGIONS, type SnapshotResource } from '@cles/content'
import type { ResourceDoc } from './docs'
import { byFrench, localized, textOrNull } from './fields'

/** The CMS only accepts https:// websites; anything else is dropped here too. */
const httpsOnly = (value: string | null | undefined): string | null => {
  const url = value?.trim() ?? ''
  return isSafeHref(url) && /^https:\/\/[^\s/]+\.[^\s]*$/i.test(url) ? url : null
}

/** The fields read: the document, less its sites and review date. */
type ResourceFields = Omit<ResourceDoc, 'sites' | 'reviewBy' | 'createdAt' | 'updatedAt'>

function toResource(doc: ResourceFields): SnapshotResource {
  const regions = doc.regions ?? []
  return {
    id: String(doc.id),
    name: localized(doc.name),
    category: doc.category,
    description: localized(doc.description),
    phone: textOrNull(doc.phone),
    website: httpsOnly(doc.website),
    address: textOrNull(doc.address),
    // Fixed order (the CMS list), so the snapshot does not depend on click order.
    regions: REGIONS.filter((r) => regions.includes(r)),
    hours: localized(doc.hours),
  }
}

/**
 * The entries readers may rely on, sorted. One marked outdated by staff (« Informations
 * périmées ») is left out: the directory never presents it as current.
 */
export const toResources = (docs: ResourceFields[]): SnapshotResource[] =>
  docs
    .filter((doc) => doc.outdated !== true)
    .map(toResource)
    .sort((a, b) => byFrench(a.name.fr, b.name.fr) || a.id.localeCompare(b.id, 'en', { numeric: true }))
