import { heading, link, quote, richText } from './lexical'

export interface SeedNews {
  /** Stable key so the seed can find the item again (the slug). */
  slug: string
  origin: string
  targets: string[]
  publishedAt: string
  status: 'published' | 'draft'
  image?: number
  /** Answers of proposed sites (others stay proposed, unanswered). */
  decisions?: Record<string, 'accepted' | 'declined'>
  fr: { title: string; excerpt: string; body: ReturnType<typeof richText> }
  en?: { title: string; excerpt: string; body: ReturnType<typeof richText> }
}

const PARTNERS = ['maison-de-marthe', 'calacs-outaouais', 'calacs-agression-estrie', 'calacs-etoile-du-nord']
const DEMO = 'Contenu de démonstration : ce texte illustre le site et ne décrit pas une activité réelle.'
const DEMO_EN = 'Demo content: this text illustrates the site and does not describe a real activity.'

/** The first CLES news: the funding announcement from the seed press release. */
const funding: SeedNews = {
  slug: 'financement-recurrent-aide-sortie-prostitution',
  origin: 'cles',
  targets: PARTNERS,
  decisions: Object.fromEntries(PARTNERS.map((p) => [p, 'accepted' as const])),
  publishedAt: '2023-11-15T14:00:00.000Z',
  status: 'published',
  image: 0,
  fr: {
    title: 'Un financement récurrent de 2,75 M$ pour l’aide à la sortie de la prostitution',
    excerpt:
      'Le Secrétariat à la condition féminine accorde à la CLES un financement récurrent sur quatre ans de 2,75 M$ pour l’aide à la sortie de la prostitution.',
    body: richText(
      'MONTRÉAL, le 15 novembre 2023 — La Concertation des luttes contre l’exploitation sexuelle (CLES) est ravie d’annoncer ' +
        'l’octroi d’un financement récurrent sur quatre ans de 2,75 M$ par le Secrétariat à la condition féminine pour l’aide à ' +
        'la sortie de la prostitution. Dans un contexte où les défis sont grands et nombreux pour les organismes communautaires, ' +
        'la CLES se réjouit que l’État québécois reconnaisse son expertise et garantisse la pérennisation d’un projet d’envergure ' +
        'visant à soutenir les femmes et les filles. Cet appui financier sans précédent revêt une importance capitale pour celles ' +
        'qui souhaitent quitter l’industrie du sexe.',
      quote(
        '« En 2017, la CLES faisait figure de pionnière dans l’accompagnement à la sortie de la prostitution. C’est pour nous à ' +
          'la fois un soulagement et une joie de savoir que l’État soutient notre mission. Les ressources supplémentaires que nous ' +
          'pourrons offrir et mettre en place aideront encore plus de femmes et de filles à reconstruire leur vie. » — Bailaou ' +
          'Diallo, co-coordonnatrice à la CLES',
      ),
      heading('Quatre partenaires dans le projet'),
      'Les sommes investies permettront à la CLES et à quatre de ses partenaires — la Maison de Marthe, le CALACS de ' +
        'l’Outaouais, le CALACS Agression Estrie et le CALACS L’étoile du nord — d’élargir la portée de leurs actions pour mieux ' +
        'répondre aux besoins réels des survivantes. En 2023, on a observé une forte demande pour ce type d’aide : plus de 200 ' +
        'femmes ayant entrepris une démarche de sortie en ont bénéficié.',
      'L’accès à davantage de ressources, par exemple en matière de logement, d’emploi ou de soins de santé, est indispensable ' +
        'pour aider les survivantes à se soustraire de l’emprise de l’industrie du sexe et des violences qu’elles y subissent.',
      link('Site de la CLES', 'https://www.lacles.org/'),
    ),
  },
  en: {
    title: 'Recurring $2.75M funding to help women leave prostitution',
    excerpt:
      'Québec’s Secrétariat à la condition féminine grants CLES recurring funding of $2.75M over four years to help women leave prostitution.',
    body: richText(
      'MONTRÉAL, November 15, 2023 — The Concertation des luttes contre l’exploitation sexuelle (CLES) is pleased to announce ' +
        'recurring funding of $2.75M over four years from the Secrétariat à la condition féminine to help women leave ' +
        'prostitution.',
      'The funding will allow CLES and four partners — La Maison de Marthe, CALACS de l’Outaouais, CALACS Agression Estrie and ' +
        'CALACS L’étoile du nord — to broaden their work and better meet survivors’ real needs, such as housing, employment and ' +
        'health care.',
    ),
  },
}

interface Topic {
  slug: string
  fr: [title: string, excerpt: string, paragraph: string]
  en?: [title: string, excerpt: string, paragraph: string]
}

const topics: Topic[] = [
  {
    slug: 'heures-accueil-periode-des-fetes',
    fr: [
      'Nos heures d’accueil pendant les Fêtes',
      'L’accueil reste ouvert pendant la période des Fêtes, avec un horaire adapté.',
      'Pendant la période des Fêtes, l’équipe maintient un accueil téléphonique. Les rencontres individuelles reprennent selon ' +
        'l’horaire habituel dès le retour des vacances.',
    ],
    en: [
      'Our opening hours over the holidays',
      'We stay open over the holidays, with adjusted hours.',
      'Over the holidays, the team keeps answering the phone. One-on-one meetings resume on the usual schedule after the break.',
    ],
  },
  {
    slug: 'nouveau-groupe-de-soutien',
    fr: [
      'Un nouveau groupe de soutien commence bientôt',
      'Un groupe de soutien entre femmes, confidentiel et gratuit, accueille de nouvelles participantes.',
      'Le groupe se réunit chaque semaine pendant dix semaines. Il offre un espace confidentiel pour échanger, reprendre ' +
        'confiance et briser l’isolement. L’inscription se fait par téléphone.',
    ],
    en: [
      'A new support group starts soon',
      'A free, confidential support group for women is welcoming new participants.',
      'The group meets weekly for ten weeks. It offers a confidential space to talk, regain confidence and break isolation. Sign up by phone.',
    ],
  },
  {
    slug: 'formation-intervenantes-milieu-scolaire',
    fr: [
      'Formation offerte aux intervenantes du milieu scolaire',
      'Une formation pour reconnaître les signes d’exploitation sexuelle chez les jeunes.',
      'Cette formation d’une journée aide le personnel scolaire à reconnaître les situations de recrutement et d’exploitation, ' +
        'et à orienter les jeunes vers les bonnes ressources.',
    ],
  },
  {
    slug: 'douze-jours-action-contre-violences',
    fr: [
      '12 jours d’action contre les violences faites aux femmes',
      'Du 25 novembre au 6 décembre, nous participons aux 12 jours d’action.',
      'Chaque année, les 12 jours d’action contre les violences faites aux femmes rappellent l’ampleur des violences sexuelles. ' +
        'Plusieurs activités de sensibilisation sont prévues dans la région.',
    ],
  },
  {
    slug: 'recherche-benevoles-accueil',
    fr: [
      'Nous cherchons des bénévoles pour l’accueil',
      'Vous avez quelques heures par mois ? Joignez-vous à l’équipe d’accueil.',
      'Les bénévoles reçoivent une formation complète et sont accompagnées par l’équipe. Aucune expérience n’est requise, seulement de l’écoute et du respect.',
    ],
  },
  {
    slug: 'rapport-annuel-demandes-en-hausse',
    fr: [
      'Rapport annuel : des demandes d’aide en hausse',
      'Le rapport annuel fait état d’une hausse des demandes d’accompagnement.',
      'Les demandes d’accompagnement ont augmenté cette année, en particulier pour l’accès au logement et aux soins de santé. ' +
        'Le rapport complet est disponible sur demande.',
    ],
  },
  {
    slug: 'atelier-recours-juridiques',
    fr: [
      'Atelier d’information sur les recours juridiques',
      'Comprendre ses droits et les recours possibles, avec une avocate bénévole.',
      'L’atelier présente les recours civils et criminels, l’aide juridique et l’indemnisation des victimes. Il est gratuit et confidentiel.',
    ],
  },
  {
    slug: 'journee-portes-ouvertes',
    fr: [
      'Journée portes ouvertes',
      'Venez rencontrer l’équipe et découvrir nos services.',
      'La journée portes ouvertes s’adresse aux partenaires du milieu, aux proches et à toute personne qui veut mieux connaître nos services.',
    ],
  },
  {
    slug: 'partenariat-acces-logement',
    fr: [
      'Un nouveau partenariat pour l’accès au logement',
      'Un partenariat facilite l’accès à un logement sécuritaire pour les femmes accompagnées.',
      'Trouver un logement sécuritaire est souvent la première étape d’une sortie. Ce partenariat réserve des places et ' +
        'accompagne les démarches auprès des propriétaires.',
    ],
  },
]

const sitesOrder = ['cles', ...PARTNERS]

/** About ten published news per site, a few with English, and one draft that must never be exported. */
export function seedNews(): SeedNews[] {
  const items: SeedNews[] = [funding]
  sitesOrder.forEach((site, siteIndex) => {
    topics.forEach((topic, i) => {
      // Older than the funding announcement, so that announcement leads every home page.
      const day = new Date(Date.UTC(2023, 9, 28 - i * 9 - siteIndex, 15, 0, 0))
      const [title, excerpt, paragraph] = topic.fr
      const proposed = site === 'cles' && topic.slug === 'douze-jours-action-contre-violences'
      items.push({
        slug: topic.slug,
        origin: site,
        targets: proposed ? PARTNERS : [],
        decisions: proposed
          ? { 'maison-de-marthe': 'accepted', 'calacs-outaouais': 'accepted', 'calacs-agression-estrie': 'declined' }
          : undefined,
        publishedAt: day.toISOString(),
        status: 'published',
        image: i % 3 === 0 ? (siteIndex + i) % 3 : undefined,
        fr: { title, excerpt, body: richText(paragraph, DEMO) },
        en: topic.en && { title: topic.en[0], excerpt: topic.en[1], body: richText(topic.en[2], DEMO_EN) },
      })
    })
  })
  items.push({
    slug: 'brouillon-bilan-campagne',
    origin: 'cles',
    targets: PARTNERS,
    publishedAt: '2026-11-20T15:00:00.000Z',
    status: 'draft',
    fr: {
      title: 'Brouillon : bilan de la campagne (non publié)',
      excerpt: 'Ce brouillon ne doit apparaître sur aucun site.',
      body: richText('Texte de travail, non publié.'),
    },
  })
  return items
}
