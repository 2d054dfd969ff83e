// The five real sites (sites/<slug>) built from the committed fixture snapshot
// with Astro's own build, and cles from a hostile copy of it; every test file
// then reads the output. Both come from the shared test build cache
// (testing/buildCache.ts): built once per distinct input, then reused by the
// next run and by the e2e tests that ask for the same build.
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { buildFixtureSites, buildSitesForTests, type ImageUse } from '../testing/index.ts'
import { fixtures, SITES } from './fixtureSites.ts'
import { writeHostileFixture } from './hostileSnapshot.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Folder holding one built site per slug. */
    buildDir: string
    /** The cles site built from a fixture copy with hostile content (see hostileSnapshot.ts). */
    hostileDir: string
    /** The encoded-image cache the five builds shared (empty before the first). */
    imageCacheDir: string
    /** Per site, the encodings its build made and those it took from that cache. */
    imageUse: Record<string, ImageUse>
  }
}

export default async function setup(project: TestProject) {
  const out = mkdtempSync(join(tmpdir(), 'cles-fixture-build-'))
  // For the test files (their workers inherit it): the fixture, and a throwaway
  // image cache for any build a test makes itself (contrast.test.ts).
  process.env.CLES_SNAPSHOT_DIR = fixtures
  process.env.CLES_IMAGE_CACHE_DIR = join(out, 'image-cache')
  process.env.ASTRO_TELEMETRY_DISABLED = '1'
  // Each entry was built with its own fresh image cache and Astro cache, so
  // imageCacheDir and imageUse show what the five cold builds encoded and
  // shared, whether the entry was built now or by an earlier run.
  const fixtureBuild = await buildFixtureSites()
  const missing = SITES.filter((slug) => !(slug in fixtureBuild.imageUse))
  if (missing.length) throw new Error(`sites absents du build de test : ${missing.join(', ')}`)
  // Same site, hostile snapshot: another input, so another entry. The tests
  // read the snapshot next to the build (`<dir>/hostile-snapshot`, `<dir>/hostile`).
  writeHostileFixture(fixtures, join(out, 'hostile-snapshot'))
  const hostileBuild = await buildSitesForTests({ sites: ['cles'], snapshotDir: join(out, 'hostile-snapshot') }, { logLevel: 'error' })
  symlinkSync(hostileBuild.siteDir('cles'), join(out, 'hostile'), 'dir')
  project.provide('buildDir', fixtureBuild.dir)
  project.provide('hostileDir', join(out, 'hostile'))
  project.provide('imageCacheDir', fixtureBuild.imageCacheDir)
  project.provide('imageUse', fixtureBuild.imageUse)
  return () => rmSync(out, { recursive: true, force: true })
}
