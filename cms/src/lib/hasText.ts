/** Whether a field holds words (not nothing, not only spaces): an English title that counts. */
export const hasText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== ''
