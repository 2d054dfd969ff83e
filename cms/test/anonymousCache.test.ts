// The anonymous micro-cache never stores or serves an answer made for a
// signed-in person, whatever the spelling of the session cookie, and keeps
// only small JSON answers.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { cacheKey, clearAnonymousCache, isAnonymous, readCache, storeCache } from '../src/lib/anonymousCache'

const request = (headers: Record<string, string>) => new Request('http://cms.test/api/news', { headers })

describe('who counts as anonymous', () => {
  it.each([
    ['payload-token=abc'],
    ['payload-token =abc'],
    ['payload-token\t=abc'],
    ['other=1;payload-token=abc'],
    ['other=1 ;  payload-token=abc'],
    ['PAYLOAD-TOKEN=abc'],
    ['a=1, payload-token=abc'],
  ])('a cookie header %j is signed in', (cookie) => {
    expect(isAnonymous(request({ cookie }))).toBe(false)
  })

  it('an Authorization header of any scheme is signed in', () => {
    expect(isAnonymous(request({ authorization: 'JWT abc' }))).toBe(false)
    expect(isAnonymous(request({ authorization: 'users API-Key abc' }))).toBe(false)
  })

  it('any cookie header that mentions the session cookie is never anonymous (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('payload-token', 'Payload-Token', 'PAYLOAD-token'), fc.string(), (before, name, after) => {
        expect(isAnonymous(request({ cookie: `${before.replace(/[\r\n\0]/g, '')}${name}${after.replace(/[\r\n\0]/g, '')}` }))).toBe(false)
      }),
    )
  })

  it('no credential at all is anonymous', () => {
    expect(isAnonymous(request({}))).toBe(true)
    expect(isAnonymous(request({ cookie: 'payload-lng=fr' }))).toBe(true)
  })
})

describe('what is kept', () => {
  it('keeps a small JSON answer and serves it back', async () => {
    clearAnonymousCache()
    const key = cacheKey(request({}))
    await storeCache(key, Response.json({ docs: [1] }))
    expect(await readCache(key)?.json()).toEqual({ docs: [1] })
  })

  it('never keeps a file or a large answer', async () => {
    clearAnonymousCache()
    const file = cacheKey(new Request('http://cms.test/api/media/file/a.jpg'))
    await storeCache(file, new Response(new Uint8Array(10), { headers: { 'content-type': 'image/jpeg' } }))
    expect(readCache(file)).toBeNull()
    const big = cacheKey(new Request('http://cms.test/api/news?limit=1000'))
    const response = await storeCache(big, Response.json({ text: 'x'.repeat(300 * 1024) }))
    expect((await response.json()).text).toHaveLength(300 * 1024)
    expect(readCache(big)).toBeNull()
  })

  it('never keeps an answer marked no-store or private (the health check)', async () => {
    clearAnonymousCache()
    for (const value of ['no-store', 'private, max-age=0']) {
      const key = cacheKey(new Request(`http://cms.test/api/health?${value}`))
      const response = await storeCache(key, Response.json({ status: 'ok' }, { headers: { 'cache-control': value } }))
      expect(await response.json()).toEqual({ status: 'ok' })
      expect(readCache(key)).toBeNull()
    }
  })
})
