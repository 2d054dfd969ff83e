import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { en } from '@payloadcms/translations/languages/en'
import { fr } from '@payloadcms/translations/languages/fr'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildConfig } from 'payload'
import sharp from 'sharp'
import { Media } from './collections/Media'
import { News } from './collections/News'
import { Sites } from './collections/Sites'
import { Users } from './collections/Users'
import { databaseAdapter } from './lib/database'
import { resolveSecret } from './lib/secret'

const dirname = path.dirname(fileURLToPath(import.meta.url))

export default buildConfig({
  admin: {
    user: Users.slug,
    // Payload's default avatar is Gravatar: a third-party request carrying a hash of the staff email.
    avatar: 'default',
    meta: { titleSuffix: ' — CMS du réseau CLES' },
    importMap: { baseDir: path.resolve(dirname) },
  },
  // Admin UI: French by default (see src/proxy.ts), English available.
  i18n: { fallbackLanguage: 'fr', supportedLanguages: { fr, en } },
  // Content: French required, English optional and falling back to French.
  localization: {
    locales: [
      { code: 'fr', label: { fr: 'Français', en: 'French' } },
      { code: 'en', label: { fr: 'Anglais', en: 'English' }, fallbackLocale: 'fr' },
    ],
    defaultLocale: 'fr',
    fallback: true,
  },
  collections: [Sites, News, Media, Users],
  editor: lexicalEditor(),
  secret: resolveSecret(),
  db: databaseAdapter(),
  sharp,
  graphQL: { disable: true },
  telemetry: false,
  typescript: { outputFile: path.resolve(dirname, 'payload-types.ts') },
})
