// After the build: documents (PDF) linked from the text are copied as they are
// (images went through astro:assets), then the built pages are indexed for search.
import { copyFile, mkdir } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { SnapshotRedirect, SnapshotSite } from '@cles/content'
import type { AstroIntegrationLogger } from 'astro'
import { imageStats } from '../images/service.ts'
import { indexSite } from '../searchIndex.ts'
import { writeBrandFavicon } from './favicon.ts'
import { writeRedirects } from './redirects.ts'

export async function finishBuild(
  out: string,
  snapshotDir: string,
  documents: string[],
  logger: AstroIntegrationLogger,
  redirects: SnapshotRedirect[] = [],
  site?: Pick<SnapshotSite, 'name' | 'brand'>,
) {
  let copied = 0
  for (const file of documents) {
    const source = join(snapshotDir, file)
    const target = join(out, file)
    if (!existsSync(source)) throw new Error(`[@cles/site-kit] média manquant dans l’instantané : ${source}`)
    await mkdir(dirname(target), { recursive: true })
    await copyFile(source, target)
    copied++
  }
  const images = imageStats()
  logger.info(
    `images : ${images.encoded} encodée(s), ${images.shared} reprise(s) du cache partagé entre les sites ; ${copied} document(s) copié(s)`,
  )
  const written = await writeRedirects(out, redirects, (message) => logger.warn(message))
  logger.info(`redirections : ${written.length} dans _redirects`)
  if (site && (await writeBrandFavicon(out, site))) logger.info('favicon.svg dessiné aux couleurs du site (pas de public/favicon.svg)')
  const indexed = await indexSite(out)
  logger.info(`recherche : ${indexed} page(s) indexée(s) dans pagefind/`)
}
