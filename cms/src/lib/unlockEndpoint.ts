// POST /api/users/unlock, replacing Payload's: only network admins unlock any
// account, site admins the accounts of their sites (access.unlock), and the
// answer never tells whether an e-mail belongs to an account. Payload's own
// handler answers 200 for a known account and 403 for an unknown one.
import { addDataAndFileToRequest, type Endpoint, type PayloadRequest } from 'payload'
import { unlockUsers } from '../access/users'
import { message } from './message'

const refused = (req: PayloadRequest) =>
  Response.json(
    {
      errors: [
        {
          message: message(req, {
            fr: 'Seules l’administration du réseau et les administratrices de site (pour les comptes de leur site) peuvent déverrouiller un compte.',
            en: 'Only network administrators, and site administrators for the accounts of their site, can unlock an account.',
          }),
        },
      ],
    },
    { status: 403 },
  )

export const unlockEndpoint: Endpoint = {
  path: '/unlock',
  method: 'post',
  handler: async (req) => {
    await addDataAndFileToRequest(req)
    if (!req.user || !(await unlockUsers({ req }))) return refused(req)
    const email = typeof req.data?.email === 'string' ? req.data.email.trim() : ''
    if (!email) {
      return Response.json(
        {
          errors: [
            {
              message: message(req, {
                fr: 'Indiquez le courriel du compte à déverrouiller.',
                en: 'Enter the e-mail of the account to unlock.',
              }),
            },
          ],
        },
        { status: 400 },
      )
    }
    try {
      await req.payload.unlock({ collection: 'users', data: { email } as never, overrideAccess: false, req })
    } catch (error) {
      // Unknown, or not an account this person may unlock: answered like a success.
      if ((error as { status?: number }).status !== 403) throw error
    }
    return Response.json(
      {
        message: message(req, {
          fr: 'Si ce courriel correspond à un compte que vous gérez, ce compte est déverrouillé.',
          en: 'If this e-mail belongs to an account you manage, that account is unlocked.',
        }),
      },
      { status: 200 },
    )
  },
}
