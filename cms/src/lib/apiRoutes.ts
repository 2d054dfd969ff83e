// Payload's REST routes as Next serves them (src/app/(payload)/api/[...slug]/route.ts):
// French unless the person chose English (adminLanguage.ts), anonymous GETs from a short micro-cache
// (anonymousCache.ts), one log line per request (requestLog.ts), and the few answers Payload gets wrong
// filled in (restGaps.ts).
import { REST_DELETE, REST_GET, REST_OPTIONS, REST_PATCH, REST_POST, REST_PUT } from '@payloadcms/next/routes'
import type { SanitizedConfig } from 'payload'
import { inAdminLanguage } from './adminLanguage'
import { cacheKey, isAnonymous, readCache, storeCache } from './anonymousCache'
import { withRequestLog } from './requestLog'
import { withRestGaps } from './restGaps'

export function apiRoutes(config: Promise<SanitizedConfig>) {
  const restGet = withRestGaps(config, REST_GET(config))
  type Context = Parameters<ReturnType<typeof REST_GET>>[1]
  return {
    GET: withRequestLog(
      inAdminLanguage(async (request: Request, context: Context) => {
        if (!isAnonymous(request)) return restGet(request, context)
        const key = cacheKey(request)
        return readCache(key) ?? storeCache(key, await restGet(request, context))
      }),
    ),
    POST: withRequestLog(inAdminLanguage(withRestGaps(config, REST_POST(config)))),
    DELETE: withRequestLog(inAdminLanguage(withRestGaps(config, REST_DELETE(config)))),
    PATCH: withRequestLog(inAdminLanguage(withRestGaps(config, REST_PATCH(config)))),
    PUT: withRequestLog(inAdminLanguage(withRestGaps(config, REST_PUT(config)))),
    OPTIONS: withRequestLog(inAdminLanguage(withRestGaps(config, REST_OPTIONS(config)))),
  }
}
