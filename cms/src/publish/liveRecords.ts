// Which snapshot (by hash) each site's live release was built from: one small
// file per site beside the snapshots (`.live-<slug>.json`), with the site's id.
// The id shows a renamed site: the old slug's snapshot and record go once the
// new name is live, so `npm start` stops serving a frozen copy under the old name.
import { snapshotFile } from '@cles/content'
import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'

export interface LiveRecord {
  release: string
  hash: string
  siteId?: string
  /** false after a quick release (incrementalRelease.ts) until its search index follows. */
  searchIndexed?: boolean
}

const RECORD = /^\.live-(.+)\.json$/
const recordFile = (snapshotDir: string, slug: string) => path.join(snapshotDir, `.live-${slug}.json`)

export async function readLiveRecord(snapshotDir: string, slug: string): Promise<LiveRecord | null> {
  try {
    return JSON.parse(await readFile(recordFile(snapshotDir, slug), 'utf8')) as LiveRecord
  } catch {
    return null
  }
}

/** Written aside and renamed: a reader (the health check, the admin's status) never sees half a record. */
export async function writeLiveRecord(snapshotDir: string, slug: string, record: LiveRecord): Promise<void> {
  const file = recordFile(snapshotDir, slug)
  await writeFile(`${file}.${process.pid}.tmp`, JSON.stringify(record))
  await rename(`${file}.${process.pid}.tmp`, file)
}

/** Slugs of every site with a live record. */
export async function recordedSlugs(snapshotDir: string): Promise<string[]> {
  const names = await readdir(snapshotDir).catch(() => [] as string[])
  return names.flatMap((name) => RECORD.exec(name)?.[1] ?? [])
}

/** Removes the snapshot and record of every other slug this site was released under; returns those slugs. */
export async function forgetOldSlugs(snapshotDir: string, siteId: string, slug: string): Promise<string[]> {
  const forgotten: string[] = []
  for (const old of await recordedSlugs(snapshotDir)) {
    if (old === slug) continue
    const record = await readLiveRecord(snapshotDir, old)
    if (record?.siteId !== siteId) continue
    await rm(snapshotFile(snapshotDir, old), { force: true })
    await rm(recordFile(snapshotDir, old), { force: true })
    forgotten.push(old)
  }
  return forgotten
}
