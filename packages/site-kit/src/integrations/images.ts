// Astro's sharp service with focal-point crops and one encoding cache for all
// the sites of the repository (see images/service.ts).
import { resolve } from 'node:path'
import type { AstroUserConfig } from 'astro'
import type { SiteKitConfig } from '../options.ts'

export function imageConfig(siteRoot: string, options: SiteKitConfig): AstroUserConfig['image'] {
  return {
    service: {
      entrypoint: '@cles/site-kit/image-service',
      config: {
        sharedCacheDir: resolve(
          siteRoot,
          options.imageCacheDir ?? process.env.CLES_IMAGE_CACHE_DIR ?? '../../node_modules/.cache/cles-images',
        ),
        // Effort 2 encodes AVIF several times faster than the default for a few % more bytes.
        avif: { effort: 2 },
        webp: { effort: 4 },
        jpeg: { mozjpeg: true },
      },
    },
  }
}
