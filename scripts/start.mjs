// `npm start`: seed on first run, build and start the CMS, export snapshots,
// build the five sites with turbo (and the sites added in the CMS with the site
// kit's generic project), publish them as releases, serve them, start the
// publisher (every change in the CMS then goes online by itself; a site added
// in the CMS while this runs is served on its own port as soon as it is
// exported), and stop everything on Ctrl+C.
import { serveStatic } from '@cles/static-server'
import { join } from 'node:path'
import { buildAddedSites, clearBuildOutputs, publishSites, releases } from './lib/releases.mjs'
import { run, startService, stopService, waitForHttp } from './lib/run.mjs'
import { CMS_PORT, listSites, root } from './lib/workspace.mjs'

const t0 = Date.now()
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`
const step = (message) => console.log(`\n▶ ${message} (${elapsed()})`)
let sites = []
const servers = []
let cms
let publisher
let watcher

async function shutdown(code = 0) {
  console.log('\nArrêt en cours …')
  clearInterval(watcher)
  if (publisher) stopService(publisher)
  if (cms) stopService(cms)
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))))
  console.log('Tout est arrêté. À bientôt !')
  process.exit(code)
}
process.on('SIGINT', () => shutdown(0))
process.on('SIGTERM', () => shutdown(0))

try {
  // One Payload boot for migrations, the first-run seed and the export.
  step('Base de données (migrations, démonstration au premier démarrage) et export des instantanés')
  await run('pnpm', ['--filter', '@cles/cms', 'run', 'prepare:db', '--export-to', join(root, '.snapshots')], {
    label: 'préparation de la base',
  })

  sites = listSites()
  step('Construction du CMS (Next.js) et des sites en parallèle (turbo met en cache)')
  clearBuildOutputs(sites)
  await Promise.all([
    run('turbo', ['run', 'build', '--filter=@cles/cms', '--output-logs=errors-only'], { label: 'construction du CMS' }),
    run('turbo', ['run', 'build', '--filter=./sites/*', '--output-logs=new-only'], { label: 'construction des sites' }).then(() =>
      buildAddedSites(sites),
    ),
  ])

  step('Publication des versions des sites')
  await publishSites(sites)

  step(`Démarrage du CMS sur http://localhost:${CMS_PORT}`)
  cms = startService('pnpm', ['--filter', '@cles/cms', 'run', 'start'], {
    cwd: root,
    // The local demo reads its logs in a terminal: readable lines (production writes JSON lines, docs/production.md).
    env: { CLES_LOG_FORMAT: 'pretty', ...process.env, PORT: String(CMS_PORT) },
    label: 'cms',
  })
  cms.on('exit', (code) => {
    if (code !== null && code !== 0) {
      console.error(`[cms] le CMS s’est arrêté (code ${code}).`)
      shutdown(1)
    }
  })

  step('Démarrage de la publication automatique')
  publisher = startService('pnpm', ['--filter', '@cles/cms', 'run', 'publisher'], {
    cwd: root,
    env: { CLES_LOG_FORMAT: 'pretty', ...process.env },
    label: 'publication',
  })
  publisher.on('exit', (code) => {
    if (code !== null && code !== 0) {
      console.error(`[publication] le processus de publication s’est arrêté (code ${code}).`)
      shutdown(1)
    }
  })

  step(`Service des ${sites.length} sites`)
  for (const site of sites) {
    servers.push(await serveStatic({ dir: releases.currentPath(site.slug), port: site.port }))
  }
  // A site a network admin adds in the CMS gets its snapshot at its first publication: serve it then.
  const served = new Set(sites.map((s) => s.slug))
  watcher = setInterval(async () => {
    let added
    try {
      added = listSites().filter((s) => !served.has(s.slug))
    } catch (error) {
      console.error(`\n✖ Liste des sites illisible : ${error.message}`)
      return
    }
    for (const site of added) {
      served.add(site.slug)
      try {
        servers.push(await serveStatic({ dir: releases.currentPath(site.slug), port: site.port }))
        console.log(`\n✔ Nouveau site « ${site.slug} » servi sur http://localhost:${site.port}/ (en ligne dès sa première publication)`)
      } catch (error) {
        console.error(`\n✖ Le nouveau site « ${site.slug} » ne peut pas être servi : ${error.message}`)
      }
    }
  }, 2000)
  await waitForHttp(`http://localhost:${CMS_PORT}/api/sites?limit=1`, { child: cms })

  const password = process.env.SEED_PASSWORD || 'cles-demo-2026'
  console.log(`
✔ Tout est prêt en ${elapsed()}.

  CMS (administration) : http://localhost:${CMS_PORT}/admin
  API REST             : http://localhost:${CMS_PORT}/api
${sites.map((s) => `  ${s.slug.padEnd(24)}: http://localhost:${s.port}/`).join('\n')}

  Comptes de démonstration (mot de passe : ${password}) :
    admin@cles.example                        administration du réseau
    comms@cles.example                        communication CLES
${sites
  .filter((s) => s.slug !== 'cles')
  .map((s) => `    editor@${s.slug}.example`.padEnd(46) + `édition du site ${s.slug}`)
  .join('\n')}

  Publier dans le CMS met le site en ligne automatiquement (suivi : CMS → Réseau → Publications des sites).
  Revenir à la version précédente d’un site : npm run rollback -- <site>.
  Ctrl+C pour tout arrêter.
`)
} catch (error) {
  console.error(`\n✖ ERREUR : ${error.message}`)
  await shutdown(1)
}
