#!/usr/bin/env node
// `pnpm run lint` in any package: ESLint with zero warnings allowed, then
// Prettier's check, over the given paths (default: the package's folder). Prettier reads ignore
// files only from the folder it runs in, so the repository's are passed here
// once instead of in every package.json.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'

function workspaceRoot(dir) {
  for (let at = dir; ; at = dirname(at)) {
    if (existsSync(join(at, 'pnpm-workspace.yaml'))) return at
    if (dirname(at) === at) throw new Error('cles-lint : racine du dépôt introuvable (pnpm-workspace.yaml)')
  }
}

const root = workspaceRoot(process.cwd())
const paths = process.argv.length > 2 ? process.argv.slice(2) : ['.']
const steps = [
  ['eslint', [...paths, '--max-warnings', '0']],
  [
    'prettier',
    [...paths, '--check', '--log-level', 'warn', '--ignore-path', join(root, '.gitignore'), '--ignore-path', join(root, '.prettierignore')],
  ],
]
for (const [command, args] of steps) {
  const { status, error } = spawnSync(command, args, { stdio: 'inherit' })
  if (error) throw error
  if (status !== 0) process.exit(status ?? 1)
}
