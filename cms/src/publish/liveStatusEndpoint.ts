// GET /api/news/:id/en-ligne and /api/pages/:id/en-ligne: the « En ligne sur »
// rows of a document (documentStatus), which its sidebar asks again while a
// release is on its way, so « mise en ligne en cours » turns into « en ligne »
// without reloading the page. Signed-in staff only; a document the person
// cannot read answers the same 404 as one that does not exist.
import type { Endpoint } from 'payload'
import { message } from '../lib/message'
import { documentStatus } from './documentStatus'

const answer = (body: unknown, status = 200) => Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } })

export function liveStatusEndpoint(collection: 'news' | 'pages'): Endpoint {
  return {
    path: '/:id/en-ligne',
    method: 'get',
    handler: async (req) => {
      if (!req.user) {
        return answer(
          { errors: [{ message: message(req, { fr: 'Connectez-vous pour voir cet état.', en: 'Sign in to see this status.' }) }] },
          401,
        )
      }
      const id = String(req.routeParams?.id ?? '')
      const rows = /^\d+$/.test(id) ? await documentStatus(req, collection, id) : null
      if (!rows) return answer({ errors: [{ message: message(req, { fr: 'Document introuvable.', en: 'Document not found.' }) }] }, 404)
      return answer({ rows })
    },
  }
}
