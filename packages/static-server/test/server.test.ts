import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serveStatic } from '../src/index.mjs'

let server: Server
let base: string
const dir = mkdtempSync(join(tmpdir(), 'cles-static-'))

beforeAll(async () => {
  writeFileSync(join(dir, 'index.html'), '<h1>Accueil</h1>')
  writeFileSync(join(dir, '404.html'), '<h1>Page introuvable</h1>')
  server = await serveStatic({ dir, port: 0 })
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  await new Promise((r) => server.close(r))
  rmSync(dir, { recursive: true, force: true })
})

describe('serveStatic', () => {
  it('serves files with a self-only CSP, no Referer and no cookie', async () => {
    const response = await fetch(`${base}/`)
    expect(response.status).toBe(200)
    expect(await response.text()).toContain('Accueil')
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'")
    expect(response.headers.get('content-security-policy')).not.toMatch(/unsafe|https?:/)
    expect(response.headers.get('referrer-policy')).toBe('no-referrer')
    expect(response.headers.get('set-cookie')).toBeNull()
  })

  it('allows WebAssembly compilation on the search pages and Pagefind files only', async () => {
    for (const path of ['/recherche/', '/en/search/', '/pagefind/pagefind.js']) {
      const csp = (await fetch(`${base}${path}`)).headers.get('content-security-policy')
      expect(csp, path).toContain("script-src 'self' 'wasm-unsafe-eval'")
    }
    for (const path of ['/', '/actualites/', '/rechercher-autre-chose/']) {
      const csp = (await fetch(`${base}${path}`)).headers.get('content-security-policy')
      expect(csp, path).not.toContain('wasm-unsafe-eval')
    }
  })

  it('answers unknown paths with the site 404 page and a 404 status', async () => {
    const response = await fetch(`${base}/nulle-part/`)
    expect(response.status).toBe(404)
    expect(await response.text()).toContain('Page introuvable')
  })

  it('sees files written after it started (a rebuild is live at once)', async () => {
    writeFileSync(join(dir, 'nouveau.html'), '<p>Nouveau</p>')
    const response = await fetch(`${base}/nouveau`)
    expect(response.status).toBe(200)
  })

  it('follows a symlinked folder on every request, 404 page included', async () => {
    const top = mkdtempSync(join(tmpdir(), 'cles-static-link-'))
    for (const name of ['a', 'b']) {
      mkdirSync(join(top, name))
      writeFileSync(join(top, name, 'index.html'), `<h1>version ${name}</h1>`)
      writeFileSync(join(top, name, '404.html'), `<h1>introuvable ${name}</h1>`)
    }
    writeFileSync(join(top, 'a', 'seulement-a.html'), '<p>a</p>')
    const link = join(top, 'current')
    const linked = await serveStatic({ dir: link, port: 0 })
    const url = `http://127.0.0.1:${(linked.address() as AddressInfo).port}`
    try {
      expect((await fetch(`${url}/`)).status).toBe(503) // nothing published yet
      symlinkSync('a', link)
      expect(await (await fetch(`${url}/`)).text()).toContain('version a')
      expect((await fetch(`${url}/seulement-a`)).status).toBe(200)
      symlinkSync('b', join(top, 'next'))
      renameSync(join(top, 'next'), link)
      expect(await (await fetch(`${url}/`)).text()).toContain('version b')
      const gone = await fetch(`${url}/seulement-a`)
      expect(gone.status).toBe(404)
      expect(await gone.text()).toContain('introuvable b')
      expect(gone.headers.get('content-security-policy')).toContain("default-src 'self'")
    } finally {
      await new Promise((r) => linked.close(r))
      rmSync(top, { recursive: true, force: true })
    }
  })

  it('explains in French when the port is taken', async () => {
    const port = (server.address() as AddressInfo).port
    await expect(serveStatic({ dir, port })).rejects.toThrow(/déjà utilisé/)
  })
})
