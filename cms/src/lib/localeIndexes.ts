// SQLite only (MongoDB keeps locales inside the document): Payload reads each
// document's localized fields with a subquery on `<table>_locales` by
// `_parent_id`, but that table's only index starts with `_locale`. SQLite then
// scans every locale row once per listed document: 20 ms of a signed-in list
// of 20 at 10,000 news. An index on `_parent_id` for every locales table
// (collections and their versions) makes it a lookup.
import { index } from '@payloadcms/db-sqlite/drizzle/sqlite-core'
import type { SQLiteSchemaHook } from '@payloadcms/db-sqlite/types'

export const indexLocalesByParent: SQLiteSchemaHook = ({ schema, extendTable }) => {
  for (const [name, table] of Object.entries(schema.tables)) {
    if (!name.endsWith('_locales') || !('_parentID' in table)) continue
    extendTable({ table, extraConfig: (t) => ({ parentIndex: index(`${name}_parent_idx`).on(t._parentID) }) })
  }
  return schema
}
