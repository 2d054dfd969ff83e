// The admin's language, and dates and times as Québec staff read them
// (« 30 novembre 2026, 15 h 00 », « 1er octobre 2023 », « à 14 h 03 », « le 28 novembre
// à 9 h 15 », « depuis 14 h 03 »; English: « November 30, 2026, 3:00 p.m. »), in the
// network's time zone.
export type Language = 'fr' | 'en'

/** The admin language of a request or of Payload's i18n object: French unless English was chosen. */
export const languageOf = (i18n: { language?: string } | undefined): Language => (i18n?.language === 'en' ? 'en' : 'fr')

const TIME_ZONE = 'America/Toronto'
const localeOf = (language: Language) => (language === 'fr' ? 'fr-CA' : 'en-CA')

/** « 1er octobre 2023 » / « October 1, 2023 ». */
export function formatDay(at: string | Date, language: Language): string {
  const day = new Intl.DateTimeFormat(localeOf(language), { day: 'numeric', month: 'long', year: 'numeric', timeZone: TIME_ZONE }).format(
    new Date(at),
  )
  // French writes the first day of a month « 1er ».
  return language === 'fr' ? day.replace(/^1 /, '1er ') : day
}

/** « 30 novembre 2026, 15 h 00 » / « November 30, 2026, 3:00 p.m. ». */
export function formatDate(at: string | Date, language: Language): string {
  const time = new Intl.DateTimeFormat(localeOf(language), { hour: 'numeric', minute: '2-digit', timeZone: TIME_ZONE }).format(new Date(at))
  // The time never breaks across lines (« 15 h » / « 13 »).
  return `${formatDay(at, language)}, ${time.replace(/\s/g, '\u00a0')}`
}

/** `at`: « à 14 h 03 » / « le 28 novembre à 9 h 15 »; `since`: « depuis 14 h 03 » / « depuis le 28 novembre à 9 h 15 ». */
export function formatWhen(at: string, language: Language, mode: 'at' | 'since' = 'at', now = new Date()): string {
  const date = new Date(at)
  const locale = localeOf(language)
  const time = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: TIME_ZONE }).format(date)
  const day = (d: Date) => new Intl.DateTimeFormat('en-CA', { dateStyle: 'short', timeZone: TIME_ZONE }).format(d)
  const since = mode === 'since' ? (language === 'fr' ? 'depuis ' : 'since ') : ''
  if (day(date) === day(now)) return since + (language === 'fr' ? (since ? time : `à ${time}`) : since ? time : `at ${time}`)
  const dayLabel = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', timeZone: TIME_ZONE }).format(date)
  return since + (language === 'fr' ? `le ${dayLabel} à ${time}` : `${since ? '' : 'on '}${dayLabel} at ${time}`)
}
