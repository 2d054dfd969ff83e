// The production samples (deploy/nginx/cms.conf, deploy/caddy/Caddyfile.cms.sample,
// deploy/systemd/*.service) and the guide (docs/production.md) stay true to the code:
// the same security headers as the CMS, nginx accepts the config (nginx -t) and
// really serves it with TLS on loopback in front of a stand-in CMS, systemd
// accepts the units, and the guide names every environment variable the code reads.
// Skipped with a notice where nginx, openssl or systemd-analyze is missing.
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createServer as createHttpServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { createServer as createNetServer, type AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CMS_SECURITY_HEADERS, FRAME_SAME_ORIGIN, PREVIEW_PAGE_HEADERS, PREVIEW_PAGE_PATH } from '../src/lib/securityHeaders'
import { MAX_UPLOAD_REQUEST_BYTES } from '../src/lib/uploadLimit'

const repoRoot = path.resolve(import.meta.dirname, '../..')
const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx'
const hasNginx = existsSync(NGINX) && existsSync('/usr/bin/openssl')
const hasSystemd = spawnSync('systemd-analyze', ['--version']).status === 0
if (!hasNginx) {
  console.warn(
    `\n⚠ nginx ou openssl absent (${NGINX}) : la configuration nginx du CMS n’est pas vérifiée. Installez-les (apt-get install nginx openssl).\n`,
  )
}
if (!hasSystemd) console.warn('\n⚠ systemd-analyze absent : les unités systemd ne sont pas vérifiées.\n')

const read = (file: string) => readFileSync(path.join(repoRoot, file), 'utf8')
const withoutComments = (text: string) => text.replace(/#.*$/gm, '')

describe('the reverse proxy samples repeat the CMS’s security headers', () => {
  it('nginx: every header of cms/src/lib/securityHeaders.ts, always, and the CMS’s own copies hidden', () => {
    const conf = withoutComments(read('deploy/nginx/cms.conf'))
    for (const { key, value } of CMS_SECURITY_HEADERS) {
      expect(conf, key).toContain(`proxy_hide_header ${key};`)
      if (key === 'Content-Security-Policy') {
        // Through a map that keeps a stricter policy the CMS sets on a file.
        expect(conf).toContain('add_header Content-Security-Policy $cles_cms_csp always;')
        expect(conf).toMatch(new RegExp(`""\\s+"${value.replace(/'/g, "'")}";`))
      } else if (key === 'X-Frame-Options') {
        // Through a map too: the CMS lets its own admin frame the draft preview page.
        expect(conf).toContain('add_header X-Frame-Options $cles_cms_frame always;')
        expect(conf).toMatch(new RegExp(`""\\s+"${value}";`))
      } else {
        expect(conf, key).toContain(`add_header ${key} "${value}" always;`)
      }
    }
    expect(conf).toContain(`client_max_body_size ${Math.ceil(MAX_UPLOAD_REQUEST_BYTES / 1024 / 1024)}m;`)
  })

  it('Caddy: the same headers', () => {
    const caddy = withoutComments(read('deploy/caddy/Caddyfile.cms.sample'))
    for (const { key, value } of CMS_SECURITY_HEADERS) {
      expect(caddy, key).toMatch(new RegExp(`\\n\\s*\\??${key} "${value}"\\n`))
    }
    expect(caddy).toContain('health_uri /api/health')
  })
})

describe('docs/production.md', () => {
  it('names every environment variable the code reads', () => {
    const guide = read('docs/production.md')
    const roots = ['cms/src', 'cms/next.config.ts', 'packages', 'scripts']
    const files: string[] = []
    const walk = (target: string) => {
      const full = path.join(repoRoot, target)
      if (!existsSync(full)) return
      if (statSync(full).isFile()) return void files.push(full)
      for (const entry of readdirSync(full, { withFileTypes: true })) {
        if (['node_modules', 'dist', '.astro', 'test', 'fixtures'].includes(entry.name)) continue
        const child = path.join(target, entry.name)
        if (entry.isDirectory()) walk(child)
        else if (/\.(ts|tsx|mts|mjs|js)$/.test(entry.name) && !/\.d\.m?ts$/.test(entry.name)) files.push(path.join(repoRoot, child))
      }
    }
    roots.forEach(walk)
    const names = new Set<string>()
    for (const file of files) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\benv(?:\.|\[['"])([A-Z][A-Z0-9_]{2,})\b/g)) names.add(match[1]!)
    }
    expect(names.size).toBeGreaterThan(20)
    const missing = [...names].filter((name) => !guide.includes(`\`${name}\``)).sort()
    expect(missing, 'variables absentes de docs/production.md').toEqual([])
  })

  it('is linked from the README', () => {
    expect(read('README.md')).toContain('docs/production.md')
  })
})

describe.skipIf(!hasSystemd)('systemd units', () => {
  it('systemd-analyze verify accepts them without a warning', () => {
    const units = ['cles-cms.service', 'cles-publisher.service'].map((u) => path.join(repoRoot, 'deploy/systemd', u))
    const result = spawnSync('systemd-analyze', ['verify', ...units], { encoding: 'utf8' })
    // Warnings (unknown keys, bad values) do not change the exit code: none may be printed.
    const output = `${result.stdout}${result.stderr}`
      .split('\n')
      .filter((line) => line.includes('cles-'))
      .join('\n')
    expect(result.status, output).toBe(0)
    expect(output).toBe('')
  })
})

async function freePort(): Promise<number> {
  const server = createNetServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

interface Answer {
  status: number
  headers: IncomingHttpHeaders
  body: string
}

describe.skipIf(!hasNginx)('nginx serving deploy/nginx/cms.conf with TLS in front of a stand-in CMS', () => {
  const dir = hasNginx ? mkdtempSync(path.join(tmpdir(), 'cles-nginx-cms-')) : ''
  let nginx: ChildProcess | undefined
  let nginxOutput = ''
  let cms: Server
  let cmsPort: number
  let httpsPort: number
  let httpPort: number
  let cert: string
  const seen: { url: string; headers: IncomingHttpHeaders; bytes: number }[] = []

  /** HTTPS to nginx, trusting only the test's certificate, for the sample's server name. */
  const https = (pathname: string, options: { method?: string; body?: Buffer } = {}) =>
    new Promise<Answer>((resolve, reject) => {
      const req = httpsRequest(
        {
          host: '127.0.0.1',
          port: httpsPort,
          path: pathname,
          method: options.method ?? 'GET',
          servername: 'cms.cles.example',
          headers: {
            host: 'cms.cles.example',
            'x-forwarded-for': '203.0.113.66',
            ...(options.body ? { 'content-length': options.body.length } : {}),
          },
          ca: cert,
        },
        (res) => {
          let body = ''
          res.on('data', (d) => (body += d))
          res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }))
        },
      )
      req.on('error', reject)
      req.end(options.body)
    })

  beforeAll(async () => {
    // A stand-in for `next start`: the headers Next sends (next.config.ts), a health answer, one file with its own CSP.
    cms = createHttpServer((req, res) => {
      let bytes = 0
      req.on('data', (d: Buffer) => (bytes += d.length))
      req.on('end', () => {
        seen.push({ url: req.url!, headers: req.headers, bytes })
        const headers: Record<string, string> = { 'x-powered-by': 'Next.js' }
        for (const { key, value } of CMS_SECURITY_HEADERS) headers[key] = value
        if (req.url === '/api/health') {
          res.writeHead(200, { ...headers, 'content-type': 'application/json', 'cache-control': 'no-store' }).end('{"status":"ok"}')
        } else if (req.url?.startsWith(PREVIEW_PAGE_PATH)) {
          // Next's headers for that path, and the site's own policy the page sets (previewEndpoints.ts).
          delete headers['Content-Security-Policy']
          for (const { key, value } of PREVIEW_PAGE_HEADERS) headers[key] = value
          headers['Content-Security-Policy'] = `default-src 'self'; ${FRAME_SAME_ORIGIN.frameAncestors}`
          res.writeHead(200, { ...headers, 'content-type': 'text/html' }).end('<p>aperçu</p>')
        } else if (req.url === '/api/media/file/document.xml') {
          res
            .writeHead(200, { ...headers, 'Content-Security-Policy': "default-src 'none'; sandbox", 'content-type': 'application/xml' })
            .end('<a/>')
        } else {
          res.writeHead(200, { ...headers, 'content-type': 'text/plain' }).end('cms')
        }
      })
    })
    await new Promise<void>((resolve) => cms.listen(0, '127.0.0.1', resolve))
    cmsPort = (cms.address() as AddressInfo).port
    ;[httpsPort, httpPort] = [await freePort(), await freePort()]

    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=cms.cles.example',
        '-addext',
        'subjectAltName=DNS:cms.cles.example',
        '-keyout',
        path.join(dir, 'privkey.pem'),
        '-out',
        path.join(dir, 'fullchain.pem'),
      ],
      { stdio: 'ignore' },
    )
    cert = readFileSync(path.join(dir, 'fullchain.pem'), 'utf8')

    // The sample with the test's ports, certificate and log folder: every replacement must apply.
    let conf = read('deploy/nginx/cms.conf')
    const replace = (from: string | RegExp, to: string) => {
      const before = conf
      conf = conf.replace(from, to)
      expect(conf, `remplacement introuvable dans cms.conf : ${from}`).not.toBe(before)
    }
    replace(/^\s*listen \[::\]:80;\n/m, '')
    replace(/^\s*listen \[::\]:443 ssl http2;\n/m, '')
    replace('listen 80;', `listen 127.0.0.1:${httpPort};`)
    replace('listen 443 ssl http2;', `listen 127.0.0.1:${httpsPort} ssl http2;`)
    replace('server 127.0.0.1:3000 ', `server 127.0.0.1:${cmsPort} `)
    replace('/etc/letsencrypt/live/cms.cles.example/fullchain.pem', path.join(dir, 'fullchain.pem'))
    replace('/etc/letsencrypt/live/cms.cles.example/privkey.pem', path.join(dir, 'privkey.pem'))
    replace(/\/var\/log\/nginx\//g, `${dir}/`)
    writeFileSync(path.join(dir, 'cms.conf'), conf)
    mkdirSync(path.join(dir, 'logs'), { recursive: true })
    writeFileSync(
      path.join(dir, 'nginx.conf'),
      [
        process.getuid?.() === 0 ? 'user root;' : '',
        'daemon off;',
        'worker_processes 1;',
        `pid ${path.join(dir, 'nginx.pid')};`,
        'error_log stderr warn;',
        'events { worker_connections 64; }',
        'http {',
        ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${path.join(dir, `tmp-${t}`)};`),
        `  include ${path.join(dir, 'cms.conf')};`,
        '}',
      ].join('\n'),
    )
    const check = spawnSync(NGINX, ['-t', '-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', 'stderr'], { encoding: 'utf8' })
    expect(check.status, check.stderr).toBe(0)
    expect(check.stderr).toContain('test is successful')

    nginx = spawn(NGINX, ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', 'stderr'], { stdio: ['ignore', 'pipe', 'pipe'] })
    nginx.stdout!.on('data', (d) => (nginxOutput += d))
    nginx.stderr!.on('data', (d) => (nginxOutput += d))
    const deadline = Date.now() + 15_000
    for (;;) {
      try {
        await https('/api/health')
        break
      } catch (error) {
        if (Date.now() > deadline || nginx.exitCode !== null) throw new Error(`nginx ne démarre pas : ${nginxOutput}`, { cause: error })
        await new Promise((r) => setTimeout(r, 100))
      }
    }
  })

  afterAll(async () => {
    if (nginx && nginx.exitCode === null) {
      const exited = new Promise((resolve) => nginx!.once('exit', resolve))
      nginx.kill('SIGTERM')
      await exited
    }
    if (cms?.listening) {
      await new Promise<void>((resolve) => {
        cms.close(() => resolve())
        cms.closeAllConnections()
      })
    }
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  const expectSecurityHeaders = (answer: Answer, csp = "frame-ancestors 'none'") => {
    for (const { key, value } of CMS_SECURITY_HEADERS) {
      // Once each: Node joins a repeated header with ", ".
      expect(answer.headers[key.toLowerCase()], key).toBe(key === 'Content-Security-Policy' ? csp : value)
    }
    expect(answer.headers['strict-transport-security']).toBe('max-age=31536000')
    expect(answer.headers.server).toBe('nginx')
    expect(answer.headers['x-powered-by']).toBeUndefined()
  }

  it('proxies /api/health over TLS with the CMS’s headers once each, and tells the CMS who the client is', async () => {
    const answer = await https('/api/health')
    expect(answer.status).toBe(200)
    expect(JSON.parse(answer.body)).toEqual({ status: 'ok' })
    expect(answer.headers['cache-control']).toBe('no-store')
    expectSecurityHeaders(answer)
    const request = seen.at(-1)!
    expect(request.headers.host).toBe('cms.cles.example')
    expect(request.headers['x-forwarded-proto']).toBe('https')
    // What the client wrote, then the address nginx saw: CLES_TRUSTED_PROXY=1 takes the last one.
    expect(request.headers['x-forwarded-for']).toBe('203.0.113.66, 127.0.0.1')
  })

  it('lets the admin frame the draft preview page, and only that page, from its own origin', async () => {
    const preview = await https(`${PREVIEW_PAGE_PATH}news/1`)
    expect(preview.headers['x-frame-options']).toBe('SAMEORIGIN')
    expect(preview.headers['content-security-policy']).toBe("default-src 'self'; frame-ancestors 'self'")
    const other = await https('/admin')
    expect(other.headers['x-frame-options']).toBe('DENY')
    expect(other.headers['content-security-policy']).toBe("frame-ancestors 'none'")
  })

  it('keeps a stricter policy the CMS sets on a file', async () => {
    const answer = await https('/api/media/file/document.xml')
    expectSecurityHeaders(answer, "default-src 'none'; sandbox")
  })

  it('lets an upload at the CMS’s limit through and refuses a larger one itself', async () => {
    const atLimit = await https('/api/media', { method: 'POST', body: Buffer.alloc(MAX_UPLOAD_REQUEST_BYTES - 1024) })
    expect(atLimit.status).toBe(200)
    expect(seen.at(-1)!.bytes).toBe(MAX_UPLOAD_REQUEST_BYTES - 1024)
    const tooLarge = await https('/api/media', { method: 'POST', body: Buffer.alloc(MAX_UPLOAD_REQUEST_BYTES + 1024 * 1024) })
    expect(tooLarge.status).toBe(413)
    expectSecurityHeaders(tooLarge)
  })

  it('redirects plain HTTP to HTTPS', async () => {
    // http.request, not fetch: fetch does not let a script choose the Host header.
    const answer = await new Promise<{ status: number; location?: string }>((resolve, reject) =>
      httpRequest({ host: '127.0.0.1', port: httpPort, path: '/admin?x=1', headers: { host: 'cms.cles.example' } }, (res) => {
        res.resume()
        resolve({ status: res.statusCode!, location: res.headers.location })
      })
        .on('error', reject)
        .end(),
    )
    expect(answer).toEqual({ status: 301, location: 'https://cms.cles.example/admin?x=1' })
  })

  it('logs requests without the client’s address or the query string, and not the health checks', async () => {
    await https('/api/news?where[email][equals]=personne@exemple.org')
    // nginx writes the line once the response is sent, which the client may see first
    // (in CI, under load, more than 5 s later once).
    const readLog = () => readFileSync(path.join(dir, 'cles-cms.access.log'), 'utf8')
    const newsLine = /^\S+ GET \/api\/news 200 \d+ [\d.]+$/
    await expect
      .poll(
        () =>
          readLog()
            .split('\n')
            .some((line) => newsLine.test(line)),
        { timeout: 20_000 },
      )
      .toBe(true)
    const log = readLog()
    expect(log).not.toMatch(/127\.0\.0\.1|203\.0\.113|personne|where|\/api\/health/)
  }, 30_000)

  it('answers 502 with the same headers while the CMS is down', async () => {
    await new Promise<void>((resolve) => {
      cms.close(() => resolve())
      // nginx keeps idle connections to its upstream (keepalive): end them too.
      cms.closeAllConnections()
    })
    const answer = await https('/admin')
    expect(answer.status).toBe(502)
    expectSecurityHeaders(answer)
  })
})
