// Builds the five real sites (sites/<slug>) once, from the committed fixture
// snapshot, with Astro's own build; every test file then reads the output.
import { build } from 'astro'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { fixtures, repo, SITES } from './fixtureSites.ts'
import { writeHostileFixture } from './hostileSnapshot.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Folder holding one built site per slug. */
    buildDir: string
    /** The cles site built from a fixture copy with hostile content (see hostileSnapshot.ts). */
    hostileDir: string
    /** The encoded-image cache the five builds shared (empty before the first). */
    imageCacheDir: string
  }
}

export default async function setup(project: TestProject) {
  const out = mkdtempSync(join(tmpdir(), 'cles-fixture-build-'))
  process.env.CLES_SNAPSHOT_DIR = fixtures
  process.env.ASTRO_TELEMETRY_DISABLED = '1'
  // A fresh shared image cache, so the tests see what five cold builds encode.
  process.env.CLES_IMAGE_CACHE_DIR = join(out, 'image-cache')
  for (const slug of SITES) {
    // Own Astro cache too: a warm one would skip encoding and hide what the shared cache does.
    await build({ root: join(repo, 'sites', slug), outDir: join(out, slug), cacheDir: join(out, 'astro-cache', slug), logLevel: 'warn' })
  }
  // Same site, hostile snapshot: own snapshot and cache folders, so the
  // content layer never mixes it with the fixture build above.
  writeHostileFixture(fixtures, join(out, 'hostile-snapshot'))
  process.env.CLES_SNAPSHOT_DIR = join(out, 'hostile-snapshot')
  await build({ root: join(repo, 'sites/cles'), outDir: join(out, 'hostile'), cacheDir: join(out, 'hostile-cache'), logLevel: 'error' })
  process.env.CLES_SNAPSHOT_DIR = fixtures
  project.provide('buildDir', out)
  project.provide('hostileDir', join(out, 'hostile'))
  project.provide('imageCacheDir', join(out, 'image-cache'))
  return () => rmSync(out, { recursive: true, force: true })
}
