// `npm run rebuild [-- --depuis-instantanes] [site …]`: export fresh snapshots,
// rebuild the sites (turbo replays unchanged ones from its cache; the sites added
// in the CMS are built by the site kit's generic project) into emptied output
// folders, and publish each build as a release. Running servers switch to the
// new releases at once. The builds read only the snapshots: when the CMS or its
// database is down (or with --depuis-instantanes), the sites are rebuilt from
// the last snapshots exported.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { buildAddedSites, clearBuildOutputs, publishSites } from './lib/releases.mjs'
import { run } from './lib/run.mjs'
import { listSites, snapshotDir } from './lib/workspace.mjs'

const t0 = Date.now()
const { values, positionals: wanted } = parseArgs({
  options: { 'depuis-instantanes': { type: 'boolean', default: false } },
  allowPositionals: true,
})

/** The sites to rebuild (all, or those named), each with its snapshot. */
function chosenSites() {
  const all = listSites()
  const unknown = wanted.filter((slug) => !all.some((s) => s.slug === slug))
  if (unknown.length) throw new Error(`site(s) inconnu(s) : ${unknown.join(', ')} (sites : ${all.map((s) => s.slug).join(', ')})`)
  return wanted.length ? all.filter((s) => wanted.includes(s.slug)) : all
}

try {
  if (values['depuis-instantanes']) {
    console.log(`Reconstruction depuis les derniers instantanés (${snapshotDir()}), sans le CMS.`)
  } else {
    const only = wanted.flatMap((slug) => ['--site', slug])
    try {
      await run('pnpm', ['--filter', '@cles/cms', 'run', 'export', ...only], { label: 'export des instantanés' })
    } catch (error) {
      // The CMS's database is unreachable: the last snapshots still make the same sites.
      console.warn(
        `\n⚠ Export impossible (${error.message}) : les sites sont reconstruits depuis les derniers instantanés ` +
          `(${snapshotDir()}) ; les changements faits depuis le dernier export n’y sont pas.`,
      )
    }
  }
  const sites = chosenSites()
  const missing = sites.filter((s) => !existsSync(join(snapshotDir(), `${s.slug}.json`)))
  if (missing.length) throw new Error(`aucun instantané pour ${missing.map((s) => s.slug).join(', ')} : exportez-les d’abord (CMS démarré)`)
  clearBuildOutputs(sites)
  try {
    const own = sites.filter((s) => s.kind === 'own')
    if (own.length) {
      const filters = wanted.length ? own.map((s) => `--filter=${s.package}`) : ['--filter=./sites/*']
      await run('turbo', ['run', 'build', ...filters, '--output-logs=new-only'], { label: 'construction des sites' })
    }
    await buildAddedSites(sites)
  } catch (error) {
    throw new Error(`${error.message} ; les sites en ligne n’ont pas changé`, { cause: error })
  }
  console.log('\nPublication des versions :')
  await publishSites(sites)
  console.log(`\n✔ Sites à jour en ${((Date.now() - t0) / 1000).toFixed(1)} s.`)
} catch (error) {
  console.error(`\n✖ ERREUR : ${error.message}`)
  process.exit(1)
}
