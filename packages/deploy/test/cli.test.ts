// The commands an operator runs on the production host: publish, rollback, nginx configs.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'

const CLI = fileURLToPath(new URL('../src/cli.mjs', import.meta.url))
const work = mkdtempSync(join(tmpdir(), 'cles-deploy-cli-'))
const run = (...args: string[]) => execFileSync(process.execPath, [CLI, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })

function build(name: string, redirects: string) {
  const dir = join(work, name)
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'index.html'), `<h1>${name}</h1>`)
  writeFileSync(join(dir, '404.html'), '<h1>introuvable</h1>')
  writeFileSync(join(dir, '_redirects'), redirects)
  return dir
}
afterAll(() => rmSync(work, { recursive: true, force: true }))

describe('cli.mjs', () => {
  it('publishes a received build as a release, writes its nginx redirects, and rolls back', () => {
    const root = join(work, 'srv')
    const out = join(work, 'nginx')
    const first = run('publish', '--root', root, '--site', 'cles', '--from', build('v1', '/a/ /b/ 301\n'), '--nginx-out', out)
    expect(first).toMatch(/cles : nouvelle version \S+ en ligne/)
    expect(first).toContain('recharger : nginx -t && nginx -s reload')
    expect(readFileSync(join(out, 'cles.redirects.map'), 'utf8')).toContain('"/a/" "/b/";')
    const v1 = readlinkSync(join(root, '.releases/cles/current'))
    run('publish', '--root', root, '--site', 'cles', '--from', build('v2', '/c/ /d/ 301\n'), '--nginx-out', out)
    expect(readFileSync(join(out, 'cles.redirects.map'), 'utf8')).not.toContain('"/a/"')
    expect(run('rollback', '--root', root, '--site', 'cles', '--nginx-out', out)).toContain(`version ${v1} en ligne`)
    expect(readFileSync(join(out, 'cles.redirects.map'), 'utf8')).toContain('"/a/" "/b/";')

    const configs = run(
      'nginx',
      '--releases',
      join(root, '.releases'),
      '--out',
      out,
      '--site',
      'cles=lacles.org,www.lacles.org',
      '--listen',
      '127.0.0.1:8080',
    )
    expect(configs).toContain('rien à recharger')
    const conf = readFileSync(join(out, 'cles.conf'), 'utf8')
    expect(conf).toContain('server_name lacles.org www.lacles.org;')
    expect(conf).toContain(`root ${join(root, '.releases/cles/current')};`)
  })

  it('explains a refused build in French, without a stack trace', () => {
    const empty = join(work, 'vide')
    mkdirSync(empty)
    const result = spawnSync(process.execPath, [CLI, 'publish', '--root', join(work, 'srv'), '--site', 'cles', '--from', empty], {
      encoding: 'utf8',
    })
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(/^✖ /)
    expect(result.stderr).not.toMatch(/\n\s+at /)
  })
})
