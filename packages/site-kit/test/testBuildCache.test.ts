// The shared test build cache (testing/buildCache.ts): its key must change
// with every input of a build and only with those, so a cached build can never
// stand in for a build of other inputs.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, describe, expect, inject, it } from 'vitest'
import { buildFixtureSites, fixtureSnapshotDir, siteSlugs, testBuildInputs, testBuildKey } from '../testing/index.ts'
import { SITES } from './fixtureSites.ts'

const scratch = mkdtempSync(join(tmpdir(), 'cles-build-key-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

function write(path: string, text: string) {
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, text)
}

function flipFirstByte(file: string) {
  const data = readFileSync(file)
  data[0] = data[0]! ^ 1
  writeFileSync(file, data)
}

/** A repository in miniature: one site, the kit and the content package linked as pnpm does, an installed Astro. */
function miniRepo(): string {
  const root = mkdtempSync(join(scratch, 'repo-'))
  write(join(root, 'pnpm-lock.yaml'), 'lockfileVersion: 9.0\n')
  write(
    join(root, 'sites/demo/package.json'),
    JSON.stringify({ name: 'demo', dependencies: { '@cles/site-kit': 'workspace:*', astro: '7.3.5' } }),
  )
  write(join(root, 'sites/demo/astro.config.mjs'), 'export default {}\n')
  write(join(root, 'sites/demo/src/pages/a-propos.mdx'), '# À propos\n')
  write(join(root, 'sites/demo/dist/index.html'), '<p>sortie</p>')
  write(
    join(root, 'packages/site-kit/package.json'),
    JSON.stringify({ name: '@cles/site-kit', dependencies: { '@cles/content': 'workspace:*' } }),
  )
  write(join(root, 'packages/site-kit/src/index.ts'), 'export const kit = 1\n')
  write(join(root, 'packages/site-kit/test/kit.test.ts'), '// not an input\n')
  write(join(root, 'packages/site-kit/tsconfig.json'), JSON.stringify({ extends: '../tsconfig/base.json' }))
  write(join(root, 'packages/tsconfig/base.json'), JSON.stringify({ compilerOptions: { target: 'ES2023' } }))
  write(join(root, 'packages/content/package.json'), JSON.stringify({ name: '@cles/content' }))
  write(join(root, 'packages/content/src/index.ts'), 'export const schema = 1\n')
  for (const version of ['7.3.5', '7.3.6']) write(join(root, `node_modules/.pnpm/astro@${version}/node_modules/astro/package.json`), '{}')
  mkdirSync(join(root, 'sites/demo/node_modules/@cles'), { recursive: true })
  mkdirSync(join(root, 'packages/site-kit/node_modules/@cles'), { recursive: true })
  symlinkSync('../../../../packages/site-kit', join(root, 'sites/demo/node_modules/@cles/site-kit'))
  symlinkSync('../../../../packages/content', join(root, 'packages/site-kit/node_modules/@cles/content'))
  symlinkSync('../../../node_modules/.pnpm/astro@7.3.5/node_modules/astro', join(root, 'sites/demo/node_modules/astro'))
  write(join(root, 'snap/demo.json'), '{"site":{}}')
  write(join(root, 'snap/media/image.jpg'), 'octets de l’image')
  return root
}

describe('test build key', () => {
  const root = miniRepo()
  const request = { sites: ['demo'], snapshotDir: join(root, 'snap'), root }
  const before = testBuildKey(request)
  /** Applies `edit` to a copy of the mini repository and returns its key. */
  const keyAfter = (edit: (at: (path: string) => string) => void) => {
    const copy = mkdtempSync(join(scratch, 'changed-'))
    cpSync(root, copy, { recursive: true, verbatimSymlinks: true })
    edit((path) => join(copy, path))
    return testBuildKey({ sites: ['demo'], snapshotDir: join(copy, 'snap'), root: copy })
  }

  it('depends on the content of the inputs, not on where they are', () => {
    expect(keyAfter(() => {})).toBe(before)
    expect(testBuildKey(request)).toBe(before)
    expect(testBuildKey({ ...request, sites: ['demo', 'demo'] })).toBe(before)
  })

  it('changes with one byte of the snapshot, a snapshot file added, or one removed', () => {
    expect(keyAfter((at) => flipFirstByte(at('snap/media/image.jpg')))).not.toBe(before)
    expect(keyAfter((at) => write(at('snap/demo.json'), '{"site":{ }}'))).not.toBe(before)
    expect(keyAfter((at) => write(at('snap/media/autre.jpg'), ''))).not.toBe(before)
    expect(keyAfter((at) => rmSync(at('snap/media/image.jpg')))).not.toBe(before)
  })

  it('changes with the site folder, the kit and the content package, the lockfile and the installed Astro', () => {
    const keys = [
      keyAfter((at) => write(at('sites/demo/src/pages/a-propos.mdx'), '# À propos !\n')),
      keyAfter((at) => write(at('sites/demo/public/favicon.svg'), '<svg/>')),
      keyAfter((at) => write(at('sites/demo/astro.config.mjs'), 'export default { }\n')),
      keyAfter((at) => write(at('packages/site-kit/src/index.ts'), 'export const kit = 2\n')),
      keyAfter((at) =>
        write(
          at('packages/site-kit/package.json'),
          JSON.stringify({ name: '@cles/site-kit', exports: {}, dependencies: { '@cles/content': 'workspace:*' } }),
        ),
      ),
      keyAfter((at) => write(at('packages/content/src/index.ts'), 'export const schema = 2\n')),
      keyAfter((at) => write(at('packages/tsconfig/base.json'), JSON.stringify({ compilerOptions: { target: 'ES2022' } }))),
      keyAfter((at) => write(at('pnpm-lock.yaml'), 'lockfileVersion: 9.1\n')),
      keyAfter((at) => write(at('patches/astro.patch'), '+')),
      keyAfter((at) => {
        rmSync(at('sites/demo/node_modules/astro'))
        symlinkSync('../../../node_modules/.pnpm/astro@7.3.6/node_modules/astro', at('sites/demo/node_modules/astro'))
      }),
    ]
    for (const key of keys) expect(key).not.toBe(before)
    expect(new Set(keys).size).toBe(keys.length)
  })

  it('ignores what the build writes and the packages’ tests', () => {
    expect(keyAfter((at) => write(at('sites/demo/dist/index.html'), '<p>autre sortie</p>'))).toBe(before)
    expect(keyAfter((at) => write(at('sites/demo/.astro/types.d.ts'), ''))).toBe(before)
    expect(keyAfter((at) => write(at('sites/demo/node_modules/.astro/data-store.json'), '{}'))).toBe(before)
    expect(keyAfter((at) => write(at('packages/site-kit/test/kit.test.ts'), '// changed\n'))).toBe(before)
  })

  it('changes with the environment the build reads, not with the folders the cache sets itself', () => {
    const withEnv = (name: string, value: string) => {
      const previous = process.env[name]
      process.env[name] = value
      try {
        return testBuildKey(request)
      } finally {
        if (previous === undefined) delete process.env[name]
        else process.env[name] = previous
      }
    }
    expect(withEnv('CLES_EXIT_URL', 'https://meteo.gc.ca/')).not.toBe(before)
    expect(withEnv('PUBLIC_ANALYTICS', '1')).not.toBe(before)
    expect(withEnv('NODE_ENV', 'development')).not.toBe(before)
    expect(withEnv('CLES_SNAPSHOT_DIR', '/ailleurs')).toBe(before)
    expect(withEnv('CLES_IMAGE_CACHE_DIR', '/ailleurs')).toBe(before)
  })

  it('depends on the set of sites, not their order', () => {
    write(join(root, 'sites/autre/package.json'), JSON.stringify({ name: 'autre' }))
    expect(testBuildKey({ ...request, sites: ['demo', 'autre'] })).toBe(testBuildKey({ ...request, sites: ['autre', 'demo'] }))
    expect(testBuildKey({ ...request, sites: ['demo', 'autre'] })).not.toBe(before)
  })
})

describe('test build key of the real fixture build', () => {
  it('hashes the real inputs: each site folder, the kit, the content contract, the lockfile, the snapshot', () => {
    const { parts } = testBuildInputs({ sites: ['cles'], snapshotDir: fixtureSnapshotDir })
    const labels = parts.map((p) => p.label)
    for (const label of [
      'site cles',
      'site cles installed',
      'package @cles/site-kit src',
      'package @cles/content src',
      'pnpm-lock.yaml',
      'snapshot',
      'env',
    ]) {
      expect(labels).toContain(label)
    }
    expect(parts.find((p) => p.label === 'package @cles/site-kit src')!.files).toBeGreaterThan(20)
    const snapshotFiles = readdirSync(fixtureSnapshotDir, { recursive: true, encoding: 'utf8' }).filter((f) =>
      statSync(join(fixtureSnapshotDir, f)).isFile(),
    )
    expect(parts.find((p) => p.label === 'snapshot')!.files).toBe(snapshotFiles.length)
  })

  it('gives a copy of the fixture the same key, and a copy with one byte changed another', () => {
    const copy = join(scratch, 'fixture-copy')
    cpSync(fixtureSnapshotDir, copy, { recursive: true })
    const key = (snapshotDir: string) => testBuildKey({ sites: SITES, snapshotDir })
    expect(key(copy)).toBe(key(fixtureSnapshotDir))
    const media = readdirSync(join(copy, 'media'))[0]!
    flipFirstByte(join(copy, 'media', media))
    expect(key(copy)).not.toBe(key(fixtureSnapshotDir))
  })

  it('serves the global setup’s build to a later caller with the same inputs', async () => {
    expect(siteSlugs()).toEqual([...SITES].sort())
    // Same inputs here as in the global setup (a difference names the input).
    const setup = JSON.parse(readFileSync(join(inject('buildDir'), '..', 'build.json'), 'utf8')) as {
      inputs: { label: string; hash: string }[]
    }
    const here = testBuildInputs({ sites: SITES, snapshotDir: fixtureSnapshotDir }).parts
    const differ = (a: typeof here, b: typeof here) =>
      a.filter((part) => !b.some((other) => other.label === part.label && other.hash === part.hash))
    expect([...differ(here, setup.inputs), ...differ(setup.inputs, here)].map((part) => part.label)).toEqual([])
    const again = await buildFixtureSites()
    expect(again.reused).toBe(true)
    expect(again.dir).toBe(inject('buildDir'))
  })
})
