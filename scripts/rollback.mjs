// `npm run rollback -- <site> [version]`: put a site's previous release (or the
// named one) back online at once; `--liste` only lists its releases.
import { releases } from './lib/releases.mjs'
import { listSites } from './lib/workspace.mjs'

const [slug, wanted] = process.argv.slice(2)
const slugs = listSites().map((s) => s.slug)

async function printReleases(site) {
  const list = await releases.listReleases(site)
  if (!list.length) return console.log(`  (aucune version publiée pour ${site})`)
  for (const r of list)
    console.log(`  ${r.id}  ${r.createdAt.toLocaleString('fr-CA', { timeZone: 'America/Toronto' })}${r.current ? '  ← en ligne' : ''}`)
}

if (!slug || slug.startsWith('-')) {
  console.log(`Usage : npm run rollback -- <site> [version]
        npm run rollback -- <site> --liste

Sans version, le site revient à la version publiée juste avant celle en ligne.
Sites : ${slugs.join(', ')}`)
  process.exit(slug ? 0 : 1)
}

try {
  if (!slugs.includes(slug)) throw new Error(`site inconnu « ${slug} » (sites : ${slugs.join(', ')})`)
  if (wanted === '--liste') {
    console.log(`Versions de ${slug} (la plus récente en premier) :`)
    await printReleases(slug)
    process.exit(0)
  }
  const { from, to, changed } = await releases.rollback(slug, wanted)
  console.log(
    changed
      ? `✔ ${slug} : la version ${to} est en ligne (à la place de ${from ?? 'aucune'}). Les lecteurs la voient dès maintenant.`
      : `${slug} : la version ${to} est déjà en ligne, rien à changer.`,
  )
  console.log(`\nVersions de ${slug} :`)
  await printReleases(slug)
} catch (error) {
  console.error(`✖ ERREUR : ${error.message}`)
  if (slugs.includes(slug)) {
    console.error(`\nVersions de ${slug} :`)
    await printReleases(slug).catch(() => {})
  }
  process.exit(1)
}
