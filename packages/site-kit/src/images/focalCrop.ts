// Focal-point cropping: the largest box of the target aspect ratio that keeps
// the editor's focal point as close to its centre as the image edges allow.
import type { Sharp } from 'sharp'

export interface CropBox {
  left: number
  top: number
  width: number
  height: number
}

/** Pure geometry, in source pixels; focal point in % of width and height. */
export function focalCropBox(
  source: { width: number; height: number },
  target: { width: number; height: number },
  focal: { x: number; y: number },
): CropBox {
  const ratio = target.width / target.height
  let width = source.width
  let height = Math.round(width / ratio)
  if (height > source.height) {
    height = source.height
    width = Math.round(height * ratio)
  }
  const clamp = (value: number, max: number) => Math.min(Math.max(0, Math.round(value)), max)
  return {
    left: clamp((focal.x / 100) * source.width - width / 2, source.width - width),
    top: clamp((focal.y / 100) * source.height - height / 2, source.height - height),
    width,
    height,
  }
}

/**
 * The image cropped around its focal point to the target ratio, before Astro's
 * sharp service resizes it; null when the image already has that ratio (the
 * common case: nothing to decode twice).
 */
export async function cropAroundFocus(
  image: Sharp,
  target: { width: number; height: number },
  focal: { x: number; y: number },
): Promise<Buffer | null> {
  // Header only; EXIF orientations 5–8 swap width and height as readers see them.
  const meta = await image.metadata()
  const turned = (meta.orientation ?? 1) >= 5
  const seen = { width: (turned ? meta.height : meta.width) ?? 0, height: (turned ? meta.width : meta.height) ?? 0 }
  const box = focalCropBox(seen, target, focal)
  if (box.width >= seen.width && box.height >= seen.height) return null
  // Decoded once with rotation applied, so the box matches what readers see.
  const { data, info } = await image.rotate().raw().toBuffer({ resolveWithObject: true })
  const { default: sharp } = await import('sharp')
  // Lossless and fast: this buffer only feeds the real encoder.
  return sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } })
    .extract(focalCropBox(info, target, focal))
    .png({ compressionLevel: 0 })
    .toBuffer()
}
