// The request for the writes a hook makes beside the change itself (the
// publication queue, the audit trail, redirects, sub-pages): same user and
// transaction, but its own locale and context. Payload marks a version restore
// on `req.context` (`isRestoringVersion`, which skips default values): left on,
// every nested write with partial data failed its required fields.
import { isolateObjectProperty, type PayloadRequest } from 'payload'

export function innerReq(req: PayloadRequest): PayloadRequest {
  const inner = isolateObjectProperty(req, ['locale', 'fallbackLocale', 'context'])
  const { isRestoringVersion: _restoring, ...context } = req.context
  inner.context = context
  return inner
}
