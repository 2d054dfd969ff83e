// Every page the fixture builds produce is valid HTML for the Nu Html Checker
// (vnu.jar, the W3C validator), run once over all the built sites. Errors
// only: warnings (advice, not breakage) are allowed. Needs Java, which CI
// installs (.ci/run); without it the test fails and says what to install.
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { join, relative } from 'node:path'
import { describe, expect, inject, it } from 'vitest'
import { SITES } from './fixtureSites.ts'

const out = inject('buildDir')
const hostile = inject('hostileDir')
// The package's main export is the path of its vnu.jar.
const VNU_JAR = String(createRequire(import.meta.url)('vnu-jar'))
const JAVA = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java'

interface VnuMessage {
  type: string
  subType?: string
  url?: string
  lastLine?: number
  message: string
  extract?: string
}

function java(): string | null {
  const probe = spawnSync(JAVA, ['-version'], { encoding: 'utf8' })
  return probe.error || probe.status !== 0 ? null : JAVA
}

describe('HTML validity (Nu Html Checker)', () => {
  it('finds no error in any built page of the five sites and the hostile build', () => {
    const command = java()
    if (!command) {
      throw new Error(
        `Java introuvable (${JAVA}) : le validateur HTML vnu.jar en a besoin. Installez un JRE 11 ou plus récent ` +
          '(Debian : apt-get install default-jre-headless ; .ci/run le fait en CI) ou définissez JAVA_HOME.',
      )
    }
    const dirs = [...SITES.map((slug) => join(out, slug)), hostile]
    const run = spawnSync(command, ['-jar', VNU_JAR, '--errors-only', '--format', 'json', '--stdout', '--skip-non-html', ...dirs], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    })
    if (run.error) throw run.error
    // Exit status 1 only means "errors found"; the report says which.
    let report: { messages: VnuMessage[] }
    try {
      report = JSON.parse(run.stdout)
    } catch {
      throw new Error(`vnu.jar n’a pas rendu de rapport JSON (statut ${run.status}) :\n${run.stdout}\n${run.stderr}`)
    }
    const errors = report.messages
      .filter((m) => m.type === 'error' || m.type === 'non-document-error')
      .map((m) => {
        const file = m.url ? relative(out, decodeURI(new URL(m.url).pathname)) : '?'
        return `${file}:${m.lastLine ?? '?'} ${m.message}${m.extract ? `\n    ${m.extract.trim()}` : ''}`
      })
    expect(errors, errors.join('\n')).toEqual([])
  }, 300_000) // one JVM for a few hundred pages: about 40 s on two busy cores
})
