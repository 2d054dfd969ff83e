import type { PayloadRequest } from 'payload'

export type Bilingual = { fr: string; en: string }

/** Picks the message in the editor's admin language; French unless the UI is English. */
export function message(req: Pick<PayloadRequest, 'i18n'> | undefined, text: Bilingual): string {
  return req?.i18n?.language === 'en' ? text.en : text.fr
}
