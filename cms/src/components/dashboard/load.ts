// A dashboard section never breaks the dashboard: a failure is logged and the
// section says it is unavailable (the collection links below keep working).
import type { PayloadRequest } from 'payload'

export async function load<T>(req: PayloadRequest, what: string, read: () => Promise<T>): Promise<T | null> {
  try {
    return await read()
  } catch (error) {
    req.payload.logger.error({ err: error, msg: `Tableau de bord : ${what} indisponible` })
    return null
  }
}
