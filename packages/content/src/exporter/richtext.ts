// Lexical JSON → safe HTML, using Payload's own converter.
// Links whose URL is not http(s), mailto, tel or a same-site path are dropped
// (their text is kept); all text is escaped by the converter.
import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import { convertLexicalToHTML, type HTMLConvertersFunction } from '@payloadcms/richtext-lexical/html'

const SAFE_URL = /^(https?:|mailto:|tel:|\/(?!\/)|#)/i

export function isSafeUrl(url: unknown): url is string {
  return typeof url === 'string' && SAFE_URL.test(url.trim())
}

const escapeAttr = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

type LinkFields = { url?: unknown; newTab?: unknown; linkType?: unknown }

const safeConverters: HTMLConvertersFunction = ({ defaultConverters }) => {
  const link = ({ node, nodesToHTML }: { node: { fields?: LinkFields; children?: unknown[] }; nodesToHTML: (args: { nodes: never[] }) => string[] }) => {
    const inner = nodesToHTML({ nodes: (node.children ?? []) as never[] }).join('')
    const url = node.fields?.url
    if (node.fields?.linkType === 'internal' || !isSafeUrl(url)) return inner
    const external = /^https?:/i.test(url.trim())
    const rel = external ? ' rel="noopener noreferrer"' : ''
    return `<a href="${escapeAttr(url.trim())}"${rel}>${inner}</a>`
  }
  return { ...defaultConverters, link, autolink: link } as ReturnType<HTMLConvertersFunction>
}

export function lexicalToHtml(data: unknown): string {
  if (!data || typeof data !== 'object' || !('root' in data)) return ''
  return convertLexicalToHTML({ converters: safeConverters, data: data as SerializedEditorState, disableContainer: true })
}
