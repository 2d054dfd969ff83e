// `npm run rebuild`: export fresh snapshots and rebuild only the sites whose
// snapshot changed (turbo replays the others from its cache). Running servers
// serve the new files at once.
import { run } from './lib/run.mjs'

const t0 = Date.now()
try {
  await run('pnpm', ['--filter', '@cles/cms', 'run', 'export'], { label: 'export des instantanés' })
  await run('turbo', ['run', 'build', '--filter=./sites/*', '--output-logs=new-only'], { label: 'construction des sites' })
  console.log(`\n✔ Sites à jour en ${((Date.now() - t0) / 1000).toFixed(1)} s.`)
} catch (error) {
  console.error(`\n✖ ERREUR : ${error.message}`)
  process.exit(1)
}
