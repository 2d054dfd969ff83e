// Where the server bundle answers its page list (paths.ts): build.mjs injects
// the route there, release.mjs asks it.
export const PATHS_ROUTE = '/_cles/chemins'
