// Minimal builders for Lexical editor state, so seed content is real rich text.
type Node = Record<string, unknown>

const text = (value: string, format = 0): Node => ({
  type: 'text',
  text: value,
  format,
  detail: 0,
  mode: 'normal',
  style: '',
  version: 1,
})

const block = (type: string, children: Node[], extra: Node = {}): Node => ({
  type,
  children,
  direction: 'ltr',
  format: '',
  indent: 0,
  version: 1,
  ...extra,
})

export const paragraph = (value: string): Node => block('paragraph', [text(value)], { textFormat: 0, textStyle: '' })
export const heading = (value: string, tag: 'h2' | 'h3' = 'h2'): Node => block('heading', [text(value)], { tag })
export const quote = (value: string): Node => block('quote', [text(value)])
export const link = (label: string, url: string): Node =>
  block('paragraph', [block('link', [text(label)], { fields: { url, newTab: false, linkType: 'custom' }, version: 3 })], {
    textFormat: 0,
    textStyle: '',
  })

/** Plain text with blank lines between paragraphs → Lexical state. */
export function richText(...nodes: (Node | string)[]) {
  return {
    root: block(
      'root',
      nodes.map((n) => (typeof n === 'string' ? paragraph(n) : n)),
    ),
  }
}

/** A link to another CMS document; the exporter turns it into that document's public URL. */
export const internalLink = (label: string, relationTo: 'news' | 'pages', id: string | number): Node =>
  block(
    'paragraph',
    [block('link', [text(label)], { fields: { linkType: 'internal', newTab: false, doc: { relationTo, value: id } }, version: 3 })],
    {
      textFormat: 0,
      textStyle: '',
    },
  )

/** An image (or document) from the media collection, placed in the text. */
export const upload = (id: string | number): Node => ({
  type: 'upload',
  relationTo: 'media',
  value: id,
  fields: null,
  format: '',
  version: 3,
})
