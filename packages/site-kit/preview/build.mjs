// Builds a site as a server bundle for the draft preview (« Aperçu »): the same
// project, components and snapshot as its static build, with Astro's Node
// adapter in middleware mode so that renderer.mjs can render any page on
// demand. Its own output and cache folders: it never touches the static build.
// usage: node build.mjs <project root> <out dir> <cache dir>
// (the project's own environment — CLES_SITE, CLES_SNAPSHOT_DIR… — is passed through)
import node from '@astrojs/node'
import { build } from 'astro'
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { PATHS_ROUTE } from './pathsRoute.mjs'

const [root, outDir, cacheDir] = process.argv.slice(2)
if (!root || !outDir || !cacheDir) {
  console.error('usage : node build.mjs <projet du site> <dossier de sortie> <dossier de cache>')
  process.exit(2)
}
const adapterRoot = join(dirname(fileURLToPath(import.meta.resolve('@astrojs/node'))), '..')
await build({
  root,
  outDir,
  cacheDir,
  output: 'server',
  adapter: node({ mode: 'middleware' }),
  // The page list of the incremental release (paths.ts): in this bundle only.
  integrations: [
    {
      name: 'cles-chemins',
      hooks: {
        'astro:config:setup': ({ injectRoute }) =>
          injectRoute({ pattern: PATHS_ROUTE, entrypoint: new URL('./paths.ts', import.meta.url), prerender: false }),
      },
    },
  ],
  // Astro warns that each getStaticPaths is ignored in server output: the routes run it themselves (src/staticProps.ts).
  logLevel: 'error',
  vite: {
    logLevel: 'warn',
    // The adapter's runtime is a dependency of the kit, not of each site project.
    resolve: { alias: [{ find: /^@astrojs\/node\/(server|preview)\.js$/, replacement: `${adapterRoot}/dist/$1.js` }] },
  },
})

// The adapter's entry exports a Node middleware; the renderer calls the Astro
// app inside it directly (app.render(Request) → Response), so it is exported too.
const entry = readFileSync(join(outDir, 'server', 'entry.mjs'), 'utf8')
const exported = entry.replace(/^export \{ handler,/m, 'export { app, handler,')
if (exported === entry) throw new Error('aperçu : l’entrée du bundle serveur a changé de forme (export { handler, … } introuvable)')
writeFileSync(join(outDir, 'server', 'preview-entry.mjs'), exported)
