// CMS layout blocks → typed, already-safe snapshot blocks. Rich text goes
// through the Lexical converter; links keep safe URLs only; everything else is
// plain text that the site escapes. Unknown block types are skipped.
import { isSafeHref, RESOURCE_CATEGORIES, type SnapshotBlock, type SnapshotMedia } from '@cles/content'
import type { BlockDoc } from './docs'
import { populated } from './fields'
import { richTextToHtml, type RichTextContext } from './richtext'

type Context = Omit<RichTextContext, 'images'> & { locale: 'fr' | 'en' }

// The whole layout is localised, so block fields hold the plain value of the layout's locale.
async function toBlock(block: BlockDoc, context: Context): Promise<SnapshotBlock | null> {
  const images: SnapshotMedia[] = []
  const html = (field: Parameters<typeof richTextToHtml>[0]) => richTextToHtml(field, { ...context, images }, context.locale)
  switch (block.blockType) {
    case 'richText':
      return { type: 'richText', html: await html(block.content), images }
    case 'callToAction':
      return {
        type: 'callToAction',
        text: block.text,
        links: (block.links ?? []).flatMap((l) => (l.label.trim() && isSafeHref(l.url) ? [{ label: l.label, url: l.url.trim() }] : [])),
      }
    case 'resourcesList':
      // A category the contract does not know (an old option) would fail the site build.
      return RESOURCE_CATEGORIES.includes(block.category)
        ? { type: 'resourcesList', heading: block.heading ?? '', category: block.category }
        : null
    case 'helpLineCard':
      return { type: 'helpLineCard', heading: block.heading ?? '' }
    case 'faq':
      return {
        type: 'faq',
        items: (block.items ?? []).filter((item) => item.question.trim()).map((item) => ({ question: item.question, answer: item.answer })),
      }
    case 'imageText':
      return {
        type: 'imageText',
        image: await context.media.add(populated(block.image)),
        html: await html(block.text),
        images,
        imageSide: block.imageSide === 'right' ? 'right' : 'left',
      }
    default:
      return null
  }
}

export async function toBlocks(layout: BlockDoc[] | null | undefined, context: Context): Promise<SnapshotBlock[]> {
  const blocks: SnapshotBlock[] = []
  for (const block of layout ?? []) {
    const converted = await toBlock(block, context)
    if (converted) blocks.push(converted)
  }
  return blocks
}
