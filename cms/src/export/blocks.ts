// CMS layout blocks → typed, already-safe snapshot blocks. Rich text goes
// through the Lexical converter; links keep safe URLs only; everything else is
// plain text that the site escapes. Unknown block types are skipped.
import { RESOURCE_CATEGORIES, type ResourceCategory, type SnapshotBlock, type SnapshotMedia } from '@cles/content'
import { asString, localized, rows, type Doc } from './fields'
import { mediaDoc } from './media'
import { isSafeUrl, richTextToHtml, type RichTextContext } from './richtext'

const isCategory = (value: unknown): value is ResourceCategory => RESOURCE_CATEGORIES.includes(value as ResourceCategory)

/** Inside a localised layout, nested "localised" fields hold the plain value of that locale. */
const plain = (value: unknown): string => (value && typeof value === 'object' ? localized(value).fr : asString(value))

type Context = Omit<RichTextContext, 'images'> & { locale: 'fr' | 'en' }

async function toBlock(block: Doc, context: Context): Promise<SnapshotBlock | null> {
  const images: SnapshotMedia[] = []
  const html = (field: unknown) => richTextToHtml(field, { ...context, images }, context.locale)
  switch (block.blockType) {
    case 'richText':
      return { type: 'richText', html: await html(block.content), images }
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
    case 'imageText':
      return {
        type: 'imageText',
        image: await context.media.add(mediaDoc(block.image)),
        html: await html(block.text),
        images,
        imageSide: block.imageSide === 'right' ? 'right' : 'left',
      }
    default:
      return null
  }
}

export async function toBlocks(layout: unknown, context: Context): Promise<SnapshotBlock[]> {
  const blocks: SnapshotBlock[] = []
  for (const block of rows(layout)) {
    const converted = await toBlock(block, context)
    if (converted) blocks.push(converted)
  }
  return blocks
}
