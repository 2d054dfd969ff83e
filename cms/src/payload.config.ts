import { en } from '@payloadcms/translations/languages/en'
import { fr } from '@payloadcms/translations/languages/fr'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildConfig } from 'payload'
import sharp from 'sharp'
import { AuditLog } from './collections/AuditLog'
import { Categories } from './collections/Categories'
import { Media } from './collections/Media'
import { News } from './collections/News'
import { Pages } from './collections/Pages'
import { Publications } from './collections/Publications'
import { Redirects } from './collections/Redirects'
import { Resources } from './collections/Resources'
import { Sites } from './collections/Sites'
import { SyndicationDecisions } from './collections/SyndicationDecisions'
import { Users } from './collections/Users'
import { plugins } from './plugins'
import { isNetworkAdminRequest } from './access/isNetworkAdmin'
import { secureLockedDocuments } from './access/lockedDocuments'
import { publicErrors } from './hooks/publicErrors'
import { databaseAdapter } from './lib/database'
import { emailAdapter, publicServerURL, warnAboutEmail } from './lib/email'
import { healthEndpoint } from './lib/health'
import { previewEndpoints } from './publish/previewEndpoints'
import { logJobs } from './lib/jobLog'
import { scheduleMediaSweeps } from './lib/mediaStorage'
import { payloadLoggerConfig } from './lib/log'
import { recordAuthenticatedIds } from './lib/requestLog'
import { trustedOrigins } from './lib/origins'
import { resolveSecret } from './lib/secret'
import { richTextEditor } from './fields/richTextEditor'
import { translations } from './i18n/translations'
import { DATE_TIME_FORMAT } from './fields/dateTime'

const dirname = path.dirname(fileURLToPath(import.meta.url))

// Document locks are a collection Payload adds while building the config (after
// plugins), open to any signed-in account: their access is set on the result.
export default buildConfig({
  admin: {
    user: Users.slug,
    // Payload's default avatar is Gravatar: a third-party request carrying a hash of the staff email.
    avatar: 'default',
    // The network's name and mark in the tab, link previews and bookmarks, never Payload's.
    meta: {
      titleSuffix: ' — CMS du réseau CLES',
      description: 'Gestion des sites du réseau CLES',
      icons: [{ rel: 'icon', type: 'image/svg+xml', url: '/cles-icon.svg' }],
      openGraph: { siteName: 'CMS du réseau CLES', description: 'Gestion des sites du réseau CLES' },
      defaultOGImageType: 'off',
    },
    // « 30 novembre 2026, 15 h 00 » in lists and headers (fields/dateTime.ts).
    dateFormat: DATE_TIME_FORMAT,
    // Scheduled publications are set in the network's time, whatever the computer's time zone.
    timezones: {
      defaultTimezone: 'America/Toronto',
      supportedTimezones: [{ label: 'Heure de l’Est (Montréal)', value: 'America/Toronto' }],
    },
    importMap: { baseDir: path.resolve(dirname) },
    components: {
      // The first screen by role (proposals to answer, drafts, answers, site status), above the collection links.
      views: { dashboard: { Component: '@/components/dashboard/DashboardView#DashboardView' } },
      // The network's logo on the sign-in screen and its mark in the top bar (components/Brand.tsx).
      graphics: { Logo: '@/components/Brand#Logo', Icon: '@/components/Brand#Icon' },
      // French names for the few controls Payload names in English only (components/HardCodedStrings.tsx),
      // dates in the admin's language from the first drawing (components/DatePickerLanguage.tsx).
      providers: ['@/components/HardCodedStrings#HardCodedStrings', '@/components/DatePickerLanguage#DatePickerLanguage'],
    },
  },
  // Admin UI: French by default (see src/proxy.ts), English available.
  i18n: { fallbackLanguage: 'fr', supportedLanguages: { fr, en }, translations },
  // Content: French required, English optional and falling back to French.
  localization: {
    locales: [
      { code: 'fr', label: { fr: 'Français', en: 'French' } },
      { code: 'en', label: { fr: 'Anglais', en: 'English' }, fallbackLocale: 'fr' },
    ],
    defaultLocale: 'fr',
    fallback: true,
  },
  collections: [News, SyndicationDecisions, Pages, Media, Categories, Resources, Sites, Redirects, Users, Publications, AuditLog],
  plugins,
  // The CMS's public address (CLES_SERVER_URL): links in e-mails point there.
  ...(publicServerURL() ? { serverURL: publicServerURL() } : {}),
  // Session cookies count only from the CMS's own pages (lib/origins.ts).
  csrf: trustedOrigins(),
  // SMTP from the environment (lib/email.ts); without SMTP_HOST, Payload's console
  // fallback, announced at start in production.
  email: emailAdapter(),
  onInit: (payload) => {
    warnAboutEmail(payload)
    // The request log names the staff account Payload served (its id only, lib/requestLog.ts).
    recordAuthenticatedIds(payload)
    // Files of interrupted or failed uploads (lib/mediaStorage.ts); scripts skip it (CLES_MEDIA_SWEEP=0).
    scheduleMediaSweeps(payload)
  },
  // GET /api/health for the reverse proxy and monitors (lib/health.ts).
  endpoints: [healthEndpoint, ...previewEndpoints],
  // Payload's own lines as JSON like ours, or its readable default with CLES_LOG_FORMAT=pretty (lib/log.ts).
  logger: payloadLoggerConfig(),
  // Refusals reach people in their language with a 4xx status (see the hook).
  hooks: { afterError: [publicErrors] },
  // Scheduled publish / unpublish runs in the CMS process through the jobs queue.
  // Scripts and tests set CLES_DISABLE_JOBS=1 so no timer keeps them alive.
  jobs: {
    autoRun: () => (process.env.CLES_DISABLE_JOBS === '1' ? [] : [{ cron: '* * * * *', queue: 'default' }]),
    // The jobs endpoints run, queue and cancel scheduled work: network admins only
    // (the CMS itself runs the queue; editors schedule through the publish button).
    access: { run: isNetworkAdminRequest, queue: isNetworkAdminRequest, cancel: isNetworkAdminRequest },
  },
  editor: richTextEditor,
  secret: resolveSecret(),
  db: databaseAdapter(),
  sharp,
  graphQL: { disable: true },
  telemetry: false,
  typescript: { outputFile: path.resolve(dirname, 'payload-types.ts') },
})
  .then(secureLockedDocuments)
  // One log line per job run (scheduled publish / unpublish).
  .then(logJobs)
