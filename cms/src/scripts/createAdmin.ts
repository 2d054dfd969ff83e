// The first network administrator of a production database (the demo seed
// never writes one there): `pnpm --filter @cles/cms exec tsx src/scripts/createAdmin.ts <e-mail>`,
// the password on standard input (one line, at least 12 characters). See docs/production.md.
import { createInterface } from 'node:readline'
import { closePayload, openPayload } from '../lib/payload'

const say = (line: string) => console.log(`[administration] ${line}`)

async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) process.stdout.write('Mot de passe (12 caractères ou plus) : ')
  const lines = createInterface({ input: process.stdin, terminal: false })
  for await (const line of lines) {
    lines.close()
    return line.trim()
  }
  return ''
}

const email = process.argv
  .slice(2)
  .find((a) => a !== '--')
  ?.trim()
  .toLowerCase()
if (!email || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
  console.error('[administration] ERREUR : usage : tsx src/scripts/createAdmin.ts <courriel> (mot de passe sur l’entrée standard)')
  process.exit(2)
}
const password = await readPassword()
if (password.length < 12) {
  console.error('[administration] ERREUR : mot de passe absent ou trop court (12 caractères au minimum).')
  process.exit(2)
}
const payload = await openPayload()
try {
  const existing = await payload.count({ collection: 'users', where: { email: { equals: email } }, overrideAccess: true })
  if (existing.totalDocs > 0)
    throw new Error(`le compte ${email} existe déjà : connectez-vous, ou demandez un nouveau mot de passe depuis l’écran de connexion.`)
  const user = await payload.create({ collection: 'users', data: { email, password, globalRole: 'network-admin' }, overrideAccess: true })
  say(`compte d’administration du réseau créé (n° ${user.id}) : connectez-vous sur /admin avec ${email}.`)
} catch (error) {
  console.error(`[administration] ERREUR : ${(error as Error).message}`)
  process.exitCode = 1
} finally {
  await closePayload(payload)
}
