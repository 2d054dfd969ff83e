// Builds one site from its snapshot with Astro (the reference renderer) and
// returns the output folder; the last lines of the build log explain a failure.
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'

export class SiteBuildError extends Error {}

export function siteProjectDir(repoRoot: string, slug: string): string {
  const dir = path.join(repoRoot, 'sites', slug)
  if (!existsSync(path.join(dir, 'package.json'))) {
    throw new SiteBuildError(`le projet sites/${slug} n’existe pas : créez-le (npm run site:add -- ${slug}) avant de publier ce site`)
  }
  return dir
}

export async function buildSite(repoRoot: string, slug: string, snapshotDir: string): Promise<string> {
  const dir = siteProjectDir(repoRoot, slug)
  const name = (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name: string }).name
  const output: string[] = []
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn('pnpm', ['--filter', name, 'run', 'build'], {
      cwd: repoRoot,
      env: { ...process.env, CLES_SNAPSHOT_DIR: snapshotDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const keep = (chunk: Buffer) => output.push(...chunk.toString().split('\n').filter(Boolean).slice(-40))
    child.stdout.on('data', keep)
    child.stderr.on('data', keep)
    child.on('error', reject)
    child.on('exit', resolve)
  })
  if (code !== 0) throw new SiteBuildError(`la construction du site a échoué (code ${code}) :\n${output.slice(-15).join('\n')}`)
  return path.join(dir, 'dist')
}
