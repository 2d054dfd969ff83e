// `virtual:cles/media`: every image of the site's snapshot imported as an
// ES module, so astro:assets knows its size and format and encodes it at
// build time like any image of the site's own src/ folder.
import { isEncodableImage, type SiteSnapshot, type SnapshotMedia } from '@cles/content'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'

export const MEDIA_ID = 'virtual:cles/media'

/** Formats sharp encodes; other media (PDF documents) are copied as they are. */
export const isEncodable = (media: SnapshotMedia) => isEncodableImage(media.mimeType)

const isMedia = (value: unknown): value is SnapshotMedia =>
  !!value &&
  typeof value === 'object' &&
  typeof (value as SnapshotMedia).file === 'string' &&
  typeof (value as SnapshotMedia).mimeType === 'string' &&
  'alt' in value

/** Every media item the snapshot refers to (heroes, logo, SEO images, images in text and blocks), once each. */
export function snapshotMedia(snapshot: SiteSnapshot): SnapshotMedia[] {
  const found = new Map<string, SnapshotMedia>()
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit)
    else if (isMedia(value)) found.set(value.file, value)
    else if (value && typeof value === 'object') Object.values(value).forEach(visit)
  }
  visit(snapshot)
  return [...found.values()].sort((a, b) => a.file.localeCompare(b.file))
}

/** Module source: one import per image file, exported as a map keyed by snapshot path. */
export function mediaModuleSource(snapshotDir: string, media: SnapshotMedia[]): string {
  const images = media.filter(isEncodable)
  const imports = images.map((m, i) => `import m${i} from ${JSON.stringify(join(snapshotDir, m.file))}`)
  const entries = images.map((m, i) => `  ${JSON.stringify(m.file)}: m${i},`)
  return `${imports.join('\n')}\nexport default {\n${entries.join('\n')}\n}\n`
}

/**
 * The images sharp can read. A missing or corrupt file is left out with a
 * French warning (its pages render without it) instead of failing the build
 * of every page of the site.
 */
export async function readableImages(
  snapshotDir: string,
  media: SnapshotMedia[],
  warn: (message: string) => void,
): Promise<SnapshotMedia[]> {
  const readable: SnapshotMedia[] = []
  for (const item of media.filter(isEncodable)) {
    const path = join(snapshotDir, item.file)
    if (!existsSync(path)) {
      warn(`image absente de l’instantané, affichée sans elle : ${item.file}`)
      continue
    }
    try {
      const { width, height } = await sharp(path).metadata()
      if (!width || !height) throw new Error('dimensions inconnues')
      readable.push(item)
    } catch (error) {
      warn(`image illisible (${(error as Error).message}), affichée sans elle : ${item.file}`)
    }
  }
  return readable
}
