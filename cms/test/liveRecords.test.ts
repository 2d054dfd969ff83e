// The publisher's record of what each live release was built from, and a
// renamed site: once the new name is live, the old name's snapshot and record
// go (so `npm start` no longer serves a frozen copy under the old name); other
// sites' files are never touched.
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { forgetOldSlugs, readLiveRecord, writeLiveRecord } from '../src/publish/liveRecords'

const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })))

function snapshots(...slugs: string[]) {
  const dir = mkdtempSync(path.join(tmpdir(), 'cles-live-records-'))
  dirs.push(dir)
  for (const slug of slugs) writeFileSync(path.join(dir, `${slug}.json`), '{}')
  return dir
}

describe('live records', () => {
  it('reads back what was written, and nothing for a site never released', async () => {
    const dir = snapshots('cles')
    await writeLiveRecord(dir, 'cles', { release: 'r1', hash: 'abc', siteId: '1' })
    expect(await readLiveRecord(dir, 'cles')).toEqual({ release: 'r1', hash: 'abc', siteId: '1' })
    expect(await readLiveRecord(dir, 'maison-de-marthe')).toBeNull()
  })

  it('a renamed site: the old slug’s snapshot and record go, the new ones and other sites stay', async () => {
    const dir = snapshots('ancien-nom', 'nouveau-nom', 'autre-site', 'sans-registre')
    await writeLiveRecord(dir, 'ancien-nom', { release: 'r1', hash: 'a', siteId: '7' })
    await writeLiveRecord(dir, 'nouveau-nom', { release: 'r2', hash: 'b', siteId: '7' })
    await writeLiveRecord(dir, 'autre-site', { release: 'r3', hash: 'c', siteId: '8' })
    expect(await forgetOldSlugs(dir, '7', 'nouveau-nom')).toEqual(['ancien-nom'])
    expect(readdirSync(dir).sort()).toEqual(
      ['.live-autre-site.json', '.live-nouveau-nom.json', 'autre-site.json', 'nouveau-nom.json', 'sans-registre.json'].sort(),
    )
    // Records written before ids were kept (no siteId) are left alone.
    writeFileSync(path.join(dir, '.live-sans-registre.json'), JSON.stringify({ release: 'r0', hash: 'z' }))
    expect(await forgetOldSlugs(dir, '7', 'nouveau-nom')).toEqual([])
    expect(existsSync(path.join(dir, 'sans-registre.json'))).toBe(true)
  })

  it('a missing snapshot folder is not an error', async () => {
    expect(await forgetOldSlugs(path.join(tmpdir(), 'cles-nowhere-0'), '1', 'cles')).toEqual([])
  })
})
