// SQLite refused because another connection or process holds the lock (a seed,
// a backup, a restore check) longer than the busy timeout. Read by the client
// guard (lib/database.ts), the French 503 (hooks/publicErrors.ts) and the
// backup's « is the CMS running? » probe (backup/sqlite.ts).
export function isSqliteBusy(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown; cause?: { code?: unknown; message?: unknown } } | null | undefined
  const text = [e?.code, e?.message, e?.cause?.code, e?.cause?.message].map(String).join(' ')
  return /SQLITE_BUSY|SQLITE_LOCKED|database is locked/i.test(text)
}
