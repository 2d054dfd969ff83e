// Test support shared by the site-kit tests and the e2e tests (`@cles/site-kit/testing`).
// Not part of the kit the sites use.
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { buildSitesForTests, repoRoot, type TestBuild, type TestBuildOptions } from './buildCache.ts'

export {
  buildSiteForTests,
  buildSitesForTests,
  repoRoot,
  testBuildCacheDir,
  testBuildInputs,
  testBuildKey,
  type ImageUse,
  type TestBuild,
  type TestBuildInputs,
  type TestBuildOptions,
  type TestBuildRequest,
} from './buildCache.ts'

/** The committed fixture snapshot (packages/content/fixtures/basic). */
export const fixtureSnapshotDir = join(repoRoot, 'packages/content/fixtures/basic')

/** Every site of the repository (folders of sites/ with an Astro config), sorted. */
export const siteSlugs = (): string[] =>
  readdirSync(join(repoRoot, 'sites'))
    .filter((slug) => existsSync(join(repoRoot, 'sites', slug, 'astro.config.mjs')))
    .sort()

/**
 * Every site built from the committed fixture: the one build the site-kit
 * tests, readerPrivacyAllSites and quickExit share (same request, same key).
 */
export const buildFixtureSites = (options?: TestBuildOptions): Promise<TestBuild> =>
  buildSitesForTests({ sites: siteSlugs(), snapshotDir: fixtureSnapshotDir }, options)
