// Redirects in the snapshot (format 3): what may be written, what is refused, in French.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { readSnapshot } from '../src/read.ts'
import { frenchErrors, siteSnapshotSchema } from '../src/schema.ts'
import { SNAPSHOT_FORMAT } from '../src/constants.ts'
import type { SiteSnapshot } from '../src/types.ts'
import { isSafeRedirect, isSafeRedirectFrom, isSafeRedirectTo, redirectKey } from '../src/urls.ts'

const fixtures = fileURLToPath(new URL('../fixtures/basic', import.meta.url))
const fixture = (): SiteSnapshot => JSON.parse(readFileSync(join(fixtures, 'cles.json'), 'utf8'))
const problems = (snapshot: unknown) => {
  const result = siteSnapshotSchema.safeParse(snapshot, { error: frenchErrors })
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')} : ${i.message}`)
}

describe('redirect rules', () => {
  it('accepts site paths (any script) and refuses protocol-relative, backslash, query, space, quotes and `_redirects` splats or placeholders', () => {
    for (const from of ['/ancienne-page/', '/ancienne-page', '/2019/05/nouvelles.html', '/café/'])
      expect(isSafeRedirectFrom(from), from).toBe(true)
    for (const from of [
      '//evil.example/',
      '/\\evil.example',
      'ancienne',
      '/a b/',
      '/a?x=1',
      '/a#b',
      '/a/../b/',
      '/./a',
      '/a"b',
      '/a$x',
      '/a;b',
      '/a{b}',
      '/a<b>',
      '',
      'https://x.org/',
      '/news/*',
      '/news/:year/',
    ]) {
      expect(isSafeRedirectFrom(from), from).toBe(false)
    }
  })

  it('accepts a site path with query or fragment, or an https address, never another scheme', () => {
    for (const to of [
      '/services/',
      '/recherche/?q=aide#resultats',
      'https://www.quebec.ca/',
      'https://exemple.org:8443/a/b?x=1',
      'https://québec.example/',
    ]) {
      expect(isSafeRedirectTo(to), to).toBe(true)
    }
    for (const to of [
      'http://exemple.org/',
      'javascript:alert(1)',
      'data:text/html,x',
      '//evil.example/',
      '/\\evil',
      'https://localhost/',
      'https://x.org/"',
      '/a/../b',
      'mailto:a@b.c',
    ]) {
      expect(isSafeRedirectTo(to), to).toBe(false)
    }
  })

  it('treats /a and /a/ as one address and refuses a redirect to itself', () => {
    expect(redirectKey('/a/')).toBe('/a')
    expect(redirectKey('/')).toBe('/')
    expect(isSafeRedirect({ from: '/a/', to: '/a?x=1' })).toBe(false)
    expect(isSafeRedirect({ from: '/a/', to: '/b/' })).toBe(true)
  })
})

describe('snapshot format 3', () => {
  it('the fixtures are format 3 and list their redirects', () => {
    expect(SNAPSHOT_FORMAT).toBe(3)
    const snap = readSnapshot(fixtures, 'cles')
    expect(snap.format).toBe(3)
    expect(snap.redirects).toEqual([
      { from: '/a-propos/historique/', to: '/services/' },
      { from: '/campagne-2025/', to: 'https://www.quebec.ca/famille-et-soutien-aux-personnes/violence' },
    ])
    expect(readSnapshot(fixtures, 'maison-de-marthe').redirects).toEqual([])
  })

  it('refuses unsafe, duplicate and looping redirects in French', () => {
    const snap = fixture()
    snap.redirects = [
      { from: '//evil.example/', to: '/services/' },
      { from: '/a/', to: 'javascript:alert(1)' },
      { from: '/b/', to: '/c/' },
      { from: '/b', to: '/d/' },
      { from: '/e/', to: '/e' },
    ]
    const found = problems(snap)
    expect(found.some((p) => p.startsWith('redirects.0.from : ancienne adresse refusée'))).toBe(true)
    expect(found.some((p) => p.startsWith('redirects.1.to : nouvelle adresse refusée'))).toBe(true)
    expect(found).toContain('redirects.3.from : ancienne adresse « /b » redirigée deux fois')
    expect(found).toContain('redirects.4.to : « /e/ » redirige vers elle-même')
  })

  it('explains that a format 2 snapshot needs a new export', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cles-snap-'))
    const old = fixture() as unknown as Record<string, unknown>
    old.format = 2
    delete old.redirects
    writeFileSync(join(dir, 'cles.json'), JSON.stringify(old))
    expect(() => readSnapshot(dir, 'cles')).toThrow(/format 2.*attend le format 3.*npm run export/)
  })
})
