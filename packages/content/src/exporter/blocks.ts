// CMS layout blocks → typed, already-safe snapshot blocks. Rich text goes
// through the Lexical converter; links keep safe URLs only; everything else is
// plain text that the site escapes. Unknown block types are skipped.
import { RESOURCE_CATEGORIES, type ResourceCategory, type SnapshotBlock } from '../types.ts'
import { asString, localized, rows, type Doc } from './fields.ts'
import type { MediaDoc, MediaStore } from './media.ts'
import { isSafeUrl, lexicalToHtml } from './richtext.ts'

const isCategory = (value: unknown): value is ResourceCategory => RESOURCE_CATEGORIES.includes(value as ResourceCategory)

/** Inside a localised layout, nested "localised" fields hold the plain value of that locale. */
const plain = (value: unknown): string => (value && typeof value === 'object' ? localized(value).fr : asString(value))

async function toBlock(block: Doc, media: MediaStore): Promise<SnapshotBlock | null> {
  switch (block.blockType) {
    case 'richText':
      return { type: 'richText', html: lexicalToHtml(block.content) }
    case 'callToAction':
      return {
        type: 'callToAction',
        text: asString(block.text),
        links: rows(block.links).flatMap((l) => (plain(l.label).trim() && isSafeUrl(l.url) ? [{ label: plain(l.label), url: l.url.trim() }] : [])),
      }
    case 'resourcesList':
      return isCategory(block.category) ? { type: 'resourcesList', heading: asString(block.heading), category: block.category } : null
    case 'helpLineCard':
      return { type: 'helpLineCard', heading: asString(block.heading) }
    case 'faq':
      return {
        type: 'faq',
        items: rows(block.items)
          .filter((item) => asString(item.question).trim())
          .map((item) => ({ question: asString(item.question), answer: asString(item.answer) })),
      }
    case 'imageText': {
      const image = block.image && typeof block.image === 'object' ? (block.image as MediaDoc) : null
      return {
        type: 'imageText',
        image: image ? await media.add(image, localized(image.alt)) : null,
        html: lexicalToHtml(block.text),
        imageSide: block.imageSide === 'right' ? 'right' : 'left',
      }
    }
    default:
      return null
  }
}

export async function toBlocks(layout: unknown, media: MediaStore): Promise<SnapshotBlock[]> {
  const blocks: SnapshotBlock[] = []
  for (const block of rows(layout)) {
    const converted = await toBlock(block, media)
    if (converted) blocks.push(converted)
  }
  return blocks
}
