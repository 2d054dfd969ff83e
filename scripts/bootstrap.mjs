#!/usr/bin/env node
// Toolchain bootstrap: plain Node, no dependencies, works on Node 20.
// Usage: node scripts/bootstrap.mjs <command> [args...]
// Makes sure a recent Node (>= 22.12) and the pinned pnpm are available,
// installs workspace dependencies only when manifests or the lockfile changed,
// then runs <command> with that Node and pnpm first on PATH.
import { spawnSync, spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { dirname, join, delimiter } from 'node:path'
import { fileURLToPath } from 'node:url'

const started = Date.now()
const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const toolsDir = join(root, '.tools')
const rootManifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
const { node: nodeVersion, minNode } = rootManifest.toolchain
const pnpmVersion = rootManifest.packageManager.replace(/^pnpm@/, '')

const say = (msg) => console.log(`[bootstrap] ${msg}`)
const fail = (msg) => {
  console.error(`[bootstrap] ERREUR : ${msg}`)
  process.exit(1)
}

function versionAtLeast(actual, wanted) {
  const a = actual.split('.').map(Number)
  const w = wanted.split('.').map(Number)
  for (let i = 0; i < 3; i++) {
    if ((a[i] ?? 0) !== (w[i] ?? 0)) return (a[i] ?? 0) > (w[i] ?? 0)
  }
  return true
}

// Installs one npm package into its own folder under .tools, once.
function npmInstallTool(folder, spec, probe) {
  const prefix = join(toolsDir, folder)
  if (existsSync(join(prefix, probe))) return prefix
  say(`installation de ${spec} depuis le registre npm dans .tools/${folder} …`)
  mkdirSync(prefix, { recursive: true })
  writeFileSync(join(prefix, 'package.json'), '{"private":true}\n')
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
  const result = spawnSync(
    npm,
    [
      'install',
      '--prefix',
      prefix,
      '--no-save',
      '--no-package-lock',
      '--ignore-scripts',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      spec,
    ],
    { stdio: 'inherit', shell: process.platform === 'win32' },
  )
  if (result.status !== 0 || !existsSync(join(prefix, probe))) {
    fail(`impossible d'installer ${spec} (npm a échoué). Vérifiez l'accès au registre npm puis relancez.`)
  }
  return prefix
}

function resolveNode() {
  if (versionAtLeast(process.versions.node, minNode)) {
    return { binDir: dirname(process.execPath), label: `Node ${process.versions.node} du système` }
  }
  const pkg = `node-${process.platform}-${process.arch}`
  const binRel = join('node_modules', pkg, 'bin', process.platform === 'win32' ? 'node.exe' : 'node')
  const prefix = npmInstallTool(`node-${nodeVersion}`, `${pkg}@${nodeVersion}`, binRel)
  return { binDir: dirname(join(prefix, binRel)), label: `Node ${nodeVersion} (.tools, le système a ${process.versions.node})` }
}

function resolvePnpm() {
  const prefix = npmInstallTool(`pnpm-${pnpmVersion}`, `pnpm@${pnpmVersion}`, join('node_modules', 'pnpm', 'bin', 'pnpm.cjs'))
  return join(prefix, 'node_modules', '.bin')
}

// Workspace manifests: the root one plus every package matched by pnpm-workspace.yaml (dir or dir/*).
function workspaceManifests() {
  const files = ['package.json', 'pnpm-lock.yaml', 'pnpm-workspace.yaml']
  const yaml = readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8')
  const block = yaml.split(/^packages:\s*$/m)[1] ?? ''
  for (const line of block.split('\n')) {
    const m = line.match(/^\s+-\s+['"]?([^'"#]+?)['"]?\s*$/)
    if (!m) {
      if (/^\S/.test(line)) break
      continue
    }
    const pattern = m[1]
    const dirs = pattern.endsWith('/*')
      ? readdirSync(join(root, pattern.slice(0, -2)), { withFileTypes: true })
          .filter((d) => d.isDirectory())
          .map((d) => join(pattern.slice(0, -2), d.name))
      : [pattern]
    for (const dir of dirs) {
      if (existsSync(join(root, dir, 'package.json'))) files.push(join(dir, 'package.json'))
    }
  }
  return files.sort()
}

function installStamp(nodeBinDir) {
  const hash = createHash('sha256')
  hash.update(`pnpm ${pnpmVersion}\n${nodeBinDir}\n`)
  for (const file of workspaceManifests()) {
    hash.update(`${file}\n`)
    hash.update(existsSync(join(root, file)) ? readFileSync(join(root, file)) : '')
  }
  return hash.digest('hex')
}

const [command, ...args] = process.argv.slice(2)
if (!command) fail('usage : node scripts/bootstrap.mjs <commande> [arguments…]')

const node = resolveNode()
const pnpmBin = resolvePnpm()
const env = {
  ...process.env,
  PATH: [node.binDir, pnpmBin, join(root, 'node_modules', '.bin'), process.env.PATH].join(delimiter),
  ASTRO_TELEMETRY_DISABLED: '1',
  NEXT_TELEMETRY_DISABLED: '1',
  TURBO_TELEMETRY_DISABLED: '1',
  DO_NOT_TRACK: '1',
}
say(`${node.label}, pnpm ${pnpmVersion}`)

const stampFile = join(root, 'node_modules', '.cles-install-stamp')
const stamp = installStamp(node.binDir)
if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) {
  say('dépendances à jour, aucune installation nécessaire')
} else {
  say('installation des dépendances (pnpm install --frozen-lockfile) …')
  const t0 = Date.now()
  const result = spawnSync('pnpm', ['install', '--frozen-lockfile'], {
    cwd: root,
    env,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  })
  if (result.status !== 0) fail("pnpm install a échoué ; corrigez l'erreur ci-dessus puis relancez.")
  writeFileSync(stampFile, stamp)
  say(`dépendances installées en ${((Date.now() - t0) / 1000).toFixed(1)} s`)
}
say(`prêt en ${((Date.now() - started) / 1000).toFixed(2)} s → ${[command, ...args].join(' ')}`)

// Hand over to the real command; forward Ctrl+C / SIGTERM and its exit code.
const child = spawn(command, args, { cwd: root, env, stdio: 'inherit', shell: process.platform === 'win32' })
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal))
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
