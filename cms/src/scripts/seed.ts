// Demo seed: `npm run seed` (or `pnpm --filter @cles/cms seed [--force]`).
import { parseArgs } from 'node:util'
import { closePayload, openPayload } from '../lib/payload'
import { productionDatabaseReason } from '../lib/production'
import { seed } from '../seed'
import { DEFAULT_SEED_PASSWORD } from '../seed/users'

const { values } = parseArgs({ options: { force: { type: 'boolean', default: false } } })

const reason = productionDatabaseReason()
if (reason && !values.force) {
  console.error(
    `[seed] REFUSÉ : ${reason}. Le jeu de démonstration (comptes et mot de passe connus) ne doit pas aller en production. ` +
      'Ajoutez --force seulement si vous savez ce que vous faites.',
  )
  process.exit(2)
}

const started = Date.now()
const payload = await openPayload()
try {
  const report = await seed(payload, {
    password: process.env.SEED_PASSWORD || DEFAULT_SEED_PASSWORD,
    log: (line) => console.log(`[seed] ${line}`),
  })
  const total = Object.values(report.created).reduce((a, b) => a + b, 0)
  console.log(`[seed] terminé en ${Date.now() - started} ms (${total} document(s) créé(s))`)
} catch (error) {
  console.error(`[seed] ERREUR : ${(error as Error).message}`)
  process.exitCode = 1
} finally {
  await closePayload(payload)
}
