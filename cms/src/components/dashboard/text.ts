// A localized text as one string. Some admin views read every locale at once
// (the edit view's request has locale « all »): a title then comes as
// { fr, en }, and is shown in the wanted locale, else French, else any.
export function textOf(value: unknown, locale = 'fr'): string {
  if (typeof value === 'string') return value
  if (!value || typeof value !== 'object') return ''
  const texts = value as Record<string, unknown>
  const found = [texts[locale], texts.fr, ...Object.values(texts)].find((t) => typeof t === 'string' && t !== '')
  return typeof found === 'string' ? found : ''
}
