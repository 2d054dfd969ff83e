// Publishing under faults, with the publisher process as `npm start` runs it
// (a child process on this test's database) and the real cles site project:
// work queued while no publisher runs is not lost; a build that fails (here:
// stopped by the build time limit) leaves the live release and says why to the
// site's staff; a publisher killed with SIGKILL in the middle of a release
// changes nothing readers get, and once restarted finishes the work.
import { serveStatic } from '@cles/static-server'
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, readFileSync, readlinkSync } from 'node:fs'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { News, Publication, User } from '../src/payload-types'
import { createStaff, createTestSite, startTempCms, type TempCms } from './helpers/tempCms'

const cmsDir = path.resolve(import.meta.dirname, '..')
let cms: TempCms
let payload: Payload
let site: { id: number }
let editor: User
let releasesRoot: string
const running: ChildProcess[] = []

const currentLink = () => path.join(releasesRoot, '.releases', 'cles', 'current')
const liveRelease = () => (existsSync(currentLink()) ? readlinkSync(currentLink()) : null)
const releaseFile = (release: string, file: string) => readFileSync(path.join(releasesRoot, '.releases', 'cles', release, file), 'utf8')

async function until(what: string, check: () => boolean | Promise<boolean>, log: () => string, timeoutMs = 150_000) {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what} : toujours pas après ${timeoutMs / 1000} s\n${log().slice(-3000)}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

/** The publisher script in a process (and process group) of its own, on this test's database. */
async function startPublisher(env: Record<string, string> = {}) {
  const child = spawn(path.join(cmsDir, 'node_modules/.bin/tsx'), ['src/scripts/publisher.ts'], {
    cwd: cmsDir,
    env: { ...process.env, CLES_SNAPSHOT_DIR: path.join(cms.dir, 'snapshots'), CLES_RELEASES_ROOT: releasesRoot, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  running.push(child)
  let output = ''
  child.stdout?.on('data', (d) => (output += d))
  child.stderr?.on('data', (d) => (output += d))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const log = () => output
  await until('le processus de publication démarre', () => output.includes('prêt') || child.exitCode !== null, log, 90_000)
  expect(child.exitCode, output).toBeNull()
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, signal)
    await exited
  }
  return { log, stop }
}

async function publish(title: string, slug: string) {
  const data = { title, slug, excerpt: 'Résumé.', publishedAt: '2026-11-01T12:00:00.000Z', originSite: site.id, _status: 'published' }
  return payload.create({ collection: 'news', data: data as News, user: editor, overrideAccess: false })
}

async function lastPublication(): Promise<Publication | undefined> {
  const { docs } = await payload.find({
    collection: 'publications',
    where: { site: { equals: site.id } },
    sort: '-requestedAt',
    limit: 1,
    depth: 0,
  })
  return docs[0]
}

beforeAll(async () => {
  cms = await startTempCms()
  payload = cms.payload
  releasesRoot = path.join(cms.dir, 'releases')
  // Kicks go nowhere: the publishers below poll every 2 s like a publisher that missed a kick.
  process.env.CLES_PUBLISHER_URL = 'http://127.0.0.1:9'
  site = (await createTestSite(payload, 'cles', 'CLES (test)')) as { id: number }
  editor = (await createStaff(payload, 'comms@faults.example', site.id, 'site-editor')) as User
})

afterAll(async () => {
  for (const child of running) if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGKILL')
  await cms?.close()
})

let first: string
// Each test runs one or two real Astro builds of the cles site, and starts publishers.
describe('publishing under faults', { timeout: 300_000 }, () => {
  it('work queued while no publisher runs goes live when one starts: the queue is in the database', async () => {
    await publish('Premier article', 'premier-article')
    expect((await lastPublication())?.state).toBe('pending')
    const publisher = await startPublisher()
    await until('la première version est en ligne', async () => (await lastPublication())?.state === 'live', publisher.log)
    first = liveRelease()!
    expect(first).toMatch(/^\d{8}T\d{6}Z-/)
    expect(existsSync(path.join(currentLink(), 'actualites/premier-article/index.html'))).toBe(true)
    await publisher.stop()
  })

  it('a build that fails leaves the live release and tells the site’s staff what failed, in French', async () => {
    await publish('Deuxième article', 'deuxieme-article')
    // One second is far too short for an Astro build: the publisher's time limit stops it, a real build failure.
    const publisher = await startPublisher({ CLES_SITE_BUILD_TIMEOUT_MS: '1000' })
    await until('la publication échoue', async () => (await lastPublication())?.state === 'failed', publisher.log)
    await publisher.stop()
    expect(liveRelease()).toBe(first)
    expect(existsSync(path.join(currentLink(), 'actualites/deuxieme-article'))).toBe(false)
    // What the site's staff read in the admin (their own access, not the system's).
    const { docs } = await payload.find({
      collection: 'publications',
      where: { state: { equals: 'failed' } },
      user: editor,
      overrideAccess: false,
    })
    expect(docs).toHaveLength(1)
    expect(docs[0]?.error).toContain('La publication a échoué ; la version en ligne n’a pas changé.')
    expect(docs[0]?.error).toContain('la construction du site a dépassé 1 s et a été arrêtée')
    expect(docs[0]?.summary).toContain('Deuxième article')
  })

  it('a publisher killed (SIGKILL) during a release changes nothing readers get; restarted, it finishes the work', async () => {
    const server: Server = await serveStatic({ dir: currentLink(), port: 0 })
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    const seen: { path: string; status: number; body: string }[] = []
    let reading = true
    const paths = ['/', '/actualites/']
    const readers = paths.map(async (p) => {
      while (reading) {
        const response = await fetch(origin + p)
        seen.push({ path: p, status: response.status, body: await response.text() })
      }
    })
    try {
      await publish('Troisième article', 'troisieme-article')
      const killed = await startPublisher()
      await until('la publication commence', async () => (await lastPublication())?.state === 'running', killed.log)
      // Well into the export and build, before the build can finish.
      await new Promise((r) => setTimeout(r, 1500))
      await killed.stop('SIGKILL')
      expect(liveRelease()).toBe(first)

      const restarted = await startPublisher()
      expect(restarted.log()).toContain('remise(s) en attente')
      await until('la publication reprise est en ligne', async () => (await lastPublication())?.state === 'live', restarted.log)
      await new Promise((r) => setTimeout(r, 500))
      await restarted.stop()
      const second = liveRelease()!
      expect(second).not.toBe(first)
      for (const slug of ['premier-article', 'deuxieme-article', 'troisieme-article']) {
        expect(existsSync(path.join(currentLink(), `actualites/${slug}/index.html`)), slug).toBe(true)
      }
      // No build survives its publisher.
      expect(existsSync(path.join(cms.dir, 'snapshots', '.build-cles.pid'))).toBe(false)
    } finally {
      reading = false
      await Promise.all(readers)
      await new Promise((r) => server.close(r))
    }
    const second = liveRelease()!
    const files: Record<string, string> = { '/': 'index.html', '/actualites/': 'actualites/index.html' }
    const wholly = (release: string, p: string) => releaseFile(release, files[p]!)
    expect(seen.length).toBeGreaterThan(20)
    const fromOld = seen.filter((r) => r.status === 200 && r.body === wholly(first, r.path)).length
    const fromNew = seen.filter((r) => r.status === 200 && r.body === wholly(second, r.path)).length
    // Every response is one release's file, byte for byte: never an error, a mix or a half-written page.
    expect(fromOld + fromNew).toBe(seen.length)
    expect(fromOld).toBeGreaterThan(0)
    expect(fromNew).toBeGreaterThan(0)
  })
})
