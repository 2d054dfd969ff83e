// CLES_CMS_PROCESSES: how many CMS processes `pnpm start` runs (src/server/start.ts).
import { describe, expect, it } from 'vitest'
import { processesWanted } from '../src/server/processesWanted'

describe('CLES_CMS_PROCESSES', () => {
  it('is one process when unset or empty', () => {
    expect(processesWanted(undefined, 8)).toBe(1)
    expect(processesWanted('  ', 8)).toBe(1)
  })

  it('takes a whole number from 1 to 64, and « auto » means one per core', () => {
    expect(processesWanted('3', 8)).toBe(3)
    expect(processesWanted(' 64 ', 8)).toBe(64)
    expect(processesWanted('auto', 8)).toBe(8)
    expect(processesWanted('AUTO', 2)).toBe(2)
  })

  it.each(['0', '65', '1.5', '-2', 'deux', '2x'])('refuses « %s » with a French message naming the variable', (value) => {
    expect(() => processesWanted(value, 8)).toThrow(/CLES_CMS_PROCESSES vaut « .* » : indiquez un nombre entier de 1 à 64/)
  })
})
