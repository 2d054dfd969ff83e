// syncReleaseToS3 against s3rver, a local S3 implementation, on a loopback port:
// changed files only, headers, deletions after uploads, S3 website redirects.
import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import S3rver from 's3rver'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { syncReleaseToS3 } from '../src/index.mjs'

const work = mkdtempSync(join(tmpdir(), 'cles-s3-'))
const release = join(work, 'release')
const bucket = 'cles-sites'
const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }
let server: InstanceType<typeof S3rver>
let endpoint: string
let client: S3Client

const WEBSITE = `<WebsiteConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <IndexDocument><Suffix>index.html</Suffix></IndexDocument>
  <ErrorDocument><Key>cles/404.html</Key></ErrorDocument>
</WebsiteConfiguration>`

function write(path: string, text: string) {
  mkdirSync(dirname(join(release, path)), { recursive: true })
  writeFileSync(join(release, path), text)
}
const sync = () => syncReleaseToS3(release, { bucket, prefix: 'cles', endpoint, credentials })

beforeAll(async () => {
  server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: join(work, 's3'),
    configureBuckets: [{ name: bucket, configs: [WEBSITE] }],
  })
  const address = (await server.run()) as AddressInfo
  endpoint = `http://127.0.0.1:${address.port}`
  client = new S3Client({ region: 'us-east-1', endpoint, credentials, forcePathStyle: true })
  write('index.html', '<h1>Accueil</h1>')
  write('404.html', '<h1>Page introuvable</h1>')
  write('recherche/index.html', '<h1>Recherche</h1>')
  write('_astro/quickExit.B3x9aQ.js', 'console.log(1)')
  write('_astro/Base.C1a2b3.css', 'body{}')
  write('pagefind/pagefind-entry.json', '{}')
  write('actualites/rss.xml', '<rss/>')
  write('_redirects', '# c\n/ancienne-page/ /recherche/ 301\n/don https://www.quebec.ca/ 301\n/recherche/ /boucle/ 301\n')
  // Outside the prefix: another site's object, never touched.
  await client.send(new PutObjectCommand({ Bucket: bucket, Key: 'autre-site/index.html', Body: 'autre' }))
})
afterAll(async () => {
  client?.destroy()
  await server?.close()
  rmSync(work, { recursive: true, force: true })
})

describe('syncReleaseToS3', () => {
  it('uploads every file the first time, with content type and cache policy, and never _redirects', async () => {
    const result = await sync()
    expect(result.deleted).toEqual([])
    expect(result.uploaded).toEqual(
      [
        'cles/404.html',
        'cles/_astro/Base.C1a2b3.css',
        'cles/_astro/quickExit.B3x9aQ.js',
        'cles/actualites/rss.xml',
        'cles/ancienne-page',
        'cles/ancienne-page/index.html',
        'cles/don',
        'cles/don/index.html',
        'cles/index.html',
        'cles/pagefind/pagefind-entry.json',
        'cles/recherche/index.html',
      ].sort(),
    )
    const head = (Key: string) => client.send(new HeadObjectCommand({ Bucket: bucket, Key }))
    const js = await head('cles/_astro/quickExit.B3x9aQ.js')
    expect(js.ContentType).toBe('text/javascript; charset=utf-8')
    expect(js.CacheControl).toBe('public, max-age=31536000, immutable')
    const html = await head('cles/index.html')
    expect(html.ContentType).toBe('text/html; charset=utf-8')
    expect(html.CacheControl).toBe('no-cache')
    expect(html.Metadata?.['cles-sha256']).toMatch(/^[0-9a-f]{64}$/)
    expect((await head('cles/ancienne-page/index.html')).WebsiteRedirectLocation).toBe('/recherche/')
    expect((await head('cles/don')).WebsiteRedirectLocation).toBe('https://www.quebec.ca/')
    // A page of the release wins over a redirect of the same address.
    expect((await head('cles/recherche/index.html')).WebsiteRedirectLocation).toBeUndefined()
    expect(result.skipped.map((s) => s.reason)).toEqual(['cette adresse est une page de la version'])
  })

  it('uploads nothing the second time', async () => {
    const result = await sync()
    expect(result.uploaded).toEqual([])
    expect(result.deleted).toEqual([])
    expect(result.unchanged).toBe(11)
  })

  it('uploads again a changed file and a redirect whose target changed', async () => {
    write('index.html', '<h1>Accueil, nouvelle version</h1>')
    write('_redirects', '/ancienne-page/ /actualites/ 301\n/don https://www.quebec.ca/ 301\n')
    const result = await sync()
    expect(result.uploaded).toEqual(['cles/ancienne-page', 'cles/ancienne-page/index.html', 'cles/index.html'])
    const body = await client.send(new GetObjectCommand({ Bucket: bucket, Key: 'cles/index.html' }))
    expect(await body.Body!.transformToString()).toContain('nouvelle version')
    expect((await client.send(new HeadObjectCommand({ Bucket: bucket, Key: 'cles/ancienne-page' }))).WebsiteRedirectLocation).toBe(
      '/actualites/',
    )
  })

  it('deletes objects no longer in the release, only under its prefix', async () => {
    rmSync(join(release, '_astro/Base.C1a2b3.css'))
    write('_redirects', '/ancienne-page/ /actualites/ 301\n')
    const result = await sync()
    expect(result.uploaded).toEqual([])
    expect(result.deleted).toEqual(['cles/_astro/Base.C1a2b3.css', 'cles/don', 'cles/don/index.html'])
    const keys = (await client.send(new ListObjectsV2Command({ Bucket: bucket }))).Contents!.map((o) => o.Key)
    expect(keys).toContain('autre-site/index.html')
    expect(keys).not.toContain('cles/_astro/Base.C1a2b3.css')
  })

  it('answers old addresses with a 301 and unknown ones with the 404 page through the S3 website endpoint (as s3rver emulates it)', async () => {
    for (const path of ['/ancienne-page/', '/ancienne-page']) {
      const response = await fetch(`${endpoint}/${bucket}/cles${path}`, { redirect: 'manual' })
      expect(response.status, path).toBe(301)
      expect(response.headers.get('location')).toBe('/actualites/')
    }
    const page = await fetch(`${endpoint}/${bucket}/cles/recherche/`, { redirect: 'manual' })
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('Recherche')
    // The bucket's error document (one per bucket: one bucket per site in production).
    const missing = await fetch(`${endpoint}/${bucket}/cles/nulle-part/`, { redirect: 'manual' })
    expect(missing.status).toBe(404)
    expect(await missing.text()).toContain('Page introuvable')
  })
})
