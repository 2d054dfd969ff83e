// SQLite only: the admin lists drafts from the versions table (`_<slug>_v`,
// `latest = 1`), sorted by the collection's default sort or the column header
// the person clicked, then by `created_at`. Payload indexes each column alone,
// so SQLite took every latest row and sorted them: 60 ms per list of 20 at
// 10,000 news, still 10 to 15 ms per click on « Modifié le » or « Statut ».
// One index per list order (latest, then the sort columns) lets it read the
// first 20 rows in order and stop.
import { desc } from '@payloadcms/db-sqlite/drizzle'
import { index } from '@payloadcms/db-sqlite/drizzle/sqlite-core'
import type { SQLiteSchemaHook } from '@payloadcms/db-sqlite/types'

/**
 * Sorts of version lists (then `createdAt`): the list columns a person can sort
 * by (title is localized, in another table, and stays unindexed), and the
 * versions' own `updatedAt` the dashboard reads.
 */
const LIST_SORTS = [
  'version_publishedAt',
  'version_updatedAt',
  'version_createdAt',
  'version__status',
  'version_originSite',
  'version_site',
  'version_path',
  'updatedAt',
] as const

/**
 * Columns with few values (a status, a site): Payload breaks ties newest first
 * (`created_at desc`) whichever way the column goes, so « Statut » ascending
 * (drafts first) needs its own index; descending reads the one above backwards.
 */
const FEW_VALUES = new Set<string>(['version__status', 'version_originSite', 'version_site'])

/**
 * Columns a list filters on for every team (fields/readerSites.ts): with `latest`
 * first, counting a team's drafts reads this index alone, never the rows.
 */
const LIST_FILTERS = ['version_readerSites'] as const

export const indexVersionLists: SQLiteSchemaHook = ({ schema, extendTable }) => {
  for (const [name, table] of Object.entries(schema.tables)) {
    if (!/^_.+_v$/.test(name) || !('latest' in table) || !('createdAt' in table)) continue
    extendTable({
      table,
      extraConfig: (t) => {
        const indexes = { latestCreated: index(`${name}_latest_created_idx`).on(t.latest!, t.createdAt!) }
        for (const sort of LIST_SORTS) {
          if (!t[sort]) continue
          Object.assign(indexes, { [sort]: index(`${name}_latest_${sort}_idx`).on(t.latest!, t[sort], t.createdAt!) })
          if (FEW_VALUES.has(sort)) {
            Object.assign(indexes, {
              [`${sort}Ascending`]: index(`${name}_latest_${sort}_asc_idx`).on(t.latest!, t[sort], desc(t.createdAt!)),
            })
          }
        }
        for (const filter of LIST_FILTERS) {
          if (t[filter]) Object.assign(indexes, { [filter]: index(`${name}_latest_${filter}_idx`).on(t.latest!, t[filter]) })
        }
        return indexes
      },
    })
  }
  return schema
}
