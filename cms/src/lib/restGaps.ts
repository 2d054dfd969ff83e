// REST answers Payload gets wrong, given instead of (or after) its own:
// - DELETE /api/payload-preferences/<key>: Payload deletes with a query that
//   lacks the join its « user » condition needs (SQLite: « no such column »),
//   so the request failed with a 500. Same rule — only the signed-in person's
//   own preference — in two steps that work on every adapter.
// - /api/<collection>/versions… on a collection that keeps no versions:
//   Payload's handlers crash (a 500 and a stack trace in the log); 404.
// - An unknown API path: Payload's « Route not found » is English only.
import { getPayload, type SanitizedConfig } from 'payload'

const PREFERENCES = 'payload-preferences'
const json = (body: unknown, status: number) => Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } })

/** The preference key of `DELETE /api/payload-preferences/<key>`, or null for any other request. */
function preferenceToDelete(request: Request): string | null {
  if (request.method !== 'DELETE') return null
  const match = /\/api\/payload-preferences\/([^/]+)\/?$/.exec(new URL(request.url).pathname)
  return match ? decodeURIComponent(match[1]!) : null
}

async function deletePreference(config: Promise<SanitizedConfig>, request: Request, key: string): Promise<Response> {
  const payload = await getPayload({ config })
  const { user } = await payload.auth({ headers: request.headers })
  if (!user) return json({ errors: [{ message: 'Connectez-vous pour modifier vos préférences.' }] }, 401)
  const owned = await payload.find({
    collection: PREFERENCES,
    where: { and: [{ key: { equals: key } }, { 'user.value': { equals: user.id } }, { 'user.relationTo': { equals: user.collection } }] },
    limit: 1,
    depth: 0,
    pagination: false,
    overrideAccess: true,
  })
  const preference = owned.docs[0]
  if (!preference) return json({ errors: [{ message: 'Cette préférence n’existe pas.' }] }, 404)
  await payload.db.deleteOne({ collection: PREFERENCES, where: { id: { equals: preference.id } } })
  return json({ message: 'Préférence supprimée.' }, 200)
}

/** Whether the request asks the versions of a collection that keeps none. */
async function asksMissingVersions(config: Promise<SanitizedConfig>, request: Request): Promise<boolean> {
  const match = /\/api\/([^/]+)\/versions(?:\/|$)/.exec(new URL(request.url).pathname)
  if (!match) return false
  const collection = (await config).collections.find((c) => c.slug === match[1])
  return Boolean(collection && !collection.versions)
}

/** Payload's JSON 404 for a path it has no route for, in French. */
async function frenchRouteNotFound(response: Response): Promise<Response> {
  if (response.status !== 404 || !response.headers.get('content-type')?.includes('json')) return response
  const body = (await response
    .clone()
    .json()
    .catch(() => null)) as { message?: unknown } | null
  if (typeof body?.message !== 'string' || !body.message.startsWith('Route not found')) return response
  return json({ errors: [{ message: 'Adresse inconnue de l’API.' }] }, 404)
}

type Handler<C> = (request: Request, context: C) => Promise<Response>

/** A REST handler with the gaps above filled. */
export function withRestGaps<C>(config: Promise<SanitizedConfig>, handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    const key = preferenceToDelete(request)
    if (key !== null) return deletePreference(config, request, key)
    if (await asksMissingVersions(config, request))
      return json({ errors: [{ message: 'Ce type de contenu ne garde pas de versions.' }] }, 404)
    return frenchRouteNotFound(await handler(request, context))
  }
}
