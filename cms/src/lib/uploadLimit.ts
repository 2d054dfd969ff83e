// The upload size limit and its message, shared by the upload check, the
// request proxy (which must answer before Next truncates a large body) and
// the error hook.
import type { Bilingual } from './message'

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024
/** Room for the multipart envelope and the other fields around the file. */
export const MAX_UPLOAD_REQUEST_BYTES = MAX_UPLOAD_BYTES + 1024 * 1024

const MB = Math.round(MAX_UPLOAD_BYTES / 1024 / 1024)
export const TOO_LARGE: Bilingual = {
  fr: `Fichier trop lourd : la limite est de ${MB} Mo. Réduisez l’image (ou compressez le PDF) puis réessayez.`,
  en: `File too large: the limit is ${MB} MB. Make it smaller and try again.`,
}
