/**
 * Links we let editors store: site paths, http(s), mailto and tel. Never
 * javascript: or data:, and never a path browsers read as another host
 * (`//host`, `/\host`).
 */
export function isSafeHref(value: unknown): value is string {
  return typeof value === 'string' && /^(https?:\/\/[^\s\\]+|mailto:[^\s]+|tel:[+\d\s().-]+|\/(?![/\\])[^\s\\]*)$/i.test(value.trim())
}
