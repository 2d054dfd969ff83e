// The access matrix through the Local API with overrideAccess: false. Each cell
// is answered by really doing the operation as the actor; writes are followed by
// a look at the stored state (see matrix/localDriver.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seed } from '../src/seed'
import { startTempCms, type TempCms } from './helpers/tempCms'
import { attempt, OPERATIONS, prepareFixtures, StoredStateError, type Fixtures } from './matrix/localDriver'
import { cells, MATRIX, scopesOf, type MatrixCollection } from './matrix/table'

let cms: TempCms
let fx: Fixtures

beforeAll(async () => {
  cms = await startTempCms()
  await seed(cms.payload, { password: 'matrix-password-1' })
  fx = await prepareFixtures(cms.payload)
})
afterAll(async () => cms?.close())

describe('access matrix (Local API, overrideAccess: false)', () => {
  it('covers categories and redirects, with one network-wide cell per actor for categories', () => {
    const all = cells()
    const count = (collection: MatrixCollection) => all.filter((c) => c.collection === collection).length
    expect(count('redirects')).toBe(4 * 6 * 3)
    expect(count('categories')).toBe(4 * 6)
    expect(new Set(all.filter((c) => c.collection === 'categories').map((c) => c.scope))).toEqual(new Set(['network']))
    expect(new Set(all.filter((c) => c.collection === 'sites' && c.operation === 'delete').map((c) => c.scope))).toEqual(
      new Set(['own', 'other', 'hub']),
    )
    // Every operation of the table has a driver operation, and nothing else is counted.
    for (const [collection, operations] of Object.entries(MATRIX)) {
      for (const operation of Object.keys(operations))
        expect(OPERATIONS[collection]?.[operation], `${collection}.${operation}`).toBeTypeOf('function')
    }
    const expected = Object.entries(MATRIX).reduce(
      (n, [c, ops]) => n + Object.keys(ops).length * 6 * scopesOf(c as MatrixCollection).length,
      0,
    )
    expect(all).toHaveLength(expected)
  })

  it('allows and denies exactly as the table says, and stores exactly what it allowed', async () => {
    const all = cells()
    const mismatches: string[] = []
    for (const cell of all) {
      const op = OPERATIONS[cell.collection]![cell.operation]!
      const user = cell.actor === 'anonymous' ? undefined : fx.users[cell.actor]
      const where = `${cell.collection}.${cell.operation} · ${cell.actor} · ${cell.scope}`
      try {
        const got = await attempt(op, { payload: cms.payload, fx, user, scope: cell.scope })
        if (got !== cell.allowed)
          mismatches.push(`${where}: attendu ${cell.allowed ? 'autorisé' : 'refusé'}, obtenu ${got ? 'autorisé' : 'refusé'}`)
      } catch (error) {
        if (!(error instanceof StoredStateError)) throw error
        mismatches.push(`${where}: état enregistré incohérent : ${error.message}`)
      }
    }
    console.log(`[matrice d’accès] ${all.length} cellules vérifiées par l’API locale, ${mismatches.length} écart(s)`)
    expect(mismatches).toEqual([])
  })
})
