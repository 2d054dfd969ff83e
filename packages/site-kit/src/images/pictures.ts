// The <picture> of one snapshot image in one variant, computed once per build
// and reused: 2,000 articles often share a few dozen images, and asking
// astro:assets again for every page would cost more than the rendering.
import type { SnapshotMedia } from '@cles/content'
import type { ImageMetadata } from 'astro'
import { getImage } from 'astro:assets'
import { IMAGE_FORMATS, IMAGE_VARIANTS, SHARE_IMAGE, type ImageVariantName } from './variants.ts'

export interface PictureData {
  sources: { type: string; srcset: string; sizes?: string }[]
  img: { src: string; srcset?: string; sizes?: string; width: number; height: number }
}

const pictures = new Map<string, Promise<PictureData>>()
const shares = new Map<string, Promise<string>>()

/** Display size: the variant's ratio, or the image's own; never wider than the source. */
function targetSize(source: ImageMetadata, image: SnapshotMedia, variant: ImageVariantName) {
  const spec = IMAGE_VARIANTS[variant]
  // Sizes come from the snapshot: reading them on the imported image would make Astro ship the original too
  // (its `clone` is a plain copy that does not count as a use).
  const natural =
    image.width && image.height ? { width: image.width, height: image.height } : (source as unknown as { clone: ImageMetadata }).clone
  if ('display' in spec) return { width: spec.display, height: Math.round((spec.display * natural.height) / natural.width) }
  const width = Math.min(natural.width, Math.max(...spec.widths))
  const height = 'aspect' in spec ? Math.round(width / spec.aspect) : Math.round((width * natural.height) / natural.width)
  return { width, height }
}

async function computePicture(source: ImageMetadata, image: SnapshotMedia, variant: ImageVariantName): Promise<PictureData> {
  const spec = IMAGE_VARIANTS[variant]
  const { width, height } = targetSize(source, image, variant)
  // A fixed display size (the logo) gets 1x/2x densities; the others a few widths.
  const responsive =
    'display' in spec ? { densities: [1, 2] } : { widths: spec.widths.filter((w) => w < width).concat(width), sizes: spec.sizes }
  const focal = 'aspect' in spec ? { focalX: image.focalX, focalY: image.focalY } : {}
  const encoded = await Promise.all(
    IMAGE_FORMATS.map((format) =>
      getImage({ src: source, width, height, format, fit: 'cover', ...focal, ...responsive } as Parameters<typeof getImage>[0]),
    ),
  )
  const sizes = 'sizes' in responsive ? responsive.sizes : undefined
  const fallback = encoded.at(-1)!
  return {
    sources: encoded.map((result, i) => ({ type: `image/${IMAGE_FORMATS[i]}`, srcset: result.srcSet.attribute, sizes })),
    img: { src: fallback.src, srcset: fallback.srcSet.attribute || undefined, sizes, width, height },
  }
}

export function pictureOf(source: ImageMetadata, image: SnapshotMedia, variant: ImageVariantName): Promise<PictureData> {
  const key = `${image.file}|${variant}|${image.width}x${image.height}|${image.focalX},${image.focalY}`
  const found = pictures.get(key)
  if (found) return found
  const picture = computePicture(source, image, variant)
  pictures.set(key, picture)
  return picture
}

/** URL path of the 1200×630 JPEG link-preview image, cropped around the focal point. */
export function shareImageOf(source: ImageMetadata, image: SnapshotMedia): Promise<string> {
  const key = `${image.file}|${image.focalX},${image.focalY}`
  const found = shares.get(key)
  if (found) return found
  const options = { src: source, ...SHARE_IMAGE, fit: 'cover', focalX: image.focalX, focalY: image.focalY }
  const url = getImage(options as Parameters<typeof getImage>[0]).then((r) => r.src)
  shares.set(key, url)
  return url
}
