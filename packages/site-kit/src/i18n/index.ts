import type { Locale } from '@cles/content'
import { en } from './en.ts'
import { fr, type StringKey } from './fr.ts'

const strings: Record<Locale, Record<StringKey, string>> = { fr, en }

/** Translate a key, filling `{name}` placeholders. */
export function t(locale: Locale, key: StringKey, vars: Record<string, string | number> = {}): string {
  const text = strings[locale][key] ?? fr[key]
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`))
}

const dateFormats: Record<Locale, Intl.DateTimeFormat> = {
  fr: new Intl.DateTimeFormat('fr-CA', { dateStyle: 'long', timeZone: 'America/Toronto' }),
  en: new Intl.DateTimeFormat('en-CA', { dateStyle: 'long', timeZone: 'America/Toronto' }),
}

export const formatDate = (locale: Locale, iso: string) => dateFormats[locale].format(new Date(iso))

/** BCP 47 tag for the <html lang> attribute. */
export const htmlLang = (locale: Locale) => (locale === 'fr' ? 'fr-CA' : 'en-CA')
