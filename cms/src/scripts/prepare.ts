// Run by `npm start` before the server: applies migrations, makes sure a dev
// secret exists, seeds the embedded database the first time only and, with
// `--export-to DIR`, exports the snapshots in the same Payload boot.
import { parseArgs } from 'node:util'
import { exportWithLog } from '../lib/exportWithLog'
import { closePayload, openPayload } from '../lib/payload'
import { productionDatabaseReason } from '../lib/production'
import { seed } from '../seed'
import { DEFAULT_SEED_PASSWORD } from '../seed/users'

const { values } = parseArgs({ options: { 'export-to': { type: 'string' } } })
const started = Date.now()
const payload = await openPayload()
try {
  const { totalDocs } = await payload.count({ collection: 'sites', overrideAccess: true })
  if (totalDocs > 0) {
    console.log(`[cms] base existante réutilisée (${totalDocs} site(s)) — ${Date.now() - started} ms`)
  } else if (productionDatabaseReason()) {
    console.log('[cms] base vide, mais base de production : pas de données de démonstration.')
  } else {
    console.log('[cms] premier démarrage : création des données de démonstration …')
    await seed(payload, {
      password: process.env.SEED_PASSWORD || DEFAULT_SEED_PASSWORD,
      log: (line) => console.log(`[cms]   ${line}`),
    })
    console.log(`[cms] données de démonstration prêtes en ${Date.now() - started} ms`)
  }
  if (values['export-to']) await exportWithLog(payload, values['export-to'])
} finally {
  await closePayload(payload)
}
