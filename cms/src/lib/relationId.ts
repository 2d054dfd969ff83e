/** The id behind a relationship value, whether Payload gave the bare id or the populated document. */
export function relationId(value: unknown): string | number | null | undefined {
  if (value && typeof value === 'object') return (value as { id?: string | number }).id
  return value as string | number | null | undefined
}
