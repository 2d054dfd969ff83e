#!/usr/bin/env node
// Production deploy commands (see deploy/README.md). Messages in French.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { createReleaseStore } from '@cles/releases'
import { caddySiteConfig, redirectsToCaddy } from './caddy.mjs'
import { headerPlan } from './headers.mjs'
import { nginxSiteConfig, writeNginxRedirects } from './nginx.mjs'
import { cacheControlFor, IMMUTABLE_PREFIXES } from './policy.mjs'
import { syncReleaseToS3 } from './s3.mjs'

const USAGE = `Utilisation : node packages/deploy/src/cli.mjs <commande> [options]

  publish          --root DIR --site slug --from DIR [--nginx-out DIR [--reload]]
                   sur l’hôte de production : fait une version de DIR (un dist/ reçu) dans <root>/.releases/<slug>/,
                   bascule current, puis régénère les redirections nginx (et recharge nginx avec --reload)
  nginx            --releases DIR --out DIR --site slug=domaine[,autre-domaine] … [--listen ADRESSE …] [--tls-cert F --tls-key F]
                   écrit <out>/<slug>.conf (à inclure dans http { }) et <out>/<slug>.redirects.map
  rollback         --root DIR --site slug [--id VERSION] [--nginx-out DIR [--reload]]
                   remet en ligne la version précédente (ou VERSION), puis ses redirections
  nginx-redirects  --releases DIR --out DIR [--site slug …] [--reload]
                   régénère <out>/<slug>.redirects.map depuis <releases>/<slug>/current/_redirects ;
                   affiche « recharger » si nginx doit relire sa configuration (nginx -s reload)
  caddy            --releases DIR --out DIR --site slug=domaine …   (exemple non testé, voir deploy/README.md)
  s3               --release DIR --bucket NOM [--prefix P] [--endpoint URL] [--region R] [--force] [--dry-run]
                   identifiants : AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (ou la chaîne habituelle du SDK AWS)
  headers          en-têtes à configurer sur un CDN (JSON)`

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    releases: { type: 'string' },
    root: { type: 'string' },
    from: { type: 'string' },
    'nginx-out': { type: 'string' },
    reload: { type: 'boolean' },
    id: { type: 'string' },
    release: { type: 'string' },
    out: { type: 'string' },
    site: { type: 'string', multiple: true },
    listen: { type: 'string', multiple: true },
    'tls-cert': { type: 'string' },
    'tls-key': { type: 'string' },
    bucket: { type: 'string' },
    prefix: { type: 'string' },
    endpoint: { type: 'string' },
    region: { type: 'string' },
    force: { type: 'boolean' },
    'dry-run': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
})

/**
 * @param {string} message
 * @returns {never}
 */
function fail(message) {
  console.error(`✖ ${message}\n\n${USAGE}`)
  process.exit(2)
}
/**
 * @template {keyof typeof values} K
 * @param {K} name
 */
const required = (name) => values[name] ?? fail(`option --${name} manquante`)

/** `--site cles=lacles.org,www.lacles.org` → [{ slug, serverName }]. */
function sitesWithDomains() {
  const sites = (values.site ?? []).map((entry) => {
    const [slug, domains] = entry.split('=')
    if (!slug || !domains) fail(`--site attend slug=domaine, reçu « ${entry} »`)
    return { slug, serverName: domains.split(',').join(' ') }
  })
  return sites.length ? sites : fail('indiquez au moins un --site slug=domaine')
}

/**
 * Sites named with --site (domains optional), else every folder of the releases root that has `current`.
 * @param {string} releases
 * @returns {string[]}
 */
function siteSlugs(releases) {
  // `split` always returns at least one item.
  if (values.site?.length) return values.site.map((entry) => entry.split('=')[0] ?? entry)
  return readdirSync(releases, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(releases, d.name, 'current')))
    .map((d) => d.name)
}

const command = positionals[0]
if (values.help || !command) {
  console.log(USAGE)
  process.exit(command ? 0 : 2)
}

/** `nginx -t` then `nginx -s reload`: a broken config never replaces the running one. */
function reloadNginx() {
  const nginx = process.env.NGINX_PATH ?? 'nginx'
  for (const args of [['-t'], ['-s', 'reload']]) {
    const result = spawnSync(nginx, args, { stdio: 'inherit' })
    if (result.status !== 0) fail(`« ${nginx} ${args.join(' ')} » a échoué : les redirections en ligne sont celles d’avant`)
  }
  console.log('nginx rechargé')
}

try {
  if (command === 'publish' || command === 'rollback') {
    const slug = required('site')[0] ?? fail('option --site manquante')
    const releases = createReleaseStore({ root: resolve(required('root')) })
    if (command === 'publish') {
      const result = await releases.createReleaseFrom(slug, resolve(required('from')))
      console.log(
        result.created
          ? `${slug} : nouvelle version ${result.id} en ligne (${result.files} fichiers)`
          : `${slug} : inchangé, version ${result.id}`,
      )
      for (const warning of result.warnings) console.warn(`${slug} : attention, ${warning}`)
    } else {
      const result = await releases.rollback(slug, values.id)
      console.log(`${slug} : version ${result.to} en ligne (au lieu de ${result.from})`)
    }
    if (values['nginx-out']) {
      const map = await writeNginxRedirects(releases.currentPath(slug), join(resolve(values['nginx-out']), `${slug}.redirects.map`))
      console.log(`${slug} : ${map.count} redirection(s)${map.changed ? ' — mises à jour' : ' — inchangées'}`)
      for (const s of map.skipped) console.warn(`${slug} : ligne ${s.line} ignorée (${s.text}) : ${s.reason}`)
      if (map.changed && values.reload) reloadNginx()
      else if (map.changed) console.log('recharger : nginx -t && nginx -s reload')
    }
  } else if (command === 'nginx' || command === 'nginx-redirects') {
    const releases = resolve(required('releases'))
    const out = resolve(required('out'))
    await mkdir(out, { recursive: true })
    /** @type {{ slug: string, serverName?: string }[]} `serverName` only for `nginx` */
    const sites = command === 'nginx' ? sitesWithDomains() : siteSlugs(releases).map((slug) => ({ slug }))
    let reload = false
    for (const { slug, serverName } of sites) {
      const redirectsMap = join(out, `${slug}.redirects.map`)
      if (serverName) {
        const tls = values['tls-cert'] ? { certificate: values['tls-cert'], key: required('tls-key') } : undefined
        await writeFile(
          join(out, `${slug}.conf`),
          nginxSiteConfig({ slug, serverName, releasesRoot: releases, redirectsMap, listen: values.listen, tls }),
        )
        console.log(`${slug} : ${join(out, `${slug}.conf`)}`)
      }
      const result = await writeNginxRedirects(join(releases, slug, 'current'), redirectsMap)
      reload ||= result.changed
      console.log(`${slug} : ${result.count} redirection(s)${result.changed ? ' — mises à jour' : ' — inchangées'}`)
      for (const s of result.skipped) console.warn(`${slug} : ligne ${s.line} ignorée (${s.text}) : ${s.reason}`)
    }
    if (reload && values.reload) reloadNginx()
    else console.log(reload ? 'recharger : nginx -t && nginx -s reload' : 'rien à recharger')
  } else if (command === 'caddy') {
    const releases = resolve(required('releases'))
    const out = resolve(required('out'))
    await mkdir(out, { recursive: true })
    for (const { slug, serverName } of sitesWithDomains()) {
      const redirectsFile = join(out, `${slug}.redirects.caddy`)
      const source = join(releases, slug, 'current', '_redirects')
      const { text, count } = redirectsToCaddy(existsSync(source) ? await readFile(source, 'utf8') : '')
      await writeFile(redirectsFile, text)
      await writeFile(join(out, `${slug}.Caddyfile`), caddySiteConfig({ slug, serverName, releasesRoot: releases, redirectsFile }))
      console.log(`${slug} : ${join(out, `${slug}.Caddyfile`)}, ${count} redirection(s)`)
    }
  } else if (command === 's3') {
    const result = await syncReleaseToS3(resolve(required('release')), {
      bucket: required('bucket'),
      prefix: values.prefix,
      endpoint: values.endpoint,
      region: values.region,
      force: values.force,
      dryRun: values['dry-run'],
      log: (message) => console.log(message),
    })
    for (const key of result.uploaded) console.log(`  + ${key}`)
    for (const key of result.deleted) console.log(`  - ${key}`)
  } else if (command === 'headers') {
    const plan = headerPlan()
    const cache = Object.fromEntries([
      ...IMMUTABLE_PREFIXES.map((prefix) => [`${prefix}*`, cacheControlFor(prefix)]),
      ['*', cacheControlFor('/')],
    ])
    console.log(
      JSON.stringify({ everyPath: plan.common, byPath: plan.byPath, searchPaths: plan.searchPaths, cacheControl: cache }, null, 2),
    )
  } else {
    fail(`commande inconnue : ${command}`)
  }
} catch (error) {
  // ReleaseError and S3 errors carry a French or service message: no stack trace for operators.
  console.error(`✖ ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
}
