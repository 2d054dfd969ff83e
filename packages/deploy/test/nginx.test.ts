// The generated nginx config, run by Debian's nginx on a loopback port against a
// small release folder, answers like @cles/static-server: same safety headers
// (page, search page, 404), real 301s from `_redirects`, and a release switch
// seen at the next request. Skipped, with a notice, where nginx is absent.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import type { Server } from 'node:http'
import { createServer, type AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { SECURITY_HEADERS, serveStatic } from '@cles/static-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { nginxSiteConfig, writeNginxRedirects } from '../src/index.mjs'

const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx'
const hasNginx = existsSync(NGINX)
if (!hasNginx) {
  console.warn(
    `\n⚠ nginx absent (${NGINX}) : les tests de la configuration nginx sont ignorés. Installez-le (apt-get install nginx) ou lancez .ci/run.\n`,
  )
}

const prefix = hasNginx ? mkdtempSync(join(tmpdir(), 'cles-nginx-')) : join(tmpdir(), 'cles-nginx-absent')
const releases = join(prefix, 'releases')
const current = join(releases, 'cles', 'current')
const mapFile = join(prefix, 'conf', 'cles.redirects.map')
let nginx: ChildProcess | undefined
let nginxOutput = ''
let local: Server
let nginxBase: string
let localBase: string

function release(id: string, files: Record<string, string>) {
  for (const [path, text] of Object.entries(files)) {
    const file = join(releases, 'cles', id, path)
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, text)
  }
}
/** Same switch as @cles/releases: a new link renamed over `current`. */
function switchTo(id: string) {
  symlinkSync(id, join(releases, 'cles', '.next'))
  renameSync(join(releases, 'cles', '.next'), current)
}

async function freePort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as AddressInfo
  await new Promise((resolve) => probe.close(resolve))
  return port
}

async function waitFor(check: () => Promise<boolean>, what: string, ms = 10_000) {
  const end = Date.now() + ms
  while (Date.now() < end) {
    if (await check().catch(() => false)) return
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(`${what} : délai dépassé\n${nginxOutput}`)
}

const get = (base: string, path: string) => fetch(`${base}${path}`, { redirect: 'manual' })
const safety = (response: Response) => Object.fromEntries(Object.keys(SECURITY_HEADERS).map((name) => [name, response.headers.get(name)]))

describe.skipIf(!hasNginx)('nginx config generated from the static server headers', () => {
  beforeAll(async () => {
    const page = (title: string) => `<!doctype html><title>${title}</title><h1>${title}</h1>`
    release('r1', {
      'index.html': page('accueil r1'),
      '404.html': page('introuvable r1'),
      'recherche/index.html': page('recherche'),
      'en/search/index.html': page('search'),
      'pagefind/pagefind.js': 'export {}',
      '_astro/quickExit.B3x9aQ.js': 'console.log(1)',
      'seulement-r1/index.html': page('seulement r1'),
      _redirects: '/ancienne-page/ /recherche/ 301\n/don https://www.quebec.ca/ 301\n/caf%C3%A9/ /en/search/?q=1 301\n',
    })
    release('r2', {
      'index.html': page('accueil r2'),
      '404.html': page('introuvable r2'),
      _redirects: '/seulement-r1/ / 301\n',
    })
    switchTo('r1')

    const port = await freePort()
    mkdirSync(join(prefix, 'conf'), { recursive: true })
    mkdirSync(join(prefix, 'logs'), { recursive: true })
    writeFileSync(
      join(prefix, 'conf', 'cles.conf'),
      nginxSiteConfig({
        slug: 'cles',
        serverName: 'localhost',
        releasesRoot: releases,
        redirectsMap: mapFile,
        listen: [`127.0.0.1:${port}`],
      }),
    )
    await writeNginxRedirects(current, mapFile)
    const mime = existsSync('/etc/nginx/mime.types') ? 'include /etc/nginx/mime.types;' : 'types { text/html html; text/javascript js; }'
    writeFileSync(
      join(prefix, 'nginx.conf'),
      [
        // As root, workers would run as nobody and could not read the temporary folder.
        process.getuid?.() === 0 ? 'user root;' : '',
        'daemon off;',
        'worker_processes 1;',
        `pid ${join(prefix, 'nginx.pid')};`,
        'error_log stderr warn;',
        'events { worker_connections 64; }',
        'http {',
        `  ${mime}`,
        '  default_type application/octet-stream;',
        '  access_log off;',
        ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${join(prefix, `tmp-${t}`)};`),
        `  include ${join(prefix, 'conf', '*.conf')};`,
        '}',
      ].join('\n'),
    )
    nginx = spawn(NGINX, ['-p', prefix, '-c', join(prefix, 'nginx.conf'), '-e', 'stderr'], { stdio: ['ignore', 'pipe', 'pipe'] })
    nginx.stdout!.on('data', (d) => (nginxOutput += d))
    nginx.stderr!.on('data', (d) => (nginxOutput += d))
    nginxBase = `http://127.0.0.1:${port}`
    await waitFor(async () => (await fetch(`${nginxBase}/`)).ok, 'démarrage de nginx')

    local = await serveStatic({ dir: current, port: 0 })
    localBase = `http://127.0.0.1:${(local.address() as AddressInfo).port}`
  })

  afterAll(async () => {
    if (nginx && nginx.exitCode === null) {
      const exited = new Promise((resolve) => nginx!.once('exit', resolve))
      nginx.kill('SIGTERM')
      await exited
    }
    if (local) await new Promise((resolve) => local.close(resolve))
    rmSync(prefix, { recursive: true, force: true })
  })

  it('never caches open files and follows symlinks (the release switch must be seen)', () => {
    const text = readFileSync(join(prefix, 'conf', 'cles.conf'), 'utf8').replace(/#.*$/gm, '')
    expect(text).not.toMatch(/open_file_cache/)
    expect(text).toMatch(/disable_symlinks off;/)
    expect(text).toContain(`root ${current};`)
  })

  it('sends exactly the static server safety headers on a page, the search pages, Pagefind and 404s', async () => {
    for (const path of ['/', '/recherche/', '/en/search/', '/pagefind/pagefind.js', '/nulle-part/', '/recherche/nulle-part/', '/_astro/']) {
      const [fromNginx, fromLocal] = await Promise.all([get(nginxBase, path), get(localBase, path)])
      expect(fromNginx.status, path).toBe(fromLocal.status)
      expect(safety(fromNginx), path).toEqual(safety(fromLocal))
      expect(await fromNginx.text(), path).toBe(await fromLocal.text())
    }
    const notFound = await get(nginxBase, '/nulle-part/')
    expect(notFound.status).toBe(404)
    expect(notFound.headers.get('content-type')).toBe('text/html; charset=utf-8')
  })

  it('sends the cache policy: immutable hashed assets, revalidated pages', async () => {
    expect((await get(nginxBase, '/_astro/quickExit.B3x9aQ.js')).headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect((await get(nginxBase, '/')).headers.get('cache-control')).toBe('no-cache')
  })

  it('answers the release redirects with a 301 like the static server, and never serves _redirects', async () => {
    for (const path of ['/ancienne-page/', '/ancienne-page', '/don/', '/caf%C3%A9']) {
      const [fromNginx, fromLocal] = await Promise.all([get(nginxBase, path), get(localBase, path)])
      expect(fromNginx.status, path).toBe(301)
      expect(fromLocal.status, path).toBe(301)
      expect(fromNginx.headers.get('location'), path).toBe(fromLocal.headers.get('location'))
      expect(safety(fromNginx), path).toEqual(safety(fromLocal))
    }
    expect((await get(nginxBase, '/don')).headers.get('location')).toBe('https://www.quebec.ca/')
    for (const path of ['/_redirects', '//_redirects', '/%5Fredirects']) {
      const response = await get(nginxBase, path)
      expect(response.status, path).toBe(404)
      expect(await response.text()).toContain('introuvable r1')
    }
  })

  it('serves the new release at the next request after a switch, and its redirects after a reload', async () => {
    expect(await (await get(nginxBase, '/seulement-r1/')).text()).toContain('seulement r1')
    switchTo('r2')
    expect(await (await get(nginxBase, '/')).text()).toContain('accueil r2')
    const gone = await get(nginxBase, '/recherche/')
    expect(gone.status).toBe(404)
    expect(await gone.text()).toContain('introuvable r2')
    // Redirects live in nginx's memory: regenerate the map and reload (as deploy/README.md says).
    expect((await writeNginxRedirects(current, mapFile)).changed).toBe(true)
    process.kill(Number(readFileSync(join(prefix, 'nginx.pid'), 'utf8').trim()), 'SIGHUP')
    await waitFor(async () => (await get(nginxBase, '/seulement-r1/')).status === 301, 'rechargement de nginx')
    expect((await get(nginxBase, '/seulement-r1')).headers.get('location')).toBe('/')
    expect((await get(nginxBase, '/ancienne-page/')).status).toBe(404)
  })
})
