// `npm start` runs this beside the CMS: a long-lived process with its own warm
// Payload (Local API on the same database) that puts changes online.
import path from 'node:path'
import { log } from '../lib/log'
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

const stop = async () => {
  log('info', 'publisher', { msg: 'arrêt demandé : la publication en cours se termine' })
  await publisher.stop()
  await closePayload(payload)
  process.exit(0)
}
// Before saying it is ready: a stop that follows at once (systemd, tests) must find the handler.
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
await publisher.start()
log('info', 'publisher', { msg: `prêt : les modifications du CMS sont mises en ligne automatiquement (${url.origin})`, listen: url.origin })
