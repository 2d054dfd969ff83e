// Lighthouse mobile scores (default mobile emulation and throttling) for a list
// of URLs, one after another in a single Debian Chromium, with every request
// off loopback recorded so a page reaching the internet shows up as a finding.
import lighthouse from 'lighthouse'
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../packages/e2e/src/chromium.mjs'

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo']

const FLAGS = [
  ...CHROMIUM_FLAGS,
  // No DNS for any name: the browser cannot reach the internet even if a page asks
  // (the attempt still appears in the DevTools log and is reported).
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
]

// chrome-launcher is a dependency of lighthouse, not of the root package: fall back to lighthouse's own tree.
async function loadChromeLauncher() {
  try {
    return await import('chrome-launcher')
  } catch {
    const fromLighthouse = createRequire(createRequire(import.meta.url).resolve('lighthouse/package.json'))
    return import(pathToFileURL(fromLighthouse.resolve('chrome-launcher')).href)
  }
}

const isLoopback = (url) => {
  const { protocol, hostname } = new URL(url)
  if (!/^(https?|wss?):$/.test(protocol)) return true // data:, blob:, about:, chrome: never leave the machine
  return hostname === 'localhost' || hostname === '[::1]' || /^127\./.test(hostname)
}

/** Every URL the page requested that is not on loopback, from the DevTools protocol log. */
function outsideRequests(devtoolsLog = []) {
  const urls = new Set()
  for (const { method, params } of devtoolsLog) {
    const url = method === 'Network.requestWillBeSent' ? params.request?.url : method === 'Network.webSocketCreated' ? params.url : null
    if (url && !isLoopback(url)) urls.add(url)
  }
  return [...urls]
}

// Where an audit failed (a URL or an element, with the message when there is one), a few rows at most,
// so the printout says why; rows without a location are advice text, left to the full report.
const MAX_ITEMS = 3
function itemsOf(audit) {
  const items = Array.isArray(audit.details?.items) ? audit.details.items : []
  return items
    .map((item) => {
      const where = item.sourceLocation?.url ?? item.url ?? item.node?.selector ?? item.node?.snippet
      if (typeof where !== 'string' || !where) return null
      // Layout shifts list their causes (unsized image, web font …) as sub-items.
      const causes = (item.subItems?.items ?? []).map((sub) => `${sub.cause ?? ''} ${sub.extra?.value ?? sub.extra?.selector ?? ''}`.trim())
      return [item.description, where, causes.length ? `causes : ${causes.join(' ; ')}` : null]
        .filter((v) => typeof v === 'string' && v)
        .join(' — ')
        .slice(0, 300)
    })
    .filter(Boolean)
    .slice(0, MAX_ITEMS)
}

// Metric audits carry no rows; these diagnostics say what caused the metric.
const EXPLAINED_BY = { 'cumulative-layout-shift': 'layout-shifts' }

/** Audits that lower a category: scored, score below 1 (weighted ones first). */
function failingAudits(lhr, categoryId) {
  return lhr.categories[categoryId].auditRefs
    .map((ref) => ({ ref, audit: lhr.audits[ref.id] }))
    .filter(
      ({ audit }) =>
        audit &&
        typeof audit.score === 'number' &&
        audit.score < 1 &&
        !['manual', 'informative', 'notApplicable'].includes(audit.scoreDisplayMode),
    )
    .sort((a, b) => b.ref.weight - a.ref.weight)
    .map(({ ref, audit }) => ({
      category: categoryId,
      id: ref.id,
      score: audit.score,
      weight: ref.weight,
      title: audit.title,
      displayValue: audit.displayValue ?? '',
      items: itemsOf(lhr.audits[EXPLAINED_BY[ref.id]] ?? audit),
    }))
}

/** One Lighthouse run, retried once when its trace fails to record (NO_NAVSTART and the like: Lighthouse's problem, not the page's). */
async function runOnce(url, options) {
  let run = await lighthouse(url, options)
  if (run?.lhr.runtimeError) {
    const first = run.lhr.runtimeError.code
    run = await lighthouse(url, options)
    run.lhr.runWarnings = [...(run.lhr.runWarnings ?? []), `premier essai en erreur (${first}), relancé une fois`]
  }
  return run
}

const scoresOf = (lhr) =>
  Object.fromEntries(
    CATEGORIES.map((id) => [id, typeof lhr.categories[id]?.score === 'number' ? Math.round(lhr.categories[id].score * 100) : null]),
  )

/**
 * @typedef {{ category: string, id: string, score: number, weight: number, title: string, displayValue: string, items: string[] }} FailingAudit
 * @typedef {{ url: string, scores: Record<string, number|null>, performanceRuns: Array<number|null>, failing: FailingAudit[],
 *   outside: string[], warnings: string[], error: string|null, benchmarkIndex: number|null }} PageAudit
 */
/**
 * Runs Lighthouse on each URL in turn, `runs` times, and keeps the median run
 * by performance score, as Lighthouse's own docs advise: on a shared machine
 * one run's blocking time swings with the neighbours' load.
 * @param {string[]} urls
 * @param {{ chromePath?: string, locale?: string, runs?: number }} [options]
 * @returns {Promise<PageAudit[]>}
 */
export async function lighthouseScores(urls, { chromePath = CHROMIUM_PATH, locale = 'fr', runs = 3 } = {}) {
  const { launch } = await loadChromeLauncher()
  const chrome = await launch({ chromePath, chromeFlags: FLAGS, logLevel: 'silent' })
  const options = { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES, locale }
  const results = []
  try {
    for (const url of urls) {
      const done = []
      try {
        for (let i = 0; i < runs; i++) done.push(await runOnce(url, options))
      } catch (error) {
        // One page failing must not hide the others' figures.
        results.push({
          url,
          scores: Object.fromEntries(CATEGORIES.map((id) => [id, null])),
          performanceRuns: [],
          failing: [],
          outside: [],
          warnings: [],
          error: error.message,
          benchmarkIndex: null,
        })
        continue
      }
      const performance = (run) => scoresOf(run.lhr).performance ?? -1
      const median = [...done].sort((a, b) => performance(a) - performance(b))[Math.floor(done.length / 2)]
      const { lhr } = median
      const scores = scoresOf(lhr)
      results.push({
        url,
        scores,
        performanceRuns: done.map((run) => scoresOf(run.lhr).performance),
        failing: CATEGORIES.filter((id) => scores[id] !== null && scores[id] < 100).flatMap((id) => failingAudits(lhr, id)),
        // A request off loopback in any run is a finding.
        outside: [...new Set(done.flatMap((run) => outsideRequests(run.artifacts?.DevtoolsLog)))],
        warnings: done.flatMap((run) => run.lhr.runWarnings ?? []),
        error: lhr.runtimeError ? `${lhr.runtimeError.code}: ${lhr.runtimeError.message}` : null,
        // Lighthouse's own CPU benchmark: low or scattered values mean a busy machine and noisy perf scores.
        benchmarkIndex: lhr.environment?.benchmarkIndex ?? null,
      })
    }
  } finally {
    await chrome.kill()
  }
  return results
}
