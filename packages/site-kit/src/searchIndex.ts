// Site search: after the build, Pagefind indexes the built pages into
// dist/pagefind/. Only <main data-pagefind-body> is indexed; Pagefind keeps one
// index per <html lang> (French and English).
import * as pagefind from 'pagefind'
import { join } from 'node:path'

/** Selectors never indexed, even if a page puts them inside its main content. */
const EXCLUDED = ['[data-quick-exit]', '.quick-exit', '.site-header', 'footer', '.skip-link', 'nav']

export async function indexSite(out: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({ excludeSelectors: EXCLUDED })
  try {
    if (!index) throw new Error(errors.join('\n'))
    const added = await index.addDirectory({ path: out })
    if (added.errors.length) throw new Error(added.errors.join('\n'))
    const written = await index.writeFiles({ outputPath: join(out, 'pagefind') })
    if (written.errors.length) throw new Error(written.errors.join('\n'))
    return added.page_count
  } finally {
    await pagefind.close()
  }
}

/**
 * The same index as indexSite, as files in memory (paths inside `pagefind/`):
 * the incremental release's follow-up writes only the files that changed
 * (Pagefind names most of them by their content, so most stay as they are).
 */
export async function searchIndexFiles(out: string): Promise<{ pages: number; files: { path: string; content: Uint8Array }[] }> {
  const { index, errors } = await pagefind.createIndex({ excludeSelectors: EXCLUDED })
  try {
    if (!index) throw new Error(errors.join('\n'))
    const added = await index.addDirectory({ path: out })
    if (added.errors.length) throw new Error(added.errors.join('\n'))
    const got = await index.getFiles()
    if (got.errors.length) throw new Error(got.errors.join('\n'))
    return { pages: added.page_count, files: got.files }
  } finally {
    await pagefind.close()
  }
}
