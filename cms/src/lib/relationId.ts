/** The id behind a relationship value, whether Payload gave the bare id or the populated document. */
export function relationId(value: unknown): string | number | null | undefined {
  if (value && typeof value === 'object') return (value as { id?: string | number }).id
  return value as string | number | null | undefined
}

/** The ids behind one or more relationship values (single or hasMany), empty ones left out. */
export function relationIds(...values: unknown[]): (string | number)[] {
  return values
    .flatMap((value) => (Array.isArray(value) ? value.map(relationId) : [relationId(value)]))
    .filter((id): id is string | number => id !== null && id !== undefined && id !== '')
}
