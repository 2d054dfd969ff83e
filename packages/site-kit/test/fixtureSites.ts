// Shared by the site tests: where the fixture lives and how to read what the
// global setup built from it.
import { readFileSync, readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'node-html-parser'
import type { SiteSnapshot } from '@cles/content'

export const repo = fileURLToPath(new URL('../../../', import.meta.url))
export const fixtures = join(repo, 'packages/content/fixtures/basic')
export const SITES = ['cles', 'maison-de-marthe', 'calacs-outaouais', 'calacs-agression-estrie', 'calacs-etoile-du-nord']

export const snapshot = (slug: string): SiteSnapshot => JSON.parse(readFileSync(join(fixtures, `${slug}.json`), 'utf8'))

/** Reads built files of one site; `dir` comes from inject('buildDir'). */
export function builtSite(dir: string, slug: string) {
  const root = join(dir, slug)
  const text = (path: string) => readFileSync(join(root, path), 'utf8')
  return {
    root,
    text,
    page: (path: string) => parse(text(path)),
    /** Every generated HTML page, as paths relative to the site root. */
    htmlPages: () =>
      readdirSync(root, { recursive: true, encoding: 'utf8' })
        .filter((file) => file.endsWith('.html'))
        .map((file) => relative(root, join(root, file)))
        .sort(),
  }
}
