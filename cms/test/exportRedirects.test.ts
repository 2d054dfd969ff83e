// Redirects reach the snapshot only when the contract accepts them (no CMS needed).
import { redirectSchema } from '@cles/content'
import { describe, expect, it } from 'vitest'
import { toRedirects } from '../src/export/redirects'

describe('toRedirects', () => {
  it('sorts by address, keeps the first of two forms of one address, drops unsafe and looping ones', () => {
    const { redirects, dropped } = toRedirects([
      { id: 4, from: '/nouvelles/', to: '/actualites/' },
      { id: 2, from: '/b/', to: 'https://www.quebec.ca/' },
      { id: 3, from: '/nouvelles', to: '/autre/' },
      { id: 5, from: '//evil.example/', to: '/' },
      { id: 6, from: '/x/', to: 'javascript:alert(1)' },
      { id: 7, from: '/boucle/', to: '/boucle' },
      { id: 8, from: '/guillemet"/', to: '/' },
      { id: 1, from: ' /a/ ', to: '/services/?onglet=1#haut' },
    ])
    expect(redirects).toEqual([
      { from: '/a/', to: '/services/?onglet=1#haut' },
      { from: '/b/', to: 'https://www.quebec.ca/' },
      { from: '/nouvelles', to: '/autre/' },
    ])
    expect(dropped).toHaveLength(5)
    expect(dropped.join('\n')).toContain('« /nouvelles/ » → « /actualites/ » ignorée : « /nouvelles/ » est déjà redirigée')
    expect(dropped.join('\n')).toContain('« //evil.example/ »')
  })

  it('gives what the snapshot schema accepts, two identical addresses resolved by id', () => {
    const { redirects } = toRedirects([
      { id: 9, from: '/nouvelles/', to: '/plus-recent/' },
      { id: 1, from: '/nouvelles/', to: '/actualites/' },
    ])
    expect(redirects).toEqual([{ from: '/nouvelles/', to: '/actualites/' }])
    expect(redirectSchema.array().safeParse(redirects).success).toBe(true)
  })
})
