// `npm start` runs this beside the CMS: a long-lived process with its own warm
// Payload (Local API on the same database) that puts changes online.
import path from 'node:path'
import { closePayload, openPayload } from '../lib/payload'
import { cmsRoot } from '../lib/paths'
import { defaultSnapshotDir, Publisher } from '../publish/publisher'
import { publisherUrl } from '../publish/requestPublication'

const repoRoot = path.resolve(cmsRoot(), '..')
const payload = await openPayload()
// CLES_RELEASES_ROOT lets tests publish into a folder of their own instead of the repository's .releases/.
const publisher = new Publisher(payload, {
  repoRoot,
  snapshotDir: defaultSnapshotDir(repoRoot),
  releasesRoot: process.env.CLES_RELEASES_ROOT,
})
const url = new URL(publisherUrl())
await publisher.listen(Number(url.port), url.hostname)
await publisher.start()
console.log(`[publication] prêt : les modifications du CMS sont mises en ligne automatiquement (${url.origin})`)

const stop = async () => {
  await publisher.stop()
  await closePayload(payload)
  process.exit(0)
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
