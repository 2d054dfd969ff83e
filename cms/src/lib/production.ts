import { isMongoUrl } from './database'

/**
 * Why the configured database looks like production, or null for the local demo.
 * Used to stop the demo seed from writing known passwords to a real database.
 */
export function productionDatabaseReason(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.NODE_ENV === 'production') return 'NODE_ENV=production'
  const url = env.DATABASE_URL ?? ''
  if (isMongoUrl(url)) return 'DATABASE_URL désigne une base MongoDB'
  if (url && !url.startsWith('file:')) return 'DATABASE_URL désigne une base distante'
  return null
}
