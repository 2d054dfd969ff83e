// Times in the admin read as Québec staff write them, in the network's time zone.
import { describe, expect, it } from 'vitest'
import { formatWhen } from '../src/components/when'

const now = new Date('2026-11-30T20:00:00.000Z') // 15 h à Montréal
describe('formatWhen', () => {
  it('today: « à 14 h 03 », « depuis 14 h 03 »', () => {
    expect(formatWhen('2026-11-30T19:03:00.000Z', 'fr', 'at', now)).toBe('à 14 h 03')
    expect(formatWhen('2026-11-30T19:03:00.000Z', 'fr', 'since', now)).toBe('depuis 14 h 03')
  })
  it('another day: « le 28 novembre à 9 h 15 »; in English « on November 28 at 9:15 a.m. »', () => {
    expect(formatWhen('2026-11-28T14:15:00.000Z', 'fr', 'at', now)).toBe('le 28 novembre à 9 h 15')
    expect(formatWhen('2026-11-28T14:15:00.000Z', 'fr', 'since', now)).toBe('depuis le 28 novembre à 9 h 15')
    expect(formatWhen('2026-11-28T14:15:00.000Z', 'en', 'at', now)).toMatch(/^on November 28 at 9:15\sa\.m\.$/)
  })
  it('late evening in Montréal is still the same day there, though it is tomorrow in UTC', () => {
    expect(formatWhen('2026-12-01T03:30:00.000Z', 'fr', 'at', new Date('2026-12-01T04:00:00.000Z'))).toBe('à 22 h 30')
  })
})
