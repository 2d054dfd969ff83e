// The API answers in French to an English browser unless the person chose
// English (the `payload-lng` cookie), for every method, now that the API
// routes apply this themselves (src/lib/adminLanguage.ts) instead of Next's
// proxy. Over real HTTP, through the routes as Next serves them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { NextRequest } from 'next/server'
import { withoutBrowserLanguage } from '../src/lib/adminLanguage'
import { proxy } from '../src/proxy'
import { startHttpApi, type HttpApi } from './helpers/httpApi'
import { createStaff, createTestSite, startTempCms, type TempCms } from './helpers/tempCms'

let cms: TempCms
let api: HttpApi
let token: string
const ENGLISH_BROWSER = 'en-US,en;q=0.9'
const FORBIDDEN = { fr: 'Vous n’êtes pas autorisé à effectuer cette action.', en: 'You are not allowed to perform this action.' }

beforeAll(async () => {
  cms = await startTempCms()
  api = await startHttpApi(cms.payload)
  const site = await createTestSite(cms.payload, 'langue')
  await createStaff(cms.payload, 'contrib@langue.example', site.id, 'contributor')
  token = (await cms.payload.login({ collection: 'users', data: { email: 'contrib@langue.example', password: 'a-long-password-1' } }))
    .token!
}, 120_000)

afterAll(async () => {
  await api?.close()
  await cms?.close()
})

async function messageOf(method: string, path: string, headers: Record<string, string>, body?: BodyInit) {
  const response = await fetch(`${api.url}/api${path}`, { method, headers, body, duplex: 'half' } as RequestInit)
  const json = (await response.json()) as { errors?: { message: string }[] }
  return { status: response.status, message: json.errors?.[0]?.message }
}

const chunked = (text: string) =>
  new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(text))
      controller.close()
    },
  })

describe('API answers in the admin’s language', () => {
  const requests: [string, string, () => BodyInit | undefined][] = [
    ['DELETE', '/sites/1', () => undefined],
    ['POST', '/sites', () => '{"name":"x"}'],
    ['POST', '/sites', () => chunked('{"name":"x"}')],
  ]

  it.each(requests)('%s %s from an English browser: French', async (method, path, body) => {
    const headers = { 'accept-language': ENGLISH_BROWSER, 'content-type': 'application/json', authorization: `JWT ${token}` }
    expect(await messageOf(method, path, headers, body())).toEqual({ status: 403, message: FORBIDDEN.fr })
  })

  it.each(requests)('%s %s from someone who chose English: English', async (method, path, body) => {
    const headers = {
      'accept-language': ENGLISH_BROWSER,
      'content-type': 'application/json',
      cookie: 'payload-lng=en',
      authorization: `JWT ${token}`,
    }
    expect(await messageOf(method, path, headers, body())).toEqual({ status: 403, message: FORBIDDEN.en })
  })

  it('a signed-in read from an English browser: French, unless English was chosen', async () => {
    const signedIn = { 'accept-language': ENGLISH_BROWSER, authorization: `JWT ${token}` }
    const browser = await messageOf('GET', '/news/999999', signedIn)
    const french = await messageOf('GET', '/news/999999', { ...signedIn, cookie: 'payload-lng=fr' })
    const english = await messageOf('GET', '/news/999999', { ...signedIn, cookie: 'payload-lng=en' })
    expect(browser.status).toBe(404)
    expect(browser.message).toBe(french.message)
    expect(english.message).not.toBe(french.message)
  })

  it('anonymous answers are cached per chosen language, never served across', async () => {
    const french = await messageOf('GET', '/users?langue=1', { 'accept-language': ENGLISH_BROWSER })
    const english = await messageOf('GET', '/users?langue=1', { 'accept-language': ENGLISH_BROWSER, cookie: 'payload-lng=en' })
    expect(french.message).toBe(FORBIDDEN.fr)
    expect(english.message).toBe(FORBIDDEN.en)
  })
})

describe('the rule itself', () => {
  it('drops the browser’s language only when the person chose none', () => {
    expect(withoutBrowserLanguage(new Headers({ 'accept-language': 'en' }))?.has('accept-language')).toBe(false)
    expect(withoutBrowserLanguage(new Headers({ 'accept-language': 'en', cookie: 'a=1; payload-lng=en' }))).toBeNull()
    expect(withoutBrowserLanguage(new Headers({ 'accept-language': 'en', cookie: 'a=1;payload-lng=fr' }))).toBeNull()
    // A cookie that only ends with the name is not the choice.
    expect(withoutBrowserLanguage(new Headers({ 'accept-language': 'en', cookie: 'xpayload-lng=en' }))?.has('accept-language')).toBe(false)
    expect(withoutBrowserLanguage(new Headers({}))).toBeNull()
  })

  it('the proxy still gives admin pages French', () => {
    const response = proxy(
      new NextRequest('http://localhost:3000/admin', { headers: { 'accept-language': ENGLISH_BROWSER, 'user-agent': 'essai' } }),
    )
    // The headers the page receives: the browser's language is not among them.
    expect(response.headers.get('x-middleware-override-headers')).toBe('user-agent')
    const chosen = proxy(
      new NextRequest('http://localhost:3000/admin', { headers: { 'accept-language': ENGLISH_BROWSER, cookie: 'payload-lng=en' } }),
    )
    expect(chosen.headers.get('x-middleware-override-headers')).toBeNull()
  })
})
