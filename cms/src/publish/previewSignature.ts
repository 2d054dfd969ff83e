// The CMS asks the publisher for a draft preview over loopback; the request is
// signed with a key derived from PAYLOAD_SECRET (both processes have it), so
// no other local process can have the publisher render drafts it sends.
import { createHmac, timingSafeEqual } from 'node:crypto'

export const PREVIEW_SIGNATURE_HEADER = 'x-cles-apercu-signature'

const secret = () => {
  const value = process.env.PAYLOAD_SECRET
  if (!value) throw new Error('PAYLOAD_SECRET manque : l’aperçu ne peut pas être signé')
  return value
}

export const signPreview = (body: string) => createHmac('sha256', secret()).update(`cles-apercu\n${body}`).digest('hex')

export function previewSignatureValid(body: string, signature: string | undefined): boolean {
  if (!signature) return false
  const expected = Buffer.from(signPreview(body))
  const given = Buffer.from(signature)
  return expected.length === given.length && timingSafeEqual(expected, given)
}
