import { describe, expect, it } from 'vitest'
import { stableStringify } from '../src/serialize.ts'

describe('stableStringify', () => {
  it('sorts keys at every level so insertion order does not matter', () => {
    const a = stableStringify({ b: 1, a: { d: [{ z: 1, y: 2 }], c: 'x' } })
    const b = stableStringify({ a: { c: 'x', d: [{ y: 2, z: 1 }] }, b: 1 })
    expect(a).toBe(b)
    expect(a).toBe('{\n  "a": {\n    "c": "x",\n    "d": [\n      {\n        "y": 2,\n        "z": 1\n      }\n    ]\n  },\n  "b": 1\n}\n')
  })

  it('drops undefined values but keeps null', () => {
    expect(stableStringify({ a: undefined, b: null })).toBe('{\n  "b": null\n}\n')
  })
})
