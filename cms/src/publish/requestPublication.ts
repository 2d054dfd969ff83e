// Adds a change to each affected site's pending publication (or opens one), in
// the same transaction as the change itself, then wakes the publisher.
import type { PayloadRequest } from 'payload'
import { innerReq } from '../lib/innerReq'

type Id = string | number

export interface PublicationReason {
  text: string
  collection: string
  document: string
}

/** Reasons kept per pending publication: enough to say what is going live. */
export const MAX_REASONS = 50

export async function requestPublication(changeReq: PayloadRequest, sites: Id[], reason: PublicationReason): Promise<void> {
  const req = innerReq(changeReq)
  const entry = { ...reason, by: req.user?.id ?? null, at: new Date().toISOString() }
  for (const site of sites) {
    const pending = await req.payload.find({
      collection: 'publications',
      where: { and: [{ site: { equals: site } }, { state: { equals: 'pending' } }] },
      depth: 0,
      limit: 1,
      overrideAccess: true,
      req,
    })
    const open = pending.docs[0]
    if (open) {
      const reasons = [...(open.reasons ?? []), entry].slice(-MAX_REASONS)
      await req.payload.update({
        collection: 'publications',
        id: open.id,
        data: { reasons, summary: summaryOf(reasons) },
        overrideAccess: true,
        req,
        depth: 0,
      })
    } else {
      await req.payload.create({
        collection: 'publications',
        data: { site: site as number, state: 'pending', requestedAt: entry.at, reasons: [entry], summary: summaryOf([entry]) },
        overrideAccess: true,
        req,
        depth: 0,
      })
    }
  }
  if (sites.length) kickPublisher()
}

export const summaryOf = (reasons: { text?: string | null }[]) =>
  reasons.length === 1 ? (reasons[0]!.text ?? '') : `${reasons.at(-1)?.text ?? ''} (+ ${reasons.length - 1} autre(s) modification(s))`

/** Where the publisher listens (loopback); it also polls, so a missed kick only costs a second or two. */
export const publisherUrl = () => process.env.CLES_PUBLISHER_URL ?? 'http://127.0.0.1:3001'

function kickPublisher() {
  // After the response: the change may not be committed yet, and the publisher re-checks shortly after.
  setTimeout(() => {
    fetch(`${publisherUrl()}/kick`, { method: 'POST', signal: AbortSignal.timeout(1000) }).catch(() => {})
  }, 0)
}
