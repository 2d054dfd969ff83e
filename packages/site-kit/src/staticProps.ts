// The props of a route with getStaticPaths, in a static build and in the
// preview renderer alike. A static build fills Astro.props itself; the
// preview's server bundle (preview/README.md) does not run getStaticPaths, so
// the route runs it (once per route pattern and snapshot version) and picks
// the entry whose params match the request: undefined means « no such page ».
import { snapshotVersion } from './snapshotData.ts'

type Params = Record<string, string | undefined>
type Entry = { params: Params; props?: unknown }
type GetStaticPathsFn = (context: { routePattern: string; paginate: () => never }) => Promise<Entry[]> | Entry[]

const cache = new Map<string, { version: number; byParams: Map<string, unknown> }>()
const keyOf = (params: Params) =>
  JSON.stringify(
    Object.keys(params)
      .sort()
      .map((name) => [name, params[name] ?? '']),
  )

export async function staticProps<T>(
  getStaticPaths: GetStaticPathsFn,
  astro: { props: object; params: Params; routePattern: string },
): Promise<T | undefined> {
  if (Object.keys(astro.props).length) return astro.props as T
  let known = cache.get(astro.routePattern)
  if (!known || known.version !== snapshotVersion()) {
    const entries = await getStaticPaths({
      routePattern: astro.routePattern,
      paginate: () => {
        throw new Error('paginate() n’est pas pris en charge par l’aperçu')
      },
    })
    known = { version: snapshotVersion(), byParams: new Map(entries.map((entry) => [keyOf(entry.params), entry.props ?? {}])) }
    cache.set(astro.routePattern, known)
  }
  return known.byParams.get(keyOf(astro.params)) as T | undefined
}
