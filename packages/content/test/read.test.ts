import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { readSnapshot, SnapshotError } from '../src/read.ts'

const fixtures = fileURLToPath(new URL('../fixtures/basic', import.meta.url))

describe('readSnapshot', () => {
  it('reads and validates the committed fixture of every site', () => {
    for (const slug of ['cles', 'maison-de-marthe', 'calacs-outaouais', 'calacs-agression-estrie', 'calacs-etoile-du-nord']) {
      const snapshot = readSnapshot(fixtures, slug)
      expect(snapshot.site.slug).toBe(slug)
      expect(snapshot.network).toHaveLength(5)
      expect(snapshot.news.length).toBeGreaterThan(0)
    }
  })

  it('explains in French how to fix a missing snapshot', () => {
    expect(() => readSnapshot(fixtures, 'inconnu')).toThrow(/Instantané introuvable.*npm run export/)
  })

  it('lists every invalid field of a broken snapshot', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cles-snap-'))
    const snapshot = JSON.parse(readFileSync(join(fixtures, 'cles.json'), 'utf8'))
    snapshot.site.brand.primary = 'violet'
    snapshot.news[0].slug = 'Pas Un Slug'
    writeFileSync(join(dir, 'cles.json'), JSON.stringify(snapshot))
    let message = ''
    try {
      readSnapshot(dir, 'cles')
    } catch (error) {
      expect(error).toBeInstanceOf(SnapshotError)
      message = (error as Error).message
    }
    expect(message).toContain('site.brand.primary : couleur attendue au format #rrggbb')
    expect(message).toContain('news.0.slug : slug attendu')
  })

  it('refuses a snapshot that describes another site', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cles-snap-'))
    writeFileSync(join(dir, 'cles.json'), readFileSync(join(fixtures, 'maison-de-marthe.json')))
    expect(() => readSnapshot(dir, 'cles')).toThrow(/décrit le site « maison-de-marthe »/)
  })
})
