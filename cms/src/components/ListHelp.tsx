// Above each list: what to do first when the list is empty, and the
// ready-made filters people look for (resources to review, items without an
// English version, site by site). Counts are read as the signed-in person, so
// nobody learns about documents they cannot open.
import { createLocalReq, type PayloadRequest, type Where } from 'payload'
import { actingSites, isNetworkAdminUser, WRITERS } from '../access/roles'
import { listUrl, resourcesToReviewWhere, withoutEnglishWhere } from '../lib/listFilters'
import { languageOf, type Language } from './when'

type Text = Record<Language, string>

/** What to do first, per collection, when nothing exists yet. */
const FIRST_STEP: Record<string, Text> = {
  news: {
    fr:
      'Aucune actualité pour l’instant. Choisissez « Créer » : écrivez un titre et le texte, puis « Publier » quand ' +
      'elle est prête (le brouillon s’enregistre tout seul).',
    en: 'No news yet. Choose “Create”: write a title and the text, then “Publish” when it is ready (the draft saves itself).',
  },
  pages: {
    fr:
      'Aucune page pour l’instant. Créez d’abord une page principale (par exemple « Nos services ») et publiez-la, ' +
      'puis ajoutez-la au menu du site (Sites → Menus et référencement). Ses sous-pages se rangent sous elle grâce au ' +
      'champ « Page parente ».',
    en:
      'No pages yet. First create a main page (for example “Our services”) and publish it, then add it to the site ' +
      'menu (Sites → Menus and SEO). Its sub-pages go under it through the “Parent page” field.',
  },
  media: {
    fr: 'Aucun fichier pour l’instant. Choisissez « Créer » pour téléverser une image ou un document, puis décrivez l’image dans « Texte alternatif ».',
    en: 'No files yet. Choose “Create” to upload an image or a document, then describe the image under “Alternative text”.',
  },
  resources: {
    fr:
      'Le répertoire d’aide est vide. Ajoutez une ressource : son nom, le besoin auquel elle répond, un téléphone ou ' +
      'un site web, et la date à laquelle revérifier ces informations.',
    en: 'The help directory is empty. Add a resource: its name, the need it meets, a phone number or a website, and the date to check the information again.',
  },
  'syndication-decisions': {
    fr:
      'Aucune proposition reçue pour l’instant. Quand la CLES propose une actualité à votre site, elle apparaît sur ' +
      'votre tableau de bord, avec les boutons pour l’accepter ou la refuser.',
    en: 'No proposals received yet. When CLES proposes a news item to your site, it appears on your dashboard, with the buttons to accept or decline it.',
  },
  redirects: {
    fr:
      'Aucune redirection. Le CMS en ajoute une tout seul quand l’adresse d’une page publiée change. Créez-en une ' +
      'pour qu’une adresse de votre ancien site mène à la bonne page.',
    en:
      'No redirects. The CMS adds one by itself when the address of a published page changes. Create one so that an ' +
      'address of your former site leads to the right page.',
  },
  categories: {
    fr: 'Aucune catégorie. Créez les thèmes qui regroupent les actualités (par exemple « Campagnes » ou « Vie de l’organisme »).',
    en: 'No categories. Create the themes that group the news (for example “Campaigns” or “Life of the organisation”).',
  },
  publications: {
    fr: 'Rien n’a encore été mis en ligne. Chaque publication d’un contenu apparaîtra ici, site par site, avec son état.',
    en: 'Nothing has gone live yet. Each publication will appear here, site by site, with its state.',
  },
  sites: {
    fr: 'Aucun site. Créez le premier : nom de l’organisme, domaine public et page neutre du bouton « Quitter ce site ».',
    en: 'No sites. Create the first one: organisation name, public domain and the neutral page of the “Leave this site” button.',
  },
  users: {
    fr: 'Aucun compte. Créez un compte par personne, puis donnez-lui un rôle sur son site dans « Accès par site ».',
    en: 'No accounts. Create one account per person, then give them a role on their site under “Site memberships”.',
  },
  'audit-log': {
    fr: 'Le journal est vide : il se remplit tout seul à chaque publication, suppression ou changement de rôle.',
    en: 'The trail is empty: it fills itself at every publication, deletion or role change.',
  },
}

const TEXT = {
  fr: {
    filters: 'Filtres rapides',
    toReview: 'Ressources à revoir',
    toReviewHint: 'date de vérification passée ou marquées périmées',
    withoutEnglish: 'Sans version anglaise',
    withoutEnglishHint: 'une version anglaise est facultative',
    all: 'Tout afficher',
  },
  en: {
    filters: 'Quick filters',
    toReview: 'Resources to review',
    toReviewHint: 'review date passed or marked outdated',
    withoutEnglish: 'Without an English version',
    withoutEnglishHint: 'an English version is optional',
    all: 'Show all',
  },
} as const

/** Per-site links up to this many sites; beyond, one link for all (the list's site filter does the rest). */
const MAX_SITE_LINKS = 12

interface ListHelpProps {
  collectionConfig?: { slug: string }
  collectionSlug?: string
  data?: { totalDocs?: number }
  searchParams?: Record<string, unknown>
  i18n?: { language?: string }
  payload?: PayloadRequest['payload']
  user?: PayloadRequest['user']
}

const linkStyle = { marginInlineEnd: 'var(--base)' } as const

async function count(props: ListHelpProps, collection: 'news' | 'pages' | 'resources', where: Where): Promise<number | null> {
  try {
    const { totalDocs } = await props.payload!.count({ collection, where, overrideAccess: false, user: props.user ?? undefined })
    return totalDocs
  } catch {
    return null
  }
}

async function siteLinks(props: ListHelpProps, collection: 'news' | 'pages', language: Language) {
  const { payload, user } = props
  if (!payload || !user) return []
  const field = collection === 'news' ? 'originSite' : 'site'
  const admin = payload.config.routes.admin
  const req = await createLocalReq({ user }, payload)
  const named = (where?: { id: { in: (string | number)[] } }, limit = MAX_SITE_LINKS + 1) =>
    payload.find({
      collection: 'sites',
      ...(where ? { where } : {}),
      depth: 0,
      limit,
      sort: 'name',
      select: { name: true },
      overrideAccess: true,
    })
  // Network admins: every site (names read once); others: the sites they work on.
  const acting = isNetworkAdminUser(user) ? null : await actingSites(req, WRITERS)
  if (acting?.length === 0) return []
  const { docs: sites } = await named(acting ? { id: { in: acting } } : undefined, acting ? acting.length : MAX_SITE_LINKS + 1)
  if (sites.length === 0) return []
  if (sites.length > MAX_SITE_LINKS) {
    const total = await count(props, collection, withoutEnglishWhere())
    return [{ key: 'all', href: listUrl(admin, collection, withoutEnglishWhere()), label: TEXT[language].withoutEnglish, total }]
  }
  return Promise.all(
    sites.map(async (site) => {
      const where = withoutEnglishWhere({ field, id: site.id })
      return {
        key: String(site.id),
        href: listUrl(admin, collection, where),
        label: site.name,
        total: await count(props, collection, where),
      }
    }),
  )
}

export async function ListHelp(props: ListHelpProps) {
  const slug = props.collectionConfig?.slug ?? props.collectionSlug ?? ''
  const language = languageOf(props.i18n)
  const text = TEXT[language]
  const filtered = Boolean(props.searchParams?.where) || Boolean(props.searchParams?.search)
  const empty = props.data?.totalDocs === 0 && !filtered && FIRST_STEP[slug]
  const admin = props.payload?.config.routes.admin ?? '/admin'

  let filters: { key: string; href: string; label: string; total: number | null }[] = []
  let hint = ''
  try {
    if (slug === 'resources') {
      const where = resourcesToReviewWhere()
      const total = await count(props, 'resources', where)
      filters = [{ key: 'review', href: listUrl(admin, 'resources', where), label: `${text.toReview} — ${text.toReviewHint}`, total }]
      hint = text.filters
    } else if (slug === 'news' || slug === 'pages') {
      filters = await siteLinks(props, slug, language)
      hint = `${text.withoutEnglish} (${text.withoutEnglishHint})`
    }
  } catch (error) {
    // A help, never a reason for the list not to open.
    props.payload?.logger.error({ err: error, msg: `Filtres rapides indisponibles (${slug})` })
    filters = []
  }

  if (!empty && filters.length === 0) return null
  return (
    <div className="cles-list-help" style={{ marginBottom: 'var(--base)' }}>
      {empty ? (
        <p className="cles-list-help__first-step" style={{ fontSize: '1rem', maxWidth: '60rem' }}>
          {FIRST_STEP[slug]![language]}
        </p>
      ) : null}
      {filters.length > 0 ? (
        <nav aria-label={text.filters} className="cles-list-help__filters">
          <span style={linkStyle}>{hint} :</span>
          {filters.map((filter) => (
            <a key={filter.key} href={filter.href} style={linkStyle} data-list-filter={filter.key}>
              {filter.label}
              {filter.total === null ? '' : ` (${filter.total})`}
            </a>
          ))}
          {filtered ? (
            <a href={`${admin}/collections/${slug}`} style={linkStyle}>
              {text.all}
            </a>
          ) : null}
        </nav>
      ) : null}
    </div>
  )
}
