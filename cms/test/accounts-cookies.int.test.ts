// The session cookie under production settings, what e-mail needs there, and
// what becomes of an e-mail when no SMTP server is configured.
// The config reads NODE_ENV when it is loaded, so the production CMS runs in a
// child process (NODE_ENV=production, its own temporary SQLite file): a real
// sign-in through Payload's REST handlers, whose Set-Cookie is checked here.
import { spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { handleEndpoints } from 'payload'
import { describe, expect, it, vi } from 'vitest'
import { emailWarnings, parseFrom, publicServerURL, smtpSettings } from '../src/lib/email'
import { passwordResetsSettled } from '../src/lib/loginLimits'
import { createStaff, createTestSite, startTempCms } from './helpers/tempCms'

const cmsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

const CHILD = `
const { startTempCms } = await import(process.env.CLES_TEST_HELPER)
const cms = await startTempCms()
const { handleEndpoints } = await import('payload')
const email = 'prod@cles.example', password = 'a-long-password-1'
await cms.payload.create({ collection: 'users', data: { email, password, globalRole: 'network-admin' } })
const call = (path, init) => handleEndpoints({ config: cms.payload.config, request: new Request('http://localhost:3000/api' + path, init) })
const login = await call('/users/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) })
const { token } = await login.json()
const logout = await call('/users/logout', { method: 'POST', headers: { authorization: 'JWT ' + token } })
console.log('RESULT ' + JSON.stringify({ status: login.status, login: login.headers.get('set-cookie'), logout: logout.headers.get('set-cookie') }))
await cms.close()
`

function runProductionCms(): Promise<{ output: string; result: { status: number; login: string | null; logout: string | null } }> {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', CLES_TEST_HELPER: path.join(cmsDir, 'test/helpers/tempCms.ts') }
  for (const key of ['SMTP_HOST', 'CLES_SERVER_URL', 'DATABASE_URL', 'VITEST', 'VITEST_WORKER_ID']) delete env[key]
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', CHILD], {
      cwd: cmsDir,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (d) => (output += d))
    child.stderr.on('data', (d) => (output += d))
    child.on('error', reject)
    child.on('exit', (code) => {
      const line = output.split('\n').find((l) => l.startsWith('RESULT '))
      if (code !== 0 || !line) return reject(new Error(`le CMS de production a échoué (code ${code}) :\n${output}`))
      resolve({ output, result: JSON.parse(line.slice('RESULT '.length)) })
    })
  })
}

describe('production settings', () => {
  it('the session cookie of a sign-in (and of a sign-out) is Secure, HttpOnly and SameSite=Lax; e-mail gaps are announced in French at start', async () => {
    const { output, result } = await runProductionCms()
    expect(result.status).toBe(200)
    for (const cookie of [result.login, result.logout]) {
      expect(cookie).toMatch(/^payload-token=/)
      const attributes = cookie!.split(';').map((a) => a.trim().split('=')[0]!.toLowerCase())
      expect(attributes).toEqual(expect.arrayContaining(['secure', 'httponly', 'samesite']))
      expect(cookie).toMatch(/SameSite=Lax/)
    }
    // One clear French warning at start: no SMTP server, no public address.
    const warnings = output.split('\n').filter((l) => l.includes('ATTENTION — courriels'))
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/SMTP_HOST/)
    expect(warnings[0]).toMatch(/CLES_SERVER_URL/)
    // Payload's English « No email adapter provided » no longer shows (lib/email.ts).
    expect(output).not.toMatch(/email adapter/i)
  }, 240_000)

  it('e-mail settings come from the environment', () => {
    expect(emailWarnings({ NODE_ENV: 'development' })).toEqual([])
    expect(emailWarnings({ NODE_ENV: 'production', SMTP_HOST: 'smtp.example', CLES_SERVER_URL: 'https://cms.cles.example' })).toEqual([])
    expect(emailWarnings({ NODE_ENV: 'production', CLES_SERVER_URL: 'https://cms.cles.example' })).toHaveLength(1)
    expect(smtpSettings({})).toBeNull()
    expect(smtpSettings({ SMTP_HOST: 'smtp.example', SMTP_USER: 'u', SMTP_PASS: 'p', EMAIL_FROM: 'CLES <cms@cles.example>' })).toEqual({
      host: 'smtp.example',
      port: 587,
      secure: false,
      auth: { user: 'u', pass: 'p' },
      from: { name: 'CLES', address: 'cms@cles.example' },
    })
    expect(smtpSettings({ SMTP_HOST: 'smtp.example', SMTP_SECURE: 'true' })).toMatchObject({ port: 465, secure: true, auth: undefined })
    expect(smtpSettings({ SMTP_HOST: 'smtp.example', SMTP_PORT: '465' })).toMatchObject({ port: 465, secure: true })
    expect(() => smtpSettings({ SMTP_HOST: 'smtp.example', SMTP_PORT: 'beaucoup' })).toThrow(/SMTP_PORT/)
    expect(parseFrom('cms@cles.example')).toEqual({ name: 'CMS du réseau CLES', address: 'cms@cles.example' })
    expect(parseFrom(undefined, 'cms.cles.example').address).toBe('ne-pas-repondre@cms.cles.example')
    expect(publicServerURL({ CLES_SERVER_URL: 'https://cms.cles.example/' })).toBe('https://cms.cles.example')
    expect(publicServerURL({})).toBeUndefined()
    expect(() => publicServerURL({ CLES_SERVER_URL: 'cms.cles.example' })).toThrow(/CLES_SERVER_URL/)
  })
})

describe('e-mail without an SMTP server', () => {
  it('a password-reset e-mail becomes one French log line with its subject, never the address or the link', async () => {
    const saved = process.env.SMTP_HOST
    delete process.env.SMTP_HOST
    const cms = await startTempCms()
    try {
      expect(cms.payload.email.name).toBe('journal')
      const site = await createTestSite(cms.payload, 'sans-smtp')
      const user = await createStaff(cms.payload, 'oubli-sans-smtp@cles.example', site.id as number, 'site-editor')
      const lines: string[] = []
      const spy = vi.spyOn(cms.payload.logger, 'info').mockImplementation(((entry: unknown) => {
        lines.push(JSON.stringify(entry))
      }) as never)
      try {
        const answer = await handleEndpoints({
          config: cms.payload.config,
          request: new Request('http://localhost:3000/api/users/forgot-password', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ email: user.email }),
          }),
        })
        expect(answer.status).toBe(200)
        await passwordResetsSettled()
      } finally {
        spy.mockRestore()
      }
      const noted = lines.filter((l) => l.includes('courriel non envoyé'))
      expect(noted, lines.join('\n')).toHaveLength(1)
      expect(noted[0]).toContain('SMTP_HOST')
      expect(noted[0]).toContain('Choisir un nouveau mot de passe')
      expect(lines.join('\n')).not.toContain(user.email)
      expect(lines.join('\n')).not.toMatch(/\/admin\/reset\//)
    } finally {
      await cms.close()
      if (saved !== undefined) process.env.SMTP_HOST = saved
    }
  }, 120_000)
})
