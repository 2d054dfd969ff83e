// Redirects of a release (`_redirects`, written by the site kit): real 301s,
// both `/x` and `/x/`, re-read when the release switches, the file never served.
import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseRedirects, redirectsToNginxMap, requestPath, serveStatic } from '../src/index.mjs'

const top = mkdtempSync(join(tmpdir(), 'cles-redirects-'))
const link = join(top, 'current')
let server: Server
let base: string

function release(name: string, redirects: string, files: Record<string, string> = {}) {
  const dir = join(top, name)
  mkdirSync(dir)
  writeFileSync(join(dir, 'index.html'), `<h1>accueil ${name}</h1>`)
  writeFileSync(join(dir, '404.html'), `<h1>introuvable ${name}</h1>`)
  writeFileSync(join(dir, '_redirects'), redirects)
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true })
    writeFileSync(join(dir, path), text)
  }
}
function switchTo(name: string) {
  symlinkSync(name, join(top, 'next'))
  renameSync(join(top, 'next'), link)
}
const get = (path: string) => fetch(`${base}${path}`, { redirect: 'manual' })

beforeAll(async () => {
  release(
    'a',
    '# commentaire\n/ancienne-page/ /services/ 301\n/don https://www.quebec.ca/ 301\n/caf%C3%A9/ /services/?onglet=1#haut 301\n/services/ /ailleurs/ 301\n',
    {
      'services/index.html': '<h1>services</h1>',
    },
  )
  release('b', '/seulement-b/ /nouvelle/ 301\n')
  switchTo('a')
  server = await serveStatic({ dir: link, port: 0 })
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  await new Promise((r) => server.close(r))
  rmSync(top, { recursive: true, force: true })
})

describe('parseRedirects', () => {
  it('takes `from to [301]` lines and explains in French the lines it leaves out', () => {
    const { redirects, skipped } = parseRedirects(
      [
        '# c',
        '',
        '/a/ /b/ 301',
        '/c /d',
        '/e/ /f/ 302',
        '/news/* /actualites/:splat 301',
        '//evil.example/ /x/',
        '/A /autre/',
        '/g/ javascript:alert(1)',
      ].join('\n'),
    )
    expect(redirects).toEqual([
      { from: '/a/', to: '/b/' },
      { from: '/c', to: '/d' },
    ])
    expect(skipped.map((s) => s.line)).toEqual([5, 6, 7, 8, 9])
    expect(skipped[0]!.reason).toContain('seules les lignes')
    expect(skipped[3]!.reason).toContain('déjà redirigée')
  })

  it('reads request paths as nginx $uri does', () => {
    expect(requestPath('/caf%C3%A9/?x=1')).toBe('/café/')
    expect(requestPath('//a/./b/../c')).toBe('/a/c')
    expect(requestPath('/%5Fredirects')).toBe('/_redirects')
  })
})

describe('redirectsToNginxMap', () => {
  it('gives both forms of each old address, decoded like $uri, quoted', () => {
    const { text, count, skipped } = redirectsToNginxMap(
      '/ancienne-page/ /services/ 301\n/caf%C3%A9 https://www.quebec.ca/a?b=1 301\n/x%22y /z/ 301\n/bad $evil 301\n',
    )
    expect(count).toBe(2)
    expect(text.split('\n').filter((l) => !l.startsWith('#') && l)).toEqual([
      '"/ancienne-page" "/services/";',
      '"/ancienne-page/" "/services/";',
      '"/café" "https://www.quebec.ca/a?b=1";',
      '"/café/" "https://www.quebec.ca/a?b=1";',
    ])
    expect(skipped).toHaveLength(2) // a quote once decoded, and an unsafe target
  })
})

describe('serveStatic with _redirects', () => {
  it('answers a 301 with Location for /x, /x/ and /X/ (ASCII case ignored, as nginx maps do), with the safety headers', async () => {
    for (const path of ['/ancienne-page/', '/ancienne-page', '/ancienne-page?utm=1', '/Ancienne-Page/']) {
      const response = await get(path)
      expect(response.status, path).toBe(301)
      expect(response.headers.get('location')).toBe('/services/')
      expect(response.headers.get('referrer-policy')).toBe('no-referrer')
      expect(response.headers.get('content-security-policy')).toContain("default-src 'self'")
    }
    expect((await get('/don/')).headers.get('location')).toBe('https://www.quebec.ca/')
    expect((await get('/caf%C3%A9')).headers.get('location')).toBe('/services/?onglet=1#haut')
  })

  it('lets a file of the release win over a redirect of the same address', async () => {
    const response = await get('/services/')
    expect(response.status).toBe(200)
    expect(await response.text()).toContain('services')
  })

  it('never serves the _redirects file, in any spelling', async () => {
    for (const path of ['/_redirects', '/_redirects/', '//_redirects', '/%5Fredirects', '/x/../_redirects']) {
      const response = await get(path)
      expect(response.status, path).toBe(404)
      expect(await response.text(), path).toContain('introuvable a')
    }
  })

  it('follows the release switch and an edit of the file', async () => {
    expect((await get('/seulement-b/')).status).toBe(404)
    switchTo('b')
    expect((await get('/seulement-b')).headers.get('location')).toBe('/nouvelle/')
    expect((await get('/ancienne-page/')).status).toBe(404)
    // Rewritten in place (a hand fix): a new size or mtime is enough to read it again.
    writeFileSync(join(top, 'b', '_redirects'), '/seulement-b/ /autre/ 301\n')
    utimesSync(join(top, 'b', '_redirects'), new Date(), new Date(Date.now() + 5000))
    expect((await get('/seulement-b/')).headers.get('location')).toBe('/autre/')
    switchTo('a')
    expect((await get('/ancienne-page/')).status).toBe(301)
  })

  it('answers 404 when the release has no _redirects', async () => {
    rmSync(join(top, 'a', '_redirects'))
    const response = await get('/ancienne-page/')
    expect(response.status).toBe(404)
    expect(await response.text()).toContain('introuvable a')
  })
})
