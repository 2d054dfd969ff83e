/* Payload's REST routes, with anonymous GETs served from a short micro-cache (src/lib/anonymousCache.ts). */
import config from '@payload-config'
import '@payloadcms/next/css'
import { REST_DELETE, REST_GET, REST_OPTIONS, REST_PATCH, REST_POST, REST_PUT } from '@payloadcms/next/routes'
import { cacheKey, isAnonymous, readCache, storeCache } from '@/lib/anonymousCache'

const restGet = REST_GET(config)

export const GET = async (request: Request, context: Parameters<typeof restGet>[1]) => {
  if (!isAnonymous(request)) return restGet(request, context)
  const key = cacheKey(request)
  return readCache(key) ?? storeCache(key, await restGet(request, context))
}
export const POST = REST_POST(config)
export const DELETE = REST_DELETE(config)
export const PATCH = REST_PATCH(config)
export const PUT = REST_PUT(config)
export const OPTIONS = REST_OPTIONS(config)
