import { randomBytes } from 'node:crypto'
import { appendFileSync, existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { cmsRoot } from './paths'

export const MIN_SECRET_LENGTH = 32

export class SecretError extends Error {
  override name = 'SecretError'
}

/** The gitignored env file that Next.js and our scripts both load. */
export const envFile = (env: NodeJS.ProcessEnv = process.env) => path.join(cmsRoot(env), '.env')

function readSecretFromEnvFile(file: string): string | undefined {
  if (!existsSync(file)) return undefined
  const line = readFileSync(file, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('PAYLOAD_SECRET='))
  return line?.slice('PAYLOAD_SECRET='.length).trim() || undefined
}

/**
 * PAYLOAD_SECRET signs sessions. In production a missing or short secret stops
 * the server; in development one is generated once into cms/.env.
 */
export function resolveSecret(env: NodeJS.ProcessEnv = process.env): string {
  const given = env.PAYLOAD_SECRET?.trim() || readSecretFromEnvFile(envFile(env))
  // `next build` loads the config without serving anyone: no secret is needed
  // (nor baked in) then; `next start` is where a real one is required.
  if (env.NEXT_PHASE === 'phase-production-build' && !given) return randomBytes(32).toString('hex')
  if (env.NODE_ENV === 'production') {
    if (!given || given.length < MIN_SECRET_LENGTH) {
      throw new SecretError(
        `PAYLOAD_SECRET manquant ou trop court (minimum ${MIN_SECRET_LENGTH} caractères) : le CMS refuse de démarrer en production. ` +
          `Générez-en un (par exemple « openssl rand -hex 32 ») et définissez-le dans l’environnement. ` +
          `— PAYLOAD_SECRET is missing or shorter than ${MIN_SECRET_LENGTH} characters; the CMS will not start in production.`,
      )
    }
    return given
  }
  if (given) return given
  const secret = randomBytes(32).toString('hex')
  appendFileSync(envFile(env), `PAYLOAD_SECRET=${secret}\n`, { mode: 0o600 })
  return secret
}
