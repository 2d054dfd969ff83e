// Seed documents exist in both locales: created in French (the default
// locale, where required fields are checked), then completed in English.
import type { CollectionSlug, DataFromCollectionSlug, File, Payload, RequiredDataFromCollectionSlug } from 'payload'
import { system } from './system'

type EnglishData<TSlug extends CollectionSlug> = Partial<RequiredDataFromCollectionSlug<TSlug>>

export interface BilingualDoc<TSlug extends CollectionSlug> {
  collection: TSlug
  /** The whole document, French values in localized fields. */
  fr: RequiredDataFromCollectionSlug<TSlug>
  /**
   * The English values. A function receives the French document, for arrays
   * whose rows must keep their ids; nothing leaves the document French only.
   */
  en?: EnglishData<TSlug> | ((created: DataFromCollectionSlug<TSlug>) => EnglishData<TSlug>)
  /** Versioned collections: both locales saved as a draft rather than published. */
  draft?: boolean
  /** Uploads: the file, sent with the French version only. */
  file?: File
}

export async function createBilingual<TSlug extends CollectionSlug>(
  payload: Payload,
  { collection, fr, en, draft, file }: BilingualDoc<TSlug>,
): Promise<DataFromCollectionSlug<TSlug>> {
  // Payload's option types depend on the concrete slug (drafts or not), which TypeScript cannot resolve for a generic one.
  const created = (await payload.create({
    ...system,
    collection,
    locale: 'fr',
    draft,
    data: fr as never,
    file,
  })) as DataFromCollectionSlug<TSlug>
  const english = typeof en === 'function' ? en(created) : en
  if (english) await payload.update({ ...system, collection, id: created.id, locale: 'en', draft, data: english as never })
  return created
}
