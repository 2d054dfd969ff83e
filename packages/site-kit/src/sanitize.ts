// A second line of defence for rich text: the exporter already writes safe
// HTML, but the reader sites must stay inert even if a snapshot is edited by
// hand or the exporter has a bug. Only the markup the Lexical converter
// produces survives; links keep the network's one link rule (isSafeHref:
// http(s), mailto, tel and same-site paths, never `//host` or `/\host`);
// every event attribute, script, style and foreign element is dropped.
import { isSafeHref } from '@cles/content'
import sanitizeHtml from 'sanitize-html'

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'ul',
    'ol',
    'li',
    'a',
    'strong',
    'em',
    'u',
    's',
    'sub',
    'sup',
    'code',
    'blockquote',
    'br',
    'hr',
    'span',
  ],
  allowedAttributes: { a: ['href', 'rel'], '*': ['class', 'dir', 'lang'] },
  allowedClasses: {
    '*': [
      'text-center',
      'text-right',
      'text-justify',
      'text-left',
      'indent-*',
      'underline',
      'line-through',
      'list-*',
      'document-link',
      'related-link',
      'nestedListItem',
    ],
  },
  // An unsafe href is dropped, the link text is kept (attribute values arrive decoded).
  transformTags: {
    a: (tagName, attribs) => {
      const { href, ...rest } = attribs
      return { tagName, attribs: href === undefined || isSafeHref(href) ? attribs : rest }
    },
  },
  // The library's own scheme check stays on behind it, as a second lock.
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  // Text of a removed <script> or <style> is dropped with it, never shown.
  nonTextTags: ['script', 'style', 'textarea', 'noscript', 'title', 'iframe', 'object', 'template'],
  disallowedTagsMode: 'discard',
}

export const safeHtml = (html: string): string => sanitizeHtml(html, OPTIONS)
