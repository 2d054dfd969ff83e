// Facts about the workspace that the orchestration scripts share.
import { readdirSync, readFileSync, existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const CMS_PORT = Number(process.env.CMS_PORT ?? 3000)

/** Sites in `sites/<slug>/` with the port declared in their package.json (`cles.port`). */
export function listSites() {
  return readdirSync(join(root, 'sites'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(root, 'sites', d.name, 'package.json')))
    .map((d) => {
      const manifest = JSON.parse(readFileSync(join(root, 'sites', d.name, 'package.json'), 'utf8'))
      return { slug: d.name, port: manifest.cles.port, dir: join(root, 'sites', d.name) }
    })
    .sort((a, b) => a.port - b.port)
}
