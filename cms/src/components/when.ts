// Dates and times as Québec staff read them (« à 14 h 03 », « le 28 novembre à 9 h 15 »), in the network's time zone.
export type Language = 'fr' | 'en'

const TIME_ZONE = 'America/Toronto'

export function formatWhen(at: string, language: Language, now = new Date()): string {
  const date = new Date(at)
  const locale = language === 'fr' ? 'fr-CA' : 'en-CA'
  const time = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: TIME_ZONE }).format(date)
  const day = (d: Date) => new Intl.DateTimeFormat('en-CA', { dateStyle: 'short', timeZone: TIME_ZONE }).format(d)
  if (day(date) === day(now)) return language === 'fr' ? `à ${time}` : `at ${time}`
  const dayLabel = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', timeZone: TIME_ZONE }).format(date)
  return language === 'fr' ? `le ${dayLabel} à ${time}` : `on ${dayLabel} at ${time}`
}
