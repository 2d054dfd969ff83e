import { describe, expect, it } from 'vitest'
import { slugify } from '../src/lib/slugify'

describe('slugify', () => {
  it.each([
    ['Un financement récurrent de 2,75 M$', 'un-financement-recurrent-de-2-75-m'],
    ['CALACS L’étoile du nord', 'calacs-l-etoile-du-nord'],
    ['  Cœur   et  âme — Ça va ?  ', 'coeur-et-ame-ca-va'],
    ['<script>alert(1)</script>', 'script-alert-1-script'],
  ])('%s → %s', (input, expected) => {
    expect(slugify(input)).toBe(expected)
  })

  it('never exceeds 96 characters nor ends with a dash', () => {
    const slug = slugify('mot '.repeat(60))
    expect(slug.length).toBeLessThanOrEqual(96)
    expect(slug.endsWith('-')).toBe(false)
  })
})
