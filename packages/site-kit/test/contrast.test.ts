import { describe, expect, it } from 'vitest'
import { contrastProblems, contrastRatio } from '../src/contrast.ts'

const readable = { primary: '#5b2a86', accent: '#8a1f4f', background: '#ffffff', text: '#1d1d1f', font: 'system' as const }

describe('brand contrast', () => {
  it('computes WCAG ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 1)
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2)
  })

  it('accepts the seeded brands', () => {
    expect(contrastProblems(readable)).toEqual([])
  })

  it('names every unreadable pair in French with the fix', () => {
    const problems = contrastProblems({ ...readable, text: '#999999', primary: '#f5c518' })
    expect(problems).toHaveLength(2)
    expect(problems[0]).toMatch(/^contraste 2\.\d\d:1 pour le texte sur le fond de page \(#999999 sur #ffffff\)/)
    expect(problems[1]).toMatch(/texte blanc de l’en-tête/)
    expect(problems[1]).toMatch(/Sites › Marque/)
  })
})

describe('a site build with an unreadable brand', () => {
  it('fails with a French message naming the colours to fix', async () => {
    const { build } = await import('astro')
    const { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } = await import('node:fs')
    const { tmpdir } = await import('node:os')
    const { join } = await import('node:path')
    const repo = new URL('../../../', import.meta.url).pathname
    const dir = mkdtempSync(join(tmpdir(), 'cles-contrast-'))
    cpSync(join(repo, 'packages/content/fixtures/basic'), join(dir, 'snap'), { recursive: true })
    const file = join(dir, 'snap/cles.json')
    const snap = JSON.parse(readFileSync(file, 'utf8'))
    snap.site.brand.text = '#aaaaaa'
    writeFileSync(file, JSON.stringify(snap))
    const previous = process.env.CLES_SNAPSHOT_DIR
    process.env.CLES_SNAPSHOT_DIR = join(dir, 'snap')
    try {
      await expect(
        build({ root: join(repo, 'sites/cles'), outDir: join(dir, 'out'), cacheDir: join(dir, 'cache'), logLevel: 'silent' }),
      ).rejects.toThrow(/Couleurs illisibles pour « Concertation.*contraste 2\.\d\d:1 pour le texte sur le fond de page/s)
    } finally {
      if (previous === undefined) delete process.env.CLES_SNAPSHOT_DIR
      else process.env.CLES_SNAPSHOT_DIR = previous
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
