// Site search: after the build, Pagefind indexes the built pages into
// dist/pagefind/. Only <main data-pagefind-body> is indexed; Pagefind keeps one
// index per <html lang> (French and English).
import * as pagefind from 'pagefind'
import { join } from 'node:path'

/** Selectors never indexed, even if a page puts them inside its main content. */
const EXCLUDED = ['[data-quick-exit]', '.quick-exit', '.site-header', 'footer', '.skip-link', 'nav']

/** Indexes the pages of `out` into `outputPath` (`out/pagefind` in a build; elsewhere for an incremental release's follow-up). */
export async function indexSite(out: string, outputPath = join(out, 'pagefind')): Promise<number> {
  const { index, errors } = await pagefind.createIndex({ excludeSelectors: EXCLUDED })
  try {
    if (!index) throw new Error(errors.join('\n'))
    const added = await index.addDirectory({ path: out })
    if (added.errors.length) throw new Error(added.errors.join('\n'))
    const written = await index.writeFiles({ outputPath })
    if (written.errors.length) throw new Error(written.errors.join('\n'))
    return added.page_count
  } finally {
    await pagefind.close()
  }
}
