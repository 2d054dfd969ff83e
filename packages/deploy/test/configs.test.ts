// Generated configs: headers from the static server, nothing injectable, the committed Caddy sample up to date.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { SECURITY_HEADERS, SEARCH_CONTENT_SECURITY_POLICY } from '@cles/static-server'
import { describe, expect, it } from 'vitest'
import { cacheControlFor, caddySiteConfig, contentTypeFor, headerPlan, nginxSiteConfig, redirectsToCaddy } from '../src/index.mjs'

const CADDY_SAMPLE = fileURLToPath(new URL('../../../deploy/caddy/Caddyfile.sample', import.meta.url))
const sampleOptions = {
  slug: 'cles',
  serverName: 'lacles.org www.lacles.org',
  releasesRoot: '/srv/cles/releases',
  redirectsFile: '/etc/caddy/cles/cles.redirects.caddy',
}
const nginxOptions = {
  slug: 'calacs-outaouais',
  serverName: 'calacs.example',
  releasesRoot: '/srv/cles/releases',
  redirectsMap: '/etc/nginx/cles/calacs-outaouais.redirects.map',
}

describe('headerPlan', () => {
  it('holds every static server header, the CSP differing on the search paths only', () => {
    const plan = headerPlan()
    expect(Object.keys({ ...plan.common, ...Object.fromEntries(plan.byPath.map((h) => [h.name, h.default])) }).sort()).toEqual(
      Object.keys(SECURITY_HEADERS).sort(),
    )
    expect(plan.byPath).toEqual([
      { name: 'Content-Security-Policy', default: SECURITY_HEADERS['Content-Security-Policy'], search: SEARCH_CONTENT_SECURITY_POLICY },
    ])
    expect(plan.searchPaths).toEqual(['/recherche/', '/en/search/', '/pagefind/'])
  })
})

describe('nginxSiteConfig', () => {
  it('writes every header with `always`, the site root, the redirects map, and no open_file_cache', () => {
    const text = nginxSiteConfig(nginxOptions)
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
      if (name !== 'Content-Security-Policy') expect(text).toContain(`add_header ${name} "${value}" always;`)
    }
    expect(text).toContain('add_header Content-Security-Policy $cles_calacs_outaouais_header_0 always;')
    expect(text).toContain('root /srv/cles/releases/calacs-outaouais/current;')
    expect(text).toContain('include /etc/nginx/cles/calacs-outaouais.redirects.map;')
    expect(text).toContain('listen 80;')
    expect(text.replace(/#.*$/gm, '')).not.toContain('open_file_cache')
    expect(text).not.toMatch(/\{\{\w+\}\}/)
  })

  it('listens on 443 with TLS and then sends HSTS', () => {
    const text = nginxSiteConfig({ ...nginxOptions, tls: { certificate: '/etc/ssl/c.pem', key: '/etc/ssl/k.pem' } })
    expect(text).toContain('listen 443 ssl http2;')
    expect(text).toContain('ssl_certificate_key /etc/ssl/k.pem;')
    expect(text).toContain('add_header Strict-Transport-Security "max-age=31536000" always;')
  })

  it('refuses values that would change the config', () => {
    expect(() => nginxSiteConfig({ ...nginxOptions, slug: 'x; include /etc/passwd' })).toThrow(/slug de site invalide/)
    expect(() => nginxSiteConfig({ ...nginxOptions, serverName: 'a.example; return 200' })).toThrow(/nom de serveur invalide/)
    expect(() => nginxSiteConfig({ ...nginxOptions, releasesRoot: '/srv/{x}' })).toThrow(/invalide/)
    expect(() => nginxSiteConfig({ ...nginxOptions, listen: ['80; root /'] })).toThrow(/listen invalide/)
  })
})

describe('Caddy sample', () => {
  it('deploy/caddy/Caddyfile.sample is what the generator writes today', () => {
    expect(readFileSync(CADDY_SAMPLE, 'utf8')).toBe(caddySiteConfig(sampleOptions))
  })

  it('turns _redirects into redir lines for both forms', () => {
    expect(redirectsToCaddy('/a/ /b/ 301\n//evil /x 301\n').text.split('\n').slice(1, 3)).toEqual([
      'redir "/a" "/b/" 301',
      'redir "/a/" "/b/" 301',
    ])
  })
})

describe('cache policy and content types', () => {
  it('marks hashed assets and media immutable, everything else revalidated', () => {
    expect(cacheControlFor('/_astro/Base.C1a2b3.css')).toBe('public, max-age=31536000, immutable')
    expect(cacheControlFor('/media/3f.pdf')).toBe('public, max-age=31536000, immutable')
    expect(cacheControlFor('/index.html')).toBe('no-cache')
    expect(cacheControlFor('/pagefind/pagefind.js')).toBe('no-cache')
  })

  it('types the files a build holds', () => {
    expect(contentTypeFor('/a/index.html')).toBe('text/html; charset=utf-8')
    expect(contentTypeFor('/_astro/x.woff2')).toBe('font/woff2')
    expect(contentTypeFor('/pagefind/wasm.fr.pagefind')).toBe('application/octet-stream')
    expect(contentTypeFor('/pagefind/pagefind.js')).toBe('text/javascript; charset=utf-8')
  })
})
