// The log module and the request path filter, without Payload: JSON shape,
// levels, the personal-data guard, readable lines, and paths that never carry
// a query string, an e-mail or a token.
import { afterEach, describe, expect, it } from 'vitest'
import { formatEntry, log, logFormat, payloadLoggerConfig, resetLogSettings, setLogWriter } from '../src/lib/log'
import { loggablePath } from '../src/lib/requestLog'

const saved = { ...process.env }
afterEach(() => {
  process.env = { ...saved }
  resetLogSettings()
})

function capture(action: () => void): string[] {
  const lines: string[] = []
  const previous = setLogWriter((line) => lines.push(line))
  try {
    action()
  } finally {
    setLogWriter(previous)
  }
  return lines
}

describe('log lines', () => {
  it('one JSON object per line: time, level, event, then the fields; undefined fields left out', () => {
    process.env.CLES_LOG_FORMAT = 'json'
    const [line, ...more] = capture(() => log('info', 'release', { msg: 'cles : version x en ligne', site: 'cles', release: undefined }))
    expect(more).toEqual([])
    expect(Object.keys(JSON.parse(line!))).toEqual(['time', 'level', 'event', 'msg', 'site'])
    expect(JSON.parse(line!)).toMatchObject({ level: 'info', event: 'release', site: 'cles' })
  })

  it('drops fields named after personal data, whatever the caller passes', () => {
    const line = formatEntry(
      'info',
      'request',
      { email: 'a@b.example', Password: 'x', ip: '203.0.113.1', body: '{}', token: 't', user: 3 },
      'json',
    )
    expect(JSON.parse(line)).toEqual({ time: expect.any(String), level: 'info', event: 'request', user: 3 })
  })

  it('writes nothing below CLES_LOG_LEVEL', () => {
    process.env.CLES_LOG_LEVEL = 'warn'
    process.env.CLES_LOG_FORMAT = 'json'
    const lines = capture(() => {
      log('debug', 'request', {})
      log('info', 'request', {})
      log('warn', 'request', {})
      log('error', 'request', {})
    })
    expect(lines.map((l) => JSON.parse(l).level)).toEqual(['warn', 'error'])
  })

  it('JSON unless asked otherwise, in development or on a terminal', () => {
    expect(logFormat({}, false)).toBe('json')
    expect(logFormat({ NODE_ENV: 'production' }, false)).toBe('json')
    expect(logFormat({}, true)).toBe('pretty')
    expect(logFormat({ NODE_ENV: 'development' }, false)).toBe('pretty')
    expect(logFormat({ CLES_LOG_FORMAT: 'json' }, true)).toBe('json')
    expect(logFormat({ CLES_LOG_FORMAT: 'pretty' }, false)).toBe('pretty')
  })

  it('readable lines keep the French message', () => {
    expect(formatEntry('error', 'release', { msg: 'cles : ÉCHEC — la construction a échoué', site: 'cles' }, 'pretty')).toMatch(
      /^\d\d:\d\d:\d\d ERROR \[release\] cles : ÉCHEC — la construction a échoué$/,
    )
    expect(formatEntry('info', 'request', { method: 'GET', path: '/api/news', status: 200, durationMs: 4.2, user: 7 }, 'pretty')).toMatch(
      /\[request\] GET \/api\/news → 200 \(4\.2 ms\) compte 7$/,
    )
  })

  it('Payload’s logger: JSON with the same keys, or its own readable output in pretty mode', () => {
    expect(payloadLoggerConfig({ CLES_LOG_FORMAT: 'pretty' })).toBeUndefined()
    const config = payloadLoggerConfig({ CLES_LOG_FORMAT: 'json', CLES_LOG_LEVEL: 'warn' })!
    expect(config.options).toMatchObject({ level: 'warn', base: { event: 'payload' }, messageKey: 'msg' })
    expect(config.options.formatters.level('info')).toEqual({ level: 'info' })
    expect(JSON.parse(`{"a":1${config.options.timestamp()}}`).time).toMatch(/^\d{4}-\d\d-\d\dT/)
  })
})

describe('request paths as logged', () => {
  it.each([
    ['http://cms.test/api/news?where[email][equals]=a@b.example', '/api/news'],
    ['http://cms.test/api/news#fragment', '/api/news'],
    ['http://cms.test/api/users/a%40b.example', '/api/users/:courriel'],
    ['http://cms.test/api/users/a@b.example/x', '/api/users/:courriel/x'],
    ['http://cms.test/api/users/verify/abc123', '/api/users/verify/:jeton'],
    ['http://cms.test/api/users/reset-password/abc', '/api/users/reset-password/:jeton'],
    ['http://cms.test/admin/reset/abc?x=1', '/admin/reset/:jeton'],
    ['http://cms.test', '/'],
    ['/api/health', '/api/health'],
  ])('%s → %s', (url, expected) => {
    expect(loggablePath(url)).toBe(expected)
  })

  it('at most 200 characters', () => {
    expect(loggablePath(`http://cms.test/api/${'x'.repeat(500)}`)).toHaveLength(201)
  })
})
