// Runs the real Astro loaders (src/loader.ts) on a snapshot folder written for
// this test with the contract's serializer (stableStringify), starting from the
// committed fixture. The loader context is what Astro hands a loader: a store
// with Astro's DataStore contract (set / keys / delete), `parseData` validating
// with the collection's schema (the one the loader declares, as Astro does), a
// content digest and a logger. The assertions compare what lands in the store
// with what was written to disk: ids, data, digests, removals and refusals.
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Loader, LoaderContext } from 'astro/loaders'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { stableStringify, type SiteSnapshot } from '@cles/content'
import { categoriesLoader, newsLoader, pagesLoader, resourcesLoader } from '../src/loader.ts'

const fixtures = fileURLToPath(new URL('../../content/fixtures/basic', import.meta.url))
const fixture = (slug: string): SiteSnapshot => JSON.parse(readFileSync(join(fixtures, `${slug}.json`), 'utf8'))

type Entry = { id: string; data: Record<string, unknown>; digest?: string }
const digestOf = (data: unknown) =>
  createHash('sha256')
    .update(typeof data === 'string' ? data : JSON.stringify(data))
    .digest('hex')

/** What Astro gives a loader, with a store that remembers what the loader did. */
function astroContext(loader: Loader, entries = new Map<string, Entry>()) {
  const logs: string[] = []
  // Astro validates with the collection's schema, and the sites declare the loader's own (src/content.ts).
  const schema = ('schema' in loader ? loader.schema : undefined) as
    { parseAsync: (data: unknown) => Promise<Record<string, unknown>> } | undefined
  if (!schema?.parseAsync) throw new Error(`${loader.name} ne déclare pas de schéma`)
  const context = {
    collection: loader.name,
    store: {
      set: (entry: Entry) => (entries.set(entry.id, entry), true),
      keys: () => [...entries.keys()],
      delete: (id: string) => void entries.delete(id),
    },
    parseData: ({ data }: { id: string; data: Record<string, unknown> }) => schema.parseAsync(data),
    generateDigest: digestOf,
    logger: { info: (m: string) => logs.push(m), warn: (m: string) => logs.push(m), error: (m: string) => logs.push(m), debug: () => {} },
  }
  return { entries, logs, context: context as unknown as LoaderContext }
}

let dir: string
const write = (slug: string, snapshot: unknown) => writeFileSync(join(dir, `${slug}.json`), stableStringify(snapshot))
/** The item as it comes back from a JSON file: what the store must hold. */
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value))

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cles-loader-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('newsLoader', () => {
  it('stores every article of the snapshot on disk, under its id, with the data and a digest of it', async () => {
    const snapshot = fixture('cles')
    snapshot.news[0]!.title.fr = 'Titre écrit par le test'
    write('cles', snapshot)
    const loader = newsLoader({ site: 'cles', dir })
    const { entries, logs, context } = astroContext(loader)
    await loader.load(context)
    expect([...entries.keys()]).toEqual(snapshot.news.map((a) => a.id))
    for (const article of snapshot.news) {
      const entry = entries.get(article.id)!
      expect(entry.data).toEqual(plain(article))
      // The digest is the item's own (Astro re-processes an entry when it changes), not the file's.
      expect(entry.digest).toBe(digestOf(entry.data))
    }
    expect(new Set([...entries.values()].map((e) => e.digest)).size).toBe(snapshot.news.length)
    expect(entries.get(snapshot.news[0]!.id)!.data.title).toEqual(expect.objectContaining({ fr: 'Titre écrit par le test' }))
    expect(logs).toEqual([`cles : ${snapshot.news.length} actualité(s) chargée(s) depuis l’instantané`])
  })

  it('on the next build, drops what left the snapshot and changes the digest of what changed only', async () => {
    const before = fixture('maison-de-marthe')
    write('maison-de-marthe', before)
    const loader = newsLoader({ site: 'maison-de-marthe', dir })
    const { entries, context } = astroContext(loader)
    await loader.load(context)
    const digests = new Map([...entries.values()].map((e) => [e.id, e.digest]))
    expect(digests.size).toBe(before.news.length)

    // Next export: one article unpublished, one retitled, the rest untouched.
    const after = fixture('maison-de-marthe')
    const [removed] = after.news.splice(1, 1)
    after.news[0]!.title.fr = `${after.news[0]!.title.fr} (corrigé)`
    write('maison-de-marthe', after)
    await loader.load(context)
    expect([...entries.keys()].sort()).toEqual(after.news.map((a) => a.id).sort())
    expect(entries.has(removed!.id)).toBe(false)
    expect(entries.get(after.news[0]!.id)!.digest).not.toBe(digests.get(after.news[0]!.id))
    for (const article of after.news.slice(1)) expect(entries.get(article.id)!.digest, article.slug).toBe(digests.get(article.id))
  })

  it('refuses a snapshot that breaks the contract, in French, before storing anything', async () => {
    const broken = fixture('calacs-outaouais')
    broken.news[0]!.slug = 'Pas Un Slug'
    write('calacs-outaouais', broken)
    const loader = newsLoader({ site: 'calacs-outaouais', dir })
    const { entries, context } = astroContext(loader)
    entries.set('ancienne', { id: 'ancienne', data: {} })
    await expect(loader.load(context)).rejects.toThrow(/Instantané invalide pour « calacs-outaouais ».*\n.*news\.0\.slug : slug attendu/)
    expect([...entries.keys()]).toEqual(['ancienne'])
  })

  it('refuses a snapshot of another site under this site’s name, and a missing one', async () => {
    write('calacs-etoile-du-nord', fixture('cles'))
    const loader = newsLoader({ site: 'calacs-etoile-du-nord', dir })
    await expect(loader.load(astroContext(loader).context)).rejects.toThrow(/décrit le site « cles », pas « calacs-etoile-du-nord »/)
    const absent = newsLoader({ site: 'absent', dir })
    await expect(absent.load(astroContext(absent).context)).rejects.toThrow(/Instantané introuvable pour le site « absent »/)
  })
})

describe('pages, resources and categories loaders', () => {
  it('store the pages, resources and categories of the same snapshot, keyed by page id, resource id and category slug', async () => {
    const snapshot = fixture('calacs-agression-estrie')
    snapshot.resources[0]!.phone = '1 800 555-0123'
    write('calacs-agression-estrie', snapshot)
    const options = { site: 'calacs-agression-estrie', dir }
    const cases = [
      { loader: pagesLoader(options), items: snapshot.pages.map((p) => [p.id, p] as const), log: `${snapshot.pages.length} page(s)` },
      {
        loader: resourcesLoader(options),
        items: snapshot.resources.map((r) => [r.id, r] as const),
        log: `${snapshot.resources.length} ressource(s)`,
      },
      {
        loader: categoriesLoader(options),
        items: snapshot.categories.map((c) => [c.slug, c] as const),
        log: `${snapshot.categories.length} catégorie(s)`,
      },
    ]
    for (const { loader, items, log } of cases) {
      const { entries, logs, context } = astroContext(loader)
      await loader.load(context)
      expect(items.length, loader.name).toBeGreaterThan(0)
      expect([...entries.keys()], loader.name).toEqual(items.map(([id]) => id))
      for (const [id, item] of items) expect(entries.get(id)!.data, `${loader.name} ${id}`).toEqual(plain(item))
      expect(logs, loader.name).toEqual([`calacs-agression-estrie : ${log} chargée(s) depuis l’instantané`])
    }
    const resources = astroContext(resourcesLoader(options))
    await resourcesLoader(options).load(resources.context)
    expect(resources.entries.get(snapshot.resources[0]!.id)!.data.phone).toBe('1 800 555-0123')
  })
})
