// Every refusal reaches the person in their admin language with a 4xx status.
// Payload's error formatter recognises its errors by class name, which the
// production bundle minifies away: our French messages then came out as
// « An unknown error occurred. ». This hook runs after that formatter and puts
// back the message of every public error; database refusals become a clear 409,
// a database another process keeps locked a 503 to retry (nothing was written);
// anything else stays a 500 (a bug) with a French message that says what to do.
import type { AfterErrorHook } from 'payload'
import { message } from '../lib/message'
import { isSqliteBusy } from '../lib/sqliteBusy'
import { TOO_LARGE } from '../lib/uploadLimit'

type PayloadError = Error & { status?: number; isPublic?: boolean; data?: Record<string, unknown> | null; cause?: unknown }

const isPublic = (error: PayloadError) => error.isPublic === true || (error.isPublic !== false && !!error.status && error.status !== 500)

/** A write the database refused because other documents still point at this one (or a unique value is taken). */
function isConstraintError(error: PayloadError): boolean {
  const text = `${error.message} ${String((error.cause as { message?: string } | undefined)?.message ?? '')}`
  return /SQLITE_CONSTRAINT|FOREIGN KEY constraint|UNIQUE constraint|E11000/.test(text)
}

export const publicErrors: AfterErrorHook = ({ error, req, result }) => {
  const err = error as PayloadError
  const errors = result?.errors ?? []
  if (isPublic(err)) {
    // Validation errors keep their per-field list; others get their own message back.
    if (errors.length && errors.some((e) => 'data' in e && e.data)) return { response: result }
    return { response: { errors: [{ message: err.message, ...(err.data ? { data: err.data } : {}) }] }, status: err.status ?? 400 }
  }
  // A body larger than the proxy lets through arrives cut short.
  if (/Unexpected end of form|Request body exceeded/i.test(err.message)) {
    return { response: { errors: [{ message: message(req, TOO_LARGE) }] }, status: 413 }
  }
  if (isSqliteBusy(err)) {
    // Nothing was written (the transaction never got the database); the same save works a moment later.
    const headers = new Headers(req.responseHeaders)
    headers.set('Retry-After', '5')
    req.responseHeaders = headers
    return {
      response: {
        errors: [
          {
            message: message(req, {
              fr:
                'La base de données est occupée par une autre opération (sauvegarde, import ou publication) : rien n’a été enregistré. ' +
                'Réessayez dans quelques secondes ; ce que vous avez saisi est toujours dans le formulaire.',
              en:
                'The database is busy with another operation (backup, import or publication): nothing was saved. ' +
                'Try again in a few seconds; what you entered is still in the form.',
            }),
          },
        ],
      },
      status: 503,
    }
  }
  if (isConstraintError(err)) {
    return {
      response: {
        errors: [
          {
            message: message(req, {
              fr: 'Enregistrement refusé : d’autres contenus dépendent de ce document ou cette valeur est déjà utilisée. Rien n’a été modifié.',
              en: 'Save refused: other content depends on this document, or this value is already in use. Nothing was changed.',
            }),
          },
        ],
      },
      status: 409,
    }
  }
  return {
    response: {
      errors: [
        {
          message: message(req, {
            fr:
              'Erreur inattendue du serveur. Ce qui était déjà enregistré est conservé ; réessayez, et si l’erreur revient, signalez-la ' +
              'à l’administration du réseau.',
            en: 'Unexpected server error. What was already saved is kept; try again, and if it happens again, report it to the network administrators.',
          }),
        },
      ],
    },
    status: 500,
  }
}
