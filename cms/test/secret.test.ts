import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { resolveSecret, SecretError } from '../src/lib/secret'

const dirs: string[] = []
const tempRoot = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cles-secret-'))
  dirs.push(dir)
  return dir
}
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))

describe('PAYLOAD_SECRET', () => {
  it('stops production when missing, with a French message', () => {
    const root = tempRoot()
    expect(() => resolveSecret({ NODE_ENV: 'production', CLES_CMS_ROOT: root })).toThrow(SecretError)
    expect(() => resolveSecret({ NODE_ENV: 'production', CLES_CMS_ROOT: root })).toThrow(/refuse de démarrer/)
  })

  it('stops production when too short', () => {
    expect(() => resolveSecret({ NODE_ENV: 'production', PAYLOAD_SECRET: 'court', CLES_CMS_ROOT: tempRoot() })).toThrow(/trop court/)
  })

  it('lets `next build` run without a secret (nothing is served, nothing is stored)', () => {
    const root = tempRoot()
    const secret = resolveSecret({ NODE_ENV: 'production', NEXT_PHASE: 'phase-production-build', CLES_CMS_ROOT: root })
    expect(secret).toMatch(/^[0-9a-f]{64}$/)
    expect(() => readFileSync(path.join(root, '.env'))).toThrow()
  })

  it('accepts a long production secret', () => {
    const secret = 'x'.repeat(40)
    expect(resolveSecret({ NODE_ENV: 'production', PAYLOAD_SECRET: secret, CLES_CMS_ROOT: tempRoot() })).toBe(secret)
  })

  it('generates a development secret once and keeps it in the env file', () => {
    const root = tempRoot()
    const first = resolveSecret({ NODE_ENV: 'development', CLES_CMS_ROOT: root })
    const second = resolveSecret({ NODE_ENV: 'development', CLES_CMS_ROOT: root })
    expect(first).toMatch(/^[0-9a-f]{64}$/)
    expect(second).toBe(first)
    expect(readFileSync(path.join(root, '.env'), 'utf8')).toBe(`PAYLOAD_SECRET=${first}\n`)
  })
})
