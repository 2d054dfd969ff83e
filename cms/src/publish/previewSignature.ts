// The CMS asks the publisher for a draft preview over loopback; the request is
// signed with Payload's secret (`payload.secret`, derived from PAYLOAD_SECRET,
// or from the development secret in cms/.env: both processes open the same
// config), so no other local process can have the publisher render drafts it sends.
import { createHmac, timingSafeEqual } from 'node:crypto'

export const PREVIEW_SIGNATURE_HEADER = 'x-cles-apercu-signature'

export const signPreview = (secret: string, body: string) => createHmac('sha256', secret).update(`cles-apercu\n${body}`).digest('hex')

export function previewSignatureValid(secret: string, body: string, signature: string | undefined): boolean {
  if (!signature) return false
  const expected = Buffer.from(signPreview(secret, body))
  const given = Buffer.from(signature)
  return expected.length === given.length && timingSafeEqual(expected, given)
}
