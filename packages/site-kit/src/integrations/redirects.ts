// After the build: the site's redirects (CMS « Redirections », snapshot format 3)
// written to `_redirects` at the root of the output, one `from to 301` per line
// (the Netlify / Cloudflare Pages format). @cles/static-server answers them with
// a 301, and packages/deploy turns the file into an nginx map and S3 redirects.
import { existsSync, statSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { isSafeRedirect, redirectKey, type SnapshotRedirect } from '@cles/content'

export const REDIRECTS_FILE = '_redirects'

/** Non-ASCII runs percent-encoded (UTF-8); `%` escapes already there are kept. */
const asciiUrl = (url: string) => url.replace(/[^\x21-\x7e]+/gu, (run) => encodeURIComponent(run))

const decoded = (path: string) => {
  try {
    return decodeURIComponent(path)
  } catch {
    return path
  }
}

/** True when the build answers `from` itself (a file, `from/index.html` or `from.html`): the page wins. */
function servedByBuild(out: string, from: string): boolean {
  const path = redirectKey(decoded(from))
  if (path === '/') return true
  const isFile = (file: string) => existsSync(file) && statSync(file).isFile()
  return isFile(join(out, path)) || isFile(join(out, path, 'index.html')) || isFile(join(out, `${path}.html`))
}

/** The text of `_redirects`: a comment, then one `from to 301` line per redirect. */
export function redirectsFileText(redirects: SnapshotRedirect[]): string {
  const lines = redirects.map(({ from, to }) => `${asciiUrl(from)} ${asciiUrl(to)} 301`)
  return ['# Redirections du site (CMS), écrites par @cles/site-kit : ne pas modifier à la main.', ...lines, ''].join('\n')
}

/**
 * Writes `<out>/_redirects` (always, empty when there is none). A redirect
 * whose old address is a page of this build is left out with a warning: the
 * page stays reachable on every host, whatever its redirect precedence.
 */
export async function writeRedirects(
  out: string,
  redirects: SnapshotRedirect[],
  warn: (message: string) => void,
): Promise<SnapshotRedirect[]> {
  const kept: SnapshotRedirect[] = []
  for (const redirect of redirects) {
    if (!isSafeRedirect(redirect) || redirectKey(decoded(redirect.from)) === `/${REDIRECTS_FILE}`) {
      warn(`redirection « ${redirect.from} » ignorée : adresse refusée`)
    } else if (servedByBuild(out, redirect.from)) {
      warn(
        `redirection « ${redirect.from} » → « ${redirect.to} » ignorée : cette adresse est une page du site. Supprimez la redirection ou la page dans le CMS.`,
      )
    } else kept.push(redirect)
  }
  await writeFile(join(out, REDIRECTS_FILE), redirectsFileText(kept))
  return kept
}
