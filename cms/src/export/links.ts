// Where a CMS document linked from rich text lives for readers: a path on the
// site being exported, or the absolute URL on the site that publishes it.
import { PAGE_PATH, routePath, type SnapshotSite } from '@cles/content'
import { relationId } from './fields'
import type { LinkResolver } from './richtext'

export function linkResolver(current: SnapshotSite, siteById: Map<string, SnapshotSite>): LinkResolver {
  return (target) => {
    // Drafts never get a link (anonymous reads only populate published documents anyway).
    if (target.doc._status !== undefined && target.doc._status !== 'published') return null
    let site: SnapshotSite | undefined
    let path: string
    if (target.relationTo === 'news') {
      site = siteById.get(relationId(target.doc.originSite))
      path = target.doc.slug ? routePath('article', 'fr', { slug: target.doc.slug }) : ''
    } else {
      site = siteById.get(relationId(target.doc.site))
      path = target.doc.path && PAGE_PATH.test(target.doc.path) ? target.doc.path : ''
    }
    if (!site || !path) return null
    return site.slug === current.slug ? path : `${site.url}${path}`
  }
}
