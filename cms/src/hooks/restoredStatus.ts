// A version restore that is not a draft restore gives the document the
// version's status: restoring a draft version of a published document takes
// it offline. Payload checks only update access for that, which any writer
// passes, so the unpublishing guards ask this first.
import type { PayloadRequest } from 'payload'
import { relationId } from '../lib/relationId'

/** The document a non-draft restore would take offline, or undefined. */
export async function documentUnpublishedByRestore(
  req: PayloadRequest,
  collection: 'news' | 'pages',
  args: { id?: number | string; draft?: boolean },
): Promise<number | string | undefined> {
  if (args.draft || args.id === undefined) return undefined
  const version = await req.payload
    .findVersionByID({ collection, id: String(args.id), depth: 0, overrideAccess: true, req })
    .catch(() => null)
  if (!version || version.version._status === 'published') return undefined
  const parent = relationId(version.parent)
  if (parent == null) return undefined
  const stored = await req.payload.findByID({ collection, id: parent, depth: 0, overrideAccess: true, req })
  return stored._status === 'published' ? parent : undefined
}
