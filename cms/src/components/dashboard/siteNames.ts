// The names of sites, in name order, as the person may read them (a site they
// cannot open is left out): every dashboard section that names sites asks here.
import type { PayloadRequest } from 'payload'

export interface NamedSite {
  id: number
  name: string
}

/** `ids` limits the answer to these sites (none asked, none returned); without it, every site the person may read. */
export async function siteNames(req: PayloadRequest, ids?: readonly (number | string)[]): Promise<NamedSite[]> {
  if (ids && ids.length === 0) return []
  const { docs } = await req.payload.find({
    collection: 'sites',
    ...(ids ? { where: { id: { in: [...ids] } } } : {}),
    select: { name: true },
    sort: 'name',
    depth: 0,
    pagination: false,
    overrideAccess: false,
    req,
  })
  return docs.map((site) => ({ id: site.id, name: site.name }))
}
