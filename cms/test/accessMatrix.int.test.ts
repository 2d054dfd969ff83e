// The access matrix through the Local API with overrideAccess: false.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seed } from '../src/seed'
import { startTempCms, type TempCms } from './helpers/tempCms'
import { attempt, OPERATIONS, prepareFixtures, type Fixtures } from './matrix/localDriver'
import { cells } from './matrix/table'

let cms: TempCms
let fx: Fixtures

beforeAll(async () => {
  cms = await startTempCms()
  await seed(cms.payload, { password: 'matrix-password-1' })
  fx = await prepareFixtures(cms.payload)
})
afterAll(async () => cms?.close())

describe('access matrix (Local API, overrideAccess: false)', () => {
  it('allows and denies exactly as the table says', async () => {
    const all = cells()
    const mismatches: string[] = []
    for (const cell of all) {
      const op = OPERATIONS[cell.collection]![cell.operation]!
      const user = cell.actor === 'anonymous' ? undefined : fx.users[cell.actor]
      const got = await attempt(op, { payload: cms.payload, fx, user, scope: cell.scope })
      if (got !== cell.allowed) {
        mismatches.push(`${cell.collection}.${cell.operation} · ${cell.actor} · ${cell.scope}: attendu ${cell.allowed ? 'autorisé' : 'refusé'}, obtenu ${got ? 'autorisé' : 'refusé'}`)
      }
    }
    console.log(`[matrice d’accès] ${all.length} cellules vérifiées par l’API locale, ${mismatches.length} écart(s)`)
    expect(mismatches).toEqual([])
  })
})
