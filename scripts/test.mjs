// `npm test`: lint, format and type checks, then the whole suite through
// turbo, then one closing line that adds up every package's Vitest results
// ("N passed, N failed, N skipped").
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { run } from './lib/run.mjs'
import { root } from './lib/workspace.mjs'

const PACKAGES = [
  'cms',
  'packages/content',
  'packages/site-kit',
  'packages/static-server',
  'packages/releases',
  'packages/deploy',
  'packages/e2e',
]
const reportOf = (dir) => join(root, dir, '.vitest-report.json')
for (const dir of PACKAGES) rmSync(reportOf(dir), { force: true })

const t0 = Date.now()
let failure = null
try {
  // Checks first: they are quick, cached by turbo, and a type error is cheaper to read than the test it breaks.
  await run('turbo', ['run', 'lint', 'lint:scripts', 'typecheck', '--concurrency=2', '--output-logs=errors-only', '--continue'], {
    label: 'turbo run lint typecheck',
  })
  await run('turbo', ['run', 'test', '--concurrency=1', '--output-logs=full', ...process.argv.slice(2)], { label: 'turbo run test' })
} catch (error) {
  failure = error
}

const totals = { passed: 0, failed: 0, skipped: 0 }
const missing = []
for (const dir of PACKAGES) {
  if (!existsSync(reportOf(dir))) {
    missing.push(dir)
    continue
  }
  const report = JSON.parse(readFileSync(reportOf(dir), 'utf8'))
  totals.passed += report.numPassedTests
  totals.failed += report.numFailedTests
  totals.skipped += report.numPendingTests + report.numTodoTests
}
console.log(`\nDurée totale : ${((Date.now() - t0) / 1000).toFixed(1)} s`)
if (missing.length) console.log(`Pas de rapport (non exécuté ou interrompu) : ${missing.join(', ')}`)
if (failure) console.error(`Échec : ${failure.message}`)
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
process.exit(failure || totals.failed || missing.length ? 1 : 0)
