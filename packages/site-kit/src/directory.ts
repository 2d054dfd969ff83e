// The resources directory without JavaScript: every filter is its own static
// page. Categories get French URL segments; regions already are French.
import { REGIONS, RESOURCE_CATEGORIES, routePath, type Region, type ResourceCategory, type SnapshotResource } from '@cles/content'

export const CATEGORY_SEGMENTS: Record<ResourceCategory, string> = {
  housing: 'logement',
  employment: 'emploi',
  health: 'sante',
  legal: 'juridique',
  shelter: 'hebergement-urgence',
  'help-line': 'lignes-ecoute',
  other: 'autres',
}

export const RESOURCES_HREF = routePath('resources')
export const categoryHref = (category: ResourceCategory) => routePath('resourcesCategory', 'fr', { category: CATEGORY_SEGMENTS[category] })
export const regionHref = (region: Region) => routePath('resourcesRegion', 'fr', { region })

export const inCategory = (resources: SnapshotResource[], category: ResourceCategory) => resources.filter((r) => r.category === category)

/** A region page also lists what serves the whole province: it serves that region too. */
export const inRegion = (resources: SnapshotResource[], region: Region) =>
  resources.filter((r) => r.regions.includes(region) || (region !== 'quebec' && r.regions.includes('quebec')))

/** Categories and regions that have at least one resource, in the CMS order. */
export const usedCategories = (resources: SnapshotResource[]) => RESOURCE_CATEGORIES.filter((c) => resources.some((r) => r.category === c))
export const usedRegions = (resources: SnapshotResource[]) => REGIONS.filter((g) => resources.some((r) => r.regions.includes(g)))
