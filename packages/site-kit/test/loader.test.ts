// Runs the Astro loader against an in-memory store with the same contract as
// Astro's DataStore (set / keys / delete), using the committed fixture.
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { categoriesLoader, newsLoader, pagesLoader, resourcesLoader } from '../src/loader.ts'
import { articleSchema } from '@cles/content'

const fixtures = fileURLToPath(new URL('../../content/fixtures/basic', import.meta.url))

function memoryContext() {
  const entries = new Map<string, { id: string; data: Record<string, unknown>; digest?: string }>()
  const logs: string[] = []
  return {
    entries,
    logs,
    context: {
      store: {
        set: (entry: { id: string; data: Record<string, unknown>; digest?: string }) => (entries.set(entry.id, entry), true),
        keys: () => [...entries.keys()],
        delete: (id: string) => void entries.delete(id),
      },
      parseData: async ({ data }: { id: string; data: Record<string, unknown> }) => articleSchema.parse(data),
      generateDigest: (data: unknown) => JSON.stringify(data).length.toString(36),
      logger: { info: (m: string) => logs.push(m), warn: () => {}, error: () => {} },
    },
  }
}

describe('newsLoader', () => {
  it('loads every article of the site snapshot, validated by the schema', async () => {
    const { entries, logs, context } = memoryContext()
    await newsLoader({ site: 'cles', dir: fixtures }).load(context as never)
    expect(entries.size).toBe(10)
    const funding = [...entries.values()].find((e) => e.data.slug === 'financement-recurrent-aide-sortie-prostitution')
    expect(funding?.data.originSite).toBe('cles')
    expect(funding?.digest).toBeTruthy()
    expect(logs[0]).toMatch(/cles : 10 actualité/)
  })

  it('removes entries that are no longer in the snapshot', async () => {
    const { entries, context } = memoryContext()
    entries.set('retiree', { id: 'retiree', data: {} })
    await newsLoader({ site: 'maison-de-marthe', dir: fixtures }).load(context as never)
    expect(entries.has('retiree')).toBe(false)
  })

  it('fails with a French message when the snapshot is missing', async () => {
    const { context } = memoryContext()
    await expect(newsLoader({ site: 'absent', dir: fixtures }).load(context as never)).rejects.toThrow(/Instantané introuvable/)
  })

  it('loads pages, resources and categories from the same snapshot', async () => {
    const pages = memoryContext()
    await pagesLoader({ site: 'cles', dir: fixtures }).load({ ...pages.context, parseData: async ({ data }: { data: Record<string, unknown> }) => data } as never)
    expect([...pages.entries.values()].map((e) => e.data.path)).toEqual(['/services/', '/services/accompagnement/'])
    expect(pages.logs[0]).toMatch(/cles : 2 page\(s\)/)
    const resources = memoryContext()
    await resourcesLoader({ site: 'cles', dir: fixtures }).load({ ...resources.context, parseData: async ({ data }: { data: Record<string, unknown> }) => data } as never)
    expect(resources.entries.size).toBe(5)
    const categories = memoryContext()
    await categoriesLoader({ site: 'cles', dir: fixtures }).load({ ...categories.context, parseData: async ({ data }: { data: Record<string, unknown> }) => data } as never)
    expect([...categories.entries.keys()]).toEqual(['financement', 'sensibilisation', 'services', 'vie-associative'])
  })
})
