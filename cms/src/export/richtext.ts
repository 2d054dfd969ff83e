// Lexical JSON → safe HTML, using Payload's own converter.
// Links whose URL is not http(s), mailto, tel or a same-site path are dropped
// (their text is kept); all text is escaped by the converter. Internal links
// and relationship nodes become the linked document's public URL; images
// become markers that the site replaces with its own encoded image.
import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import { convertLexicalToHTML, type HTMLConvertersFunction } from '@payloadcms/richtext-lexical/html'
import { imageMarker, isEncodableImage, isSafeHref, type SnapshotMedia } from '@cles/content'
import type { NewsDoc, PageDoc, RichTextDoc } from './docs'
import { localized } from './fields'
import { stylesToClasses } from './inlineStyles'
import { mediaDoc, type MediaStore } from './media'

const escapeHtml = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** A CMS document linked from rich text, as Payload populates it (depth 1). */
export type LinkTarget = { relationTo: 'news'; doc: NewsDoc } | { relationTo: 'pages'; doc: PageDoc }

/** Public URL of a CMS document for readers of the current site, or null when it is not public. */
export type LinkResolver = (target: LinkTarget) => string | null

/** The populated document of a link or relationship node, or null (only an id, or a collection readers never get). */
function linkTarget(relationTo: unknown, value: unknown): LinkTarget | null {
  if (!value || typeof value !== 'object') return null
  // Lexical JSON is untyped: a populated document is trusted to be one of its collection.
  if (relationTo === 'news') return { relationTo, doc: value as NewsDoc }
  if (relationTo === 'pages') return { relationTo, doc: value as PageDoc }
  return null
}

export interface RichTextContext {
  media: MediaStore
  linkTo: LinkResolver
  /** Images of the whole field (both locales share one list); the HTML points into it. */
  images: SnapshotMedia[]
}

type LexicalNode = { type?: string; children?: LexicalNode[]; relationTo?: string; value?: unknown; fields?: Record<string, unknown> }

function* walk(node: LexicalNode | undefined): Generator<LexicalNode> {
  if (!node) return
  yield node
  for (const child of node.children ?? []) yield* walk(child)
}

/** Adds the images and documents of the text to the snapshot; returns where each upload goes. */
async function collectUploads(
  root: LexicalNode | undefined,
  context: RichTextContext,
): Promise<Map<unknown, { image?: number; file?: SnapshotMedia }>> {
  const uploads = new Map<unknown, { image?: number; file?: SnapshotMedia }>()
  for (const node of walk(root)) {
    if (node.type !== 'upload' || node.relationTo !== 'media') continue
    const doc = mediaDoc(node.value)
    const added = await context.media.add(doc)
    if (!doc || !added) continue
    if (!isEncodableImage(added.mimeType)) {
      uploads.set(node, { file: added })
      continue
    }
    let index = context.images.findIndex((image) => image.file === added.file)
    if (index === -1) index = context.images.push(added) - 1
    uploads.set(node, { image: index })
  }
  return uploads
}

function converters(
  context: RichTextContext,
  uploads: Map<unknown, { image?: number; file?: SnapshotMedia }>,
  locale: 'fr' | 'en',
): HTMLConvertersFunction {
  type Args = { node: LexicalNode; nodesToHTML: (args: { nodes: never[] }) => string[] }
  const link = ({ node, nodesToHTML }: Args) => {
    const inner = nodesToHTML({ nodes: (node.children ?? []) as never[] }).join('')
    const fields = node.fields ?? {}
    if (fields.linkType === 'internal') {
      const { relationTo, value } = (fields.doc ?? {}) as { relationTo?: unknown; value?: unknown }
      const target = linkTarget(relationTo, value)
      const url = target && context.linkTo(target)
      return url ? `<a href="${escapeHtml(url)}">${inner}</a>` : inner
    }
    const url = fields.url
    if (!isSafeHref(url)) return inner
    const rel = /^https?:/i.test(url.trim()) ? ' rel="noopener noreferrer"' : ''
    return `<a href="${escapeHtml(url.trim())}"${rel}>${inner}</a>`
  }
  const upload = ({ node }: Args) => {
    const found = uploads.get(node)
    if (found?.image !== undefined) return imageMarker(found.image)
    if (!found?.file) return ''
    const label = found.file.alt[locale] || found.file.alt.fr || found.file.file.split('/').pop()!
    return `<p class="document-link"><a href="/${escapeHtml(found.file.file)}">${escapeHtml(label)}</a></p>`
  }
  // A related document shown as a link on its own line; nothing when it is not public.
  const relationship = ({ node }: Args) => {
    const target = linkTarget(node.relationTo, node.value)
    const url = target && context.linkTo(target)
    if (!target || !url) return ''
    const title = localized(target.doc.title)
    return `<p class="related-link"><a href="${escapeHtml(url)}">${escapeHtml((title[locale] ?? title.fr) || url)}</a></p>`
  }
  return ({ defaultConverters }) =>
    ({ ...defaultConverters, link, autolink: link, upload, relationship }) as ReturnType<HTMLConvertersFunction>
}

/** One locale of a rich-text field → safe HTML with image markers (see IMAGE_MARKER). */
export async function richTextToHtml(
  data: RichTextDoc | null | undefined,
  context: RichTextContext,
  locale: 'fr' | 'en' = 'fr',
): Promise<string> {
  if (!data?.root) return ''
  const uploads = await collectUploads(data.root, context)
  // Payload's generated type and Lexical's own describe the same JSON in two ways.
  return stylesToClasses(
    convertLexicalToHTML({ converters: converters(context, uploads, locale), data: data as SerializedEditorState, disableContainer: true }),
  )
}
