// `npm run rebuild`: export fresh snapshots, rebuild the sites (turbo replays
// unchanged ones from its cache) into emptied dist/ folders, and publish each
// build as a release. Running servers switch to the new releases at once.
import { run } from './lib/run.mjs'
import { clearBuildOutputs, publishSites } from './lib/releases.mjs'
import { listSites } from './lib/workspace.mjs'

const t0 = Date.now()
const sites = listSites()
try {
  await run('pnpm', ['--filter', '@cles/cms', 'run', 'export'], { label: 'export des instantanés' })
  clearBuildOutputs(sites)
  try {
    await run('turbo', ['run', 'build', '--filter=./sites/*', '--output-logs=new-only'], { label: 'construction des sites' })
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
