// Run as its own process beside a CMS that writes: reads the database file
// again and again (each read one WAL snapshot, as a backup's VACUUM INTO) and
// counts the news found half-written: a row without its French title or
// without its latest version. Prints one JSON line: { reads, halfWritten, example }.
// Usage: node wholeDocumentProbe.mjs <database file> <milliseconds>
import { drizzle } from '@payloadcms/db-sqlite/drizzle/libsql'

const [file, ms] = process.argv.slice(2)
const client = drizzle({ connection: { url: `file:${file}` } }).$client
await client.execute('PRAGMA busy_timeout = 5000')
const halfWritten = `
  SELECT n.id,
         EXISTS (SELECT 1 FROM news_locales l WHERE l._parent_id = n.id AND l._locale = 'fr') AS title,
         EXISTS (SELECT 1 FROM _news_v v WHERE v.parent_id = n.id AND v.latest = 1) AS version
  FROM news n
  WHERE NOT EXISTS (SELECT 1 FROM news_locales l WHERE l._parent_id = n.id AND l._locale = 'fr')
     OR NOT EXISTS (SELECT 1 FROM _news_v v WHERE v.parent_id = n.id AND v.latest = 1)
  LIMIT 1`
let reads = 0
let found = 0
let example = null
const end = Date.now() + Number(ms)
while (Date.now() < end) {
  const { rows } = await client.execute(halfWritten)
  reads++
  if (rows.length) {
    found++
    example ??= { ...rows[0] }
  }
}
client.close()
console.log(JSON.stringify({ reads, halfWritten: found, example }))
