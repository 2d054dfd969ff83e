// Where a CMS document linked from rich text lives for readers: a path on the
// site being exported, or the absolute URL on the site that publishes it.
import { routePath, type SnapshotSite } from '@cles/content'
import { asString, relationId, type Doc } from './fields'
import type { LinkResolver } from './richtext'

export function linkResolver(current: SnapshotSite, siteById: Map<string, SnapshotSite>): LinkResolver {
  return (relationTo, doc) => {
    // Drafts never get a link (anonymous reads only populate published documents anyway).
    if (doc._status !== undefined && doc._status !== 'published') return null
    let site: SnapshotSite | undefined
    let path = ''
    if (relationTo === 'news') {
      site = siteById.get(relationId(doc.originSite))
      path = asString(doc.slug) ? routePath('article', 'fr', { slug: asString(doc.slug) }) : ''
    } else if (relationTo === 'pages') {
      site = siteById.get(relationId(doc.site))
      path = /^\/[a-z0-9/-]*\/$/.test(asString(doc.path)) ? asString(doc.path) : ''
    }
    if (!site || !path) return null
    return site.slug === current.slug ? path : `${site.url}${path}`
  }
}
