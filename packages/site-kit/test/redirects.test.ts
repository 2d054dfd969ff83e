// `_redirects` in the build output: the snapshot's redirects, minus those a page of the build answers.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, inject, it } from 'vitest'
import { redirectsFileText, writeRedirects } from '../src/integrations/redirects.ts'

describe('writeRedirects', () => {
  it('writes one `from to 301` line per redirect, non-ASCII percent-encoded', () => {
    expect(
      redirectsFileText([
        { from: '/café/', to: '/services/?onglet=é#haut' },
        { from: '/b', to: 'https://www.quebec.ca/' },
      ])
        .split('\n')
        .slice(1),
    ).toEqual(['/caf%C3%A9/ /services/?onglet=%C3%A9#haut 301', '/b https://www.quebec.ca/ 301', ''])
  })

  it('leaves out redirects of addresses the build serves, and unsafe ones, with a warning', async () => {
    const out = mkdtempSync(join(tmpdir(), 'cles-redirects-'))
    mkdirSync(join(out, 'services'))
    writeFileSync(join(out, 'services/index.html'), 'page')
    writeFileSync(join(out, 'plan.html'), 'page')
    writeFileSync(join(out, 'index.html'), 'accueil')
    const warnings: string[] = []
    const kept = await writeRedirects(
      out,
      [
        { from: '/', to: '/services/' },
        { from: '/services', to: '/ailleurs/' },
        { from: '/plan/', to: '/ailleurs/' },
        { from: '/_redirects', to: '/ailleurs/' },
        { from: '//evil.example/', to: '/' },
        { from: '/ancienne/', to: '/services/' },
      ],
      (m) => warnings.push(m),
    )
    expect(kept).toEqual([{ from: '/ancienne/', to: '/services/' }])
    expect(warnings).toHaveLength(5)
    expect(warnings[1]).toContain('cette adresse est une page du site')
    expect(readFileSync(join(out, '_redirects'), 'utf8')).toMatch(/\n\/ancienne\/ \/services\/ 301\n$/)
  })
})

describe('built sites', () => {
  it('carry the fixture redirects in _redirects (cles) and an empty list elsewhere', () => {
    const out = inject('buildDir')
    const lines = (slug: string) =>
      readFileSync(join(out, slug, '_redirects'), 'utf8')
        .split('\n')
        .filter((l) => l && !l.startsWith('#'))
    expect(lines('cles')).toEqual([
      '/a-propos/historique/ /services/ 301',
      '/campagne-2025/ https://www.quebec.ca/famille-et-soutien-aux-personnes/violence 301',
    ])
    expect(lines('maison-de-marthe')).toEqual([])
  })
})
