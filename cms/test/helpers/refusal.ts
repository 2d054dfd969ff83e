// What a refused Local API call threw, for tests that check *which* refusal it
// was (Payload's Forbidden / NotFound, or one of our hooks' APIErrors) rather
// than « something threw ».
export interface Refusal {
  /** Error class name: 'Forbidden', 'NotFound', 'APIError', 'ValidationError'… */
  name: string
  status: number | undefined
  message: string
}

/** Resolves to the error the call threw; fails the test when the call succeeded. */
export async function refusalOf(call: Promise<unknown>): Promise<Refusal> {
  let result: unknown
  try {
    result = await call
  } catch (error) {
    const e = error as Error & { status?: number }
    return { name: e.name, status: e.status, message: e.message }
  }
  throw new Error(`appel accepté alors qu’un refus était attendu : ${JSON.stringify(result).slice(0, 200)}`)
}

/** Payload's answer when access control says no to the operation itself. */
export const FORBIDDEN = { name: 'Forbidden', status: 403 } as const
/** Payload's answer when access control hides the document (or it does not exist). */
export const NOT_FOUND = { name: 'NotFound', status: 404 } as const
