// The sites' image service: Astro's own sharp service, plus
//  - focal-point crops (the CMS focal point, `focalX`/`focalY` in %), and
//  - a cache shared by all five sites, so a shared image is encoded once.
// Configured by the site kit (see index.ts); entrypoint `@cles/site-kit/image-service`.
import type { ImageTransform, LocalImageService } from 'astro'
import sharpService from 'astro/assets/services/sharp'
import { cropAroundFocus } from './focalCrop.ts'
import { cacheKey, cachedOrEncoded } from './sharedCache.ts'

export interface ClesImageServiceConfig {
  /** Folder of the shared cache; no sharing when absent. */
  sharedCacheDir?: string
  /** Sharp encoder options, passed on to Astro's sharp service. */
  avif?: Record<string, unknown>
  webp?: Record<string, unknown>
  jpeg?: Record<string, unknown>
}

const FOCAL_PROPS = ['focalX', 'focalY'] as const
const HASHED = ['src', 'width', 'height', 'format', 'quality', 'fit', 'position', 'background', ...FOCAL_PROPS]

const focalOf = (transform: ImageTransform) => {
  const x = Number(transform.focalX)
  const y = Number(transform.focalY)
  return Number.isFinite(x) && Number.isFinite(y) ? { x, y } : null
}

// Counted on globalThis: Astro loads this service through Vite, the
// integration reads the figures from its own copy of the module.
const STATS = Symbol.for('cles.imageStats')
const stats = ((globalThis as Record<symbol, { encoded: number; shared: number }>)[STATS] ??= { encoded: 0, shared: 0 })
/** Encoded vs. taken from the shared cache since the last call (for build logs and tests). */
export function imageStats() {
  const figures = { ...stats }
  stats.encoded = 0
  stats.shared = 0
  return figures
}

const service: LocalImageService<ClesImageServiceConfig> = {
  ...sharpService,
  propertiesToHash: HASHED,
  async getHTMLAttributes(options, imageConfig, logger) {
    const attributes = { ...(await sharpService.getHTMLAttributes!(options, imageConfig, logger)) }
    for (const prop of FOCAL_PROPS) delete attributes[prop]
    return attributes
  },
  async transform(inputBuffer, transform, imageConfig, logger) {
    const dir = imageConfig.service.config.sharedCacheDir
    const focal = focalOf(transform)
    const { width, height, format, quality, fit, position, background } = transform
    const encode = async () => {
      let source = inputBuffer
      // A crop to another aspect ratio keeps the focal point in view (sharp alone can only centre or use edges).
      if (focal && width && height && (fit === 'cover' || fit === undefined)) {
        const { default: sharp } = await import('sharp')
        source = (await cropAroundFocus(sharp(inputBuffer, { failOn: 'none' }), { width, height }, focal)) ?? inputBuffer
      }
      return (await sharpService.transform(source, transform, imageConfig, logger)).data
    }
    if (!dir) {
      stats.encoded++
      return { data: await encode(), format: format ?? 'webp' }
    }
    const key = cacheKey(inputBuffer, { width, height, format, quality, fit, position, background, focal })
    const { data, shared } = await cachedOrEncoded(dir, key, encode)
    if (shared) stats.shared++
    else stats.encoded++
    return { data, format: format ?? 'webp' }
  },
}

export default service
