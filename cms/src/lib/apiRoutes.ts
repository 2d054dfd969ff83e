// Payload's REST routes as Next serves them (src/app/(payload)/api/[...slug]/route.ts):
// anonymous GETs from a short micro-cache (anonymousCache.ts), one log line per request (requestLog.ts).
import { REST_DELETE, REST_GET, REST_OPTIONS, REST_PATCH, REST_POST, REST_PUT } from '@payloadcms/next/routes'
import type { SanitizedConfig } from 'payload'
import { cacheKey, isAnonymous, readCache, storeCache } from './anonymousCache'
import { withRequestLog } from './requestLog'

export function apiRoutes(config: Promise<SanitizedConfig>) {
  const restGet = REST_GET(config)
  type Context = Parameters<typeof restGet>[1]
  return {
    GET: withRequestLog(async (request: Request, context: Context) => {
      if (!isAnonymous(request)) return restGet(request, context)
      const key = cacheKey(request)
      return readCache(key) ?? storeCache(key, await restGet(request, context))
    }),
    POST: withRequestLog(REST_POST(config)),
    DELETE: withRequestLog(REST_DELETE(config)),
    PATCH: withRequestLog(REST_PATCH(config)),
    PUT: withRequestLog(REST_PUT(config)),
    OPTIONS: withRequestLog(REST_OPTIONS(config)),
  }
}
