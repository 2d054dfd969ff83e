// Dates and times as Québec staff read them (« à 14 h 03 », « le 28 novembre à 9 h 15 »,
// « depuis 14 h 03 »), in the network's time zone.
export type Language = 'fr' | 'en'

const TIME_ZONE = 'America/Toronto'

/** `at`: « à 14 h 03 » / « le 28 novembre à 9 h 15 »; `since`: « depuis 14 h 03 » / « depuis le 28 novembre à 9 h 15 ». */
export function formatWhen(at: string, language: Language, mode: 'at' | 'since' = 'at', now = new Date()): string {
  const date = new Date(at)
  const locale = language === 'fr' ? 'fr-CA' : 'en-CA'
  const time = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: TIME_ZONE }).format(date)
  const day = (d: Date) => new Intl.DateTimeFormat('en-CA', { dateStyle: 'short', timeZone: TIME_ZONE }).format(d)
  const since = mode === 'since' ? (language === 'fr' ? 'depuis ' : 'since ') : ''
  if (day(date) === day(now)) return since + (language === 'fr' ? (since ? time : `à ${time}`) : since ? time : `at ${time}`)
  const dayLabel = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', timeZone: TIME_ZONE }).format(date)
  return since + (language === 'fr' ? `le ${dayLabel} à ${time}` : `${since ? '' : 'on '}${dayLabel} at ${time}`)
}
