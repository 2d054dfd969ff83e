// @ts-check
// The generic site project: builds any site of the network that has no thin
// project of its own in sites/<slug>/ (an organisation added in the CMS), from
// its snapshot alone. The site is chosen by CLES_SITE; the publisher sets it,
// with the output folder (CLES_SITE_OUT_DIR) and Astro's cache (CLES_SITE_CACHE_DIR),
// so two sites never share a build folder. Nothing here needs installing: this
// folder resolves Astro and the kit's dependencies from the site kit itself.
import { defineConfig } from 'astro/config'
import { fileURLToPath } from 'node:url'
import clesSiteKit from '../src/index.ts'

const repo = (path) => fileURLToPath(new URL(`../../../${path}`, import.meta.url))
const site = process.env.CLES_SITE
if (!site) throw new Error('[site générique] indiquez le site à construire : CLES_SITE=<slug>')

export default defineConfig({
  outDir: process.env.CLES_SITE_OUT_DIR ?? repo(`node_modules/.cache/cles-sites/${site}/dist`),
  cacheDir: process.env.CLES_SITE_CACHE_DIR ?? repo(`node_modules/.cache/cles-sites/${site}/astro`),
  integrations: [
    clesSiteKit({
      site,
      snapshotDir: process.env.CLES_SNAPSHOT_DIR ?? repo('.snapshots'),
      imageCacheDir: process.env.CLES_IMAGE_CACHE_DIR ?? repo('node_modules/.cache/cles-images'),
    }),
  ],
})
