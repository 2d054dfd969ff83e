// A CMS server process for fault tests: Payload (the same config as `next start`,
// on DATABASE_URL and CLES_MEDIA_DIR from the environment) and its REST routes
// as Next serves them, on a loopback port. Prints « prêt <url> » once it answers,
// so a test can SIGKILL it in the middle of writes and start it again.
import { openPayload } from '../../src/lib/payload'
import { startHttpApi } from './httpApi'

const payload = await openPayload()
const api = await startHttpApi(payload)
console.log(`prêt ${api.url}`)
