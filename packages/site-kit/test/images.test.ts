// Images: focal-point crops with real sharp, the shared encoding cache, and
// what the five fixture builds ship (AVIF/WebP pictures with their size, lazy
// below the fold, a 1200×630 share image, each encoding done once).
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sharp from 'sharp'
import { describe, expect, inject, it } from 'vitest'
import { cropAroundFocus, focalCropBox } from '../src/images/focalCrop.ts'
import service, { imageStats } from '../src/images/service.ts'
import { cachedOrEncoded } from '../src/images/sharedCache.ts'
import { builtSite, SITES, snapshot } from './fixtureSites.ts'

const out = inject('buildDir')
const quiet = { info() {}, warn() {}, error() {}, debug() {} } as never

/** 400×100 blue strip with a red square on its right end. */
const strip = () =>
  sharp({ create: { width: 400, height: 100, channels: 3, background: '#0000ff' } })
    .composite([{ input: { create: { width: 100, height: 100, channels: 3, background: '#ff0000' } }, left: 300, top: 0 }])
    .png()
    .toBuffer()

async function centrePixel(data: Uint8Array) {
  const { data: raw, info } = await sharp(data).raw().toBuffer({ resolveWithObject: true })
  const at = (Math.floor(info.height / 2) * info.width + Math.floor(info.width / 2)) * info.channels
  return [raw[at], raw[at + 1], raw[at + 2]]
}

function encode(input: Buffer, cacheDir: string, extra: Record<string, unknown> = {}) {
  const transform = { src: '/strip.png', width: 100, height: 100, format: 'png', fit: 'cover', ...extra }
  return service.transform(input, transform as never, { service: { entrypoint: '', config: { sharedCacheDir: cacheDir } } } as never, quiet)
}

describe('focal point', () => {
  it('keeps the focal point in the crop and never leaves the image', () => {
    expect(focalCropBox({ width: 400, height: 100 }, { width: 1, height: 1 }, { x: 87.5, y: 50 })).toEqual({
      left: 300,
      top: 0,
      width: 100,
      height: 100,
    })
    expect(focalCropBox({ width: 400, height: 100 }, { width: 1, height: 1 }, { x: 100, y: 50 })).toEqual({
      left: 300,
      top: 0,
      width: 100,
      height: 100,
    })
    expect(focalCropBox({ width: 400, height: 100 }, { width: 1, height: 1 }, { x: 0, y: 0 })).toEqual({
      left: 0,
      top: 0,
      width: 100,
      height: 100,
    })
    expect(focalCropBox({ width: 1200, height: 675 }, { width: 1200, height: 630 }, { x: 50, y: 90 })).toEqual({
      left: 0,
      top: 45,
      width: 1200,
      height: 630,
    })
  })

  it('crops around the focal point with sharp, where a centred crop would miss it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cles-focal-'))
    const input = await strip()
    expect(await centrePixel((await encode(input, dir, { focalX: 87.5, focalY: 50 })).data)).toEqual([255, 0, 0])
    expect(await centrePixel((await encode(input, dir)).data)).toEqual([0, 0, 255])
  })

  it('skips the crop when the image already has the target ratio', async () => {
    const input = await strip()
    expect(await cropAroundFocus(sharp(input), { width: 800, height: 200 }, { x: 90, y: 50 })).toBeNull()
    expect(await cropAroundFocus(sharp(input), { width: 100, height: 100 }, { x: 90, y: 50 })).toBeInstanceOf(Buffer)
  })
})

describe('shared encoding cache', () => {
  it('encodes an image once and serves the same bytes to the next site', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cles-shared-'))
    const input = await strip()
    imageStats()
    const first = await encode(input, dir, { width: 80, height: 20 })
    const second = await encode(input, dir, { width: 80, height: 20 })
    expect(imageStats()).toEqual({ encoded: 1, shared: 1 })
    expect(Buffer.compare(Buffer.from(first.data), Buffer.from(second.data))).toBe(0)
    // Another size or focal point is another encoding, never a stale file.
    await encode(input, dir, { width: 80, height: 20, focalX: 10, focalY: 50 })
    expect(imageStats()).toEqual({ encoded: 1, shared: 0 })
    expect(readdirSync(dir)).toHaveLength(2)
  })

  it('makes parallel builds wait for an encoding in progress instead of repeating it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cles-lock-'))
    let runs = 0
    const encode = async () => {
      runs++
      await new Promise((resolve) => setTimeout(resolve, 200))
      return new Uint8Array([1, 2, 3])
    }
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => cachedOrEncoded(dir, 'cle', encode)))
    expect(runs).toBe(1)
    expect(results.filter((r) => !r.shared)).toHaveLength(1)
    for (const r of results) expect([...r.data]).toEqual([1, 2, 3])
    expect(readdirSync(dir)).toEqual(['cle'])
  })

  it('let the five fixture builds share their encodings', () => {
    const perSite = SITES.map((slug) =>
      readdirSync(join(out, slug, '_astro')).filter((f) => /^[0-9a-f]{64}\.[\w-]{8}_[\w-]+\.(avif|webp|jpg|png)$/.test(f)),
    )
    const distinct = new Set(perSite.flat())
    const cached = readdirSync(inject('imageCacheDir'))
    // Every distinct encoding is in the cache once; the sites together used more than that.
    expect(cached).toHaveLength(distinct.size)
    expect(perSite.flat().length).toBeGreaterThan(distinct.size)
    // The kit's own counters for these very builds (recorded with the shared test build):
    // each encoding made once across the five, every other use taken from the cache.
    const use = SITES.map((slug) => inject('imageUse')[slug]!)
    expect(use.map((u) => u.encoded + u.shared)).toEqual(perSite.map((files) => files.length))
    expect(use.reduce((sum, u) => sum + u.encoded, 0)).toBe(distinct.size)
  })
})

describe.each(SITES)('images of site %s', (slug) => {
  const site = builtSite(out, slug)
  const snap = snapshot(slug)

  it('gives every image its size and AVIF then WebP sources, with no inline style anywhere', () => {
    for (const path of site.htmlPages()) {
      const html = site.text(path)
      expect(html, path).not.toMatch(/\sstyle="/)
      const doc = site.page(path)
      for (const img of doc.querySelectorAll('img')) {
        expect(Number(img.getAttribute('width')), `${path} ${img.getAttribute('src')}`).toBeGreaterThan(0)
        expect(Number(img.getAttribute('height')), `${path} ${img.getAttribute('src')}`).toBeGreaterThan(0)
        expect(img.getAttribute('src')).toMatch(/^\/_astro\/.+\.webp$/)
      }
      for (const picture of doc.querySelectorAll('picture')) {
        expect(picture.querySelectorAll('source').map((s) => s.getAttribute('type'))).toEqual(['image/avif', 'image/webp'])
      }
    }
  })

  it('ships encoded images only, never the uploaded originals', () => {
    const images = readdirSync(join(site.root, '_astro')).filter((f) => /\.(avif|webp|jpe?g|png)$/.test(f))
    expect(images.length).toBeGreaterThan(0)
    expect(images.filter((f) => !/^[0-9a-f]{64}\.[\w-]{8}_[\w-]+\./.test(f))).toEqual([])
  })

  it('loads the article’s main image first and every image in the text lazily, with few widths', () => {
    const article = snap.news.find((a) => a.hero)!
    const doc = site.page(`actualites/${article.slug}/index.html`)
    const hero = doc.querySelector('img.hero-image')!
    expect(hero.getAttribute('fetchpriority')).toBe('high')
    expect(hero.getAttribute('loading')).toBe('eager')
    expect(hero.getAttribute('srcset')!.split(',').length).toBeLessThanOrEqual(3)
    expect(Number(hero.getAttribute('width')) / Number(hero.getAttribute('height'))).toBeCloseTo(16 / 9, 2)
    for (const img of doc.querySelectorAll('main img:not(.hero-image)')) expect(img.getAttribute('loading')).toBe('lazy')
  })

  it('shares a 1200×630 JPEG of the article’s image, cropped on its focal point', async () => {
    const article = snap.news.find((a) => a.hero)!
    const doc = site.page(`actualites/${article.slug}/index.html`)
    const url = new URL(doc.querySelector('meta[property="og:image"]')!.getAttribute('content')!)
    expect(url.origin).toBe(snap.site.url)
    const file = join(site.root, url.pathname)
    expect(existsSync(file)).toBe(true)
    expect(await sharp(file).metadata()).toMatchObject({ width: 1200, height: 630, format: 'jpeg' })
    expect(doc.querySelector('meta[property="og:image:alt"]')?.getAttribute('content')).toBe(article.hero!.alt.fr)
  })

  it('shows the logo beside the site name, with an empty alt (the name is already there)', () => {
    const brand = site.page('index.html').querySelector('header .site-brand')!
    expect(brand.querySelector('.site-name')?.text).toBe(snap.site.name)
    expect(brand.querySelector('img')?.getAttribute('alt')).toBe(snap.site.logo ? '' : undefined)
  })

  it('bundles the brand font from the site itself, or no font file for the system font', () => {
    const css = readdirSync(join(site.root, '_astro'))
      .filter((f) => f.endsWith('.css'))
      .map((f) => site.text(`_astro/${f}`))
      .join('\n')
    const fonts = readdirSync(join(site.root, '_astro')).filter((f) => f.endsWith('.woff2'))
    if (snap.site.brand.font === 'system') {
      expect(css).not.toContain('@font-face')
      expect(fonts).toEqual([])
      expect(site.page('index.html').querySelectorAll('link[rel=preload]')).toHaveLength(0)
      return
    }
    const urls = [...css.matchAll(/url\(([^)]+\.woff2)\)/g)].map((m) => m[1]!)
    expect(urls.length).toBeGreaterThan(0)
    for (const url of urls) {
      expect(url).toMatch(/^\/_astro\//)
      expect(existsSync(join(site.root, url))).toBe(true)
    }
    expect(readFileSync(join(site.root, 'index.html'), 'utf8')).not.toMatch(/fonts\.(googleapis|gstatic)|fontsource|jsdelivr/)
    // Preloaded and never swapped in late: no layout shift when it arrives.
    expect(css).toContain('font-display:optional')
    expect(css).not.toContain('font-display:swap')
    const preloads = site
      .page('index.html')
      .querySelectorAll('link[rel=preload][as=font]')
      .map((l) => l.getAttribute('href'))
    expect(preloads.length).toBeGreaterThan(0)
    for (const href of preloads) expect(urls).toContain(href)
  })
})
