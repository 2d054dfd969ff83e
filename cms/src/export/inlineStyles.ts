// Payload's HTML converter writes alignment, indentation and some text
// decorations as style="" attributes. The sites' CSP allows no inline style
// (the browser would refuse them and log an error), so each known declaration
// becomes a class the site kit styles; unknown ones are dropped.
const STYLE_TAG = /<([a-z][a-z0-9]*)((?:\s+[a-z-]+="[^"]*")*)\s*(\/?)>/g
const ATTRIBUTE = /\s+([a-z-]+)="([^"]*)"/g

function classFor(property: string, value: string): string | null {
  if (property === 'text-align' && /^(center|right|justify|left)$/.test(value)) return `text-${value}`
  if (property === 'padding-inline-start') {
    const steps = Math.round(Number.parseFloat(value) / 40)
    return steps > 0 ? `indent-${Math.min(steps, 6)}` : null
  }
  if (property === 'list-style-type' && value === 'none') return 'list-none'
  if (property === 'text-decoration' && /^(underline|line-through)$/.test(value)) return value
  return null
}

/** Rewrites every `style="…"` of converter output into classes (text content is already escaped). */
export function stylesToClasses(html: string): string {
  return html.replace(STYLE_TAG, (tag, name: string, attributes: string, selfClosing: string) => {
    if (!attributes.includes(' style="')) return tag
    const classes: string[] = []
    const kept: string[] = []
    for (const [, attribute, value] of attributes.matchAll(ATTRIBUTE)) {
      if (attribute === 'class') classes.unshift(...value!.split(/\s+/).filter(Boolean))
      else if (attribute === 'style') {
        for (const declaration of value!.split(';')) {
          const [property, ...rest] = declaration.split(':')
          const found = property && classFor(property.trim().toLowerCase(), rest.join(':').trim().toLowerCase())
          if (found && !classes.includes(found)) classes.push(found)
        }
      } else kept.push(` ${attribute}="${value}"`)
    }
    const classAttribute = classes.length ? ` class="${classes.join(' ')}"` : ''
    return `<${name}${classAttribute}${kept.join('')}${selfClosing ? ' /' : ''}>`
  })
}
