// How many CMS processes `pnpm start` runs (src/server/start.ts).
import { availableParallelism } from 'node:os'

/** CLES_CMS_PROCESSES: a whole number from 1 to 64, or « auto » (one per core); 1 when unset. */
export function processesWanted(value: string | undefined, cores = availableParallelism()): number {
  const text = value?.trim().toLowerCase()
  if (!text) return 1
  if (text === 'auto') return Math.max(1, cores)
  const wanted = Number(text)
  if (Number.isInteger(wanted) && wanted >= 1 && wanted <= 64) return wanted
  throw new Error(`CLES_CMS_PROCESSES vaut « ${value} » : indiquez un nombre entier de 1 à 64, ou « auto » (un processus par cœur).`)
}
