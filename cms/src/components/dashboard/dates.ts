// Dates on the dashboards as Québec staff write them: « 30 novembre 2026, 15 h 00 », « 1er octobre 2023, 11 h 00 »
// (English: « November 30, 2026, 3:00 p.m. »), in the network's time zone.
import type { Language } from './strings'

const TIME_ZONE = 'America/Toronto'

/** « 1er octobre 2023 » / « October 1, 2023 ». */
export function formatDay(at: string | Date, language: Language): string {
  const locale = language === 'fr' ? 'fr-CA' : 'en-CA'
  const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: TIME_ZONE }).format(new Date(at))
  // French writes the first day of a month « 1er ».
  return language === 'fr' ? day.replace(/^1 /, '1er ') : day
}

/** « 30 novembre 2026, 15 h 00 » / « November 30, 2026, 3:00 p.m. ». */
export function formatDate(at: string | Date, language: Language): string {
  const locale = language === 'fr' ? 'fr-CA' : 'en-CA'
  const time = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: TIME_ZONE }).format(new Date(at))
  // The time never breaks across lines (« 15 h » / « 13 »).
  return `${formatDay(at, language)}, ${time.replace(/\s/g, '\u00a0')}`
}
