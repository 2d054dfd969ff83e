// Demo pages, resources, categories and redirects for every site.
import { heading, internalLink, richText, upload } from './lexical'

export const seedCategories = [
  { slug: 'financement', fr: 'Financement', en: 'Funding' },
  { slug: 'services', fr: 'Services', en: 'Services' },
  { slug: 'sensibilisation', fr: 'Sensibilisation', en: 'Awareness' },
  { slug: 'vie-associative', fr: 'Vie associative', en: 'Community life' },
]

/** Topic slug → category slug, used when seeding news. */
export const categoryOfTopic: Record<string, string> = {
  'financement-recurrent-aide-sortie-prostitution': 'financement',
  'heures-accueil-periode-des-fetes': 'services',
  'nouveau-groupe-de-soutien': 'services',
  'formation-intervenantes-milieu-scolaire': 'sensibilisation',
  'douze-jours-action-contre-violences': 'sensibilisation',
  'recherche-benevoles-accueil': 'vie-associative',
  'rapport-annuel-demandes-en-hausse': 'vie-associative',
  'atelier-recours-juridiques': 'services',
  'journee-portes-ouvertes': 'vie-associative',
  'partenariat-acces-logement': 'services',
}

/** Ids the seed knows once media and news exist, for content that links to them. */
export interface SeedRefs {
  /** The site's demo image N. */
  image: (index: number) => string | number
  /** The CLES funding news. */
  fundingNews: string | number
}

export interface SeedPage {
  slug: string
  parent?: string
  title: { fr: string; en?: string }
  layout: (refs: SeedRefs) => Record<string, unknown>[]
}

export const seedPages: SeedPage[] = [
  {
    slug: 'services',
    title: { fr: 'Nos services', en: 'Our services' },
    layout: () => [
      {
        blockType: 'richText',
        content: richText(
          'Tous nos services sont gratuits et confidentiels. Vous n’avez pas à donner votre nom.',
          'Contenu de démonstration.',
        ),
      },
      { blockType: 'helpLineCard', heading: 'Besoin de parler maintenant ?' },
    ],
  },
  {
    slug: 'accompagnement',
    parent: 'services',
    title: { fr: 'Accompagnement individuel' },
    layout: (refs) => [
      {
        blockType: 'richText',
        content: richText(
          heading('Un accompagnement à votre rythme'),
          'Une intervenante vous accompagne dans vos démarches : logement, santé, justice, emploi.',
          upload(refs.image(1)),
          internalLink('Ce service est financé par le Secrétariat à la condition féminine.', 'news', refs.fundingNews),
          'Contenu de démonstration.',
        ),
      },
      { blockType: 'resourcesList', heading: 'Ressources en logement', category: 'housing' },
      {
        blockType: 'faq',
        items: [
          {
            question: 'Dois-je porter plainte pour être aidée ?',
            answer: 'Non. Vous décidez de vos démarches ; l’aide ne dépend pas d’une plainte.',
          },
          { question: 'Est-ce que c’est payant ?', answer: 'Non, nos services sont gratuits.' },
        ],
      },
      { blockType: 'callToAction', text: 'Vous voulez en parler ?', links: [{ label: 'Nous joindre', url: '/a-propos/' }] },
    ],
  },
]

export interface SeedResource {
  key: string
  name: { fr: string; en: string }
  category: string
  description: { fr: string; en: string }
  phone?: string
  website?: string
  regions: string[]
  hours?: { fr: string; en: string }
  /** 'all' or site slugs. */
  sites: 'all' | string[]
  /** Days from today until the next review (negative: overdue). */
  reviewInDays: number
}

export const seedResources: SeedResource[] = [
  {
    key: 'info-aide-violence-sexuelle',
    name: { fr: 'Info-aide violence sexuelle', en: 'Sexual violence help line' },
    category: 'help-line',
    description: {
      fr: 'Ligne d’écoute provinciale pour les victimes d’agression sexuelle, leurs proches et les intervenantes.',
      en: 'Province-wide line for survivors of sexual assault, their loved ones and workers.',
    },
    phone: '1 888 933-9007',
    regions: ['quebec'],
    hours: { fr: '24 h sur 24, 7 jours sur 7', en: '24/7' },
    sites: 'all',
    reviewInDays: 120,
  },
  {
    key: 'sos-violence-conjugale',
    name: { fr: 'SOS violence conjugale', en: 'SOS violence conjugale' },
    category: 'help-line',
    description: {
      fr: 'Ligne d’écoute et de référence en violence conjugale, y compris vers les maisons d’hébergement.',
      en: 'Help and referral line for intimate partner violence, including shelters.',
    },
    phone: '1 800 363-9010',
    regions: ['quebec'],
    hours: { fr: '24 h sur 24, 7 jours sur 7', en: '24/7' },
    sites: 'all',
    reviewInDays: 90,
  },
  {
    key: 'info-sante-811',
    name: { fr: 'Info-Santé 811', en: 'Info-Santé 811' },
    category: 'health',
    description: {
      fr: 'Conseils d’une infirmière au téléphone et orientation vers les soins.',
      en: 'Advice from a nurse by phone and guidance to care.',
    },
    phone: '811',
    regions: ['quebec'],
    hours: { fr: '24 h sur 24', en: '24/7' },
    sites: 'all',
    reviewInDays: 200,
  },
  {
    key: 'logement-transition-demo',
    name: { fr: 'Logement de transition (démo)', en: 'Transitional housing (demo)' },
    category: 'housing',
    description: {
      fr: 'Ressource de démonstration : logement temporaire pour les femmes en démarche de sortie.',
      en: 'Demo resource: temporary housing for women leaving prostitution.',
    },
    phone: '555-0101 (démo)',
    regions: ['montreal'],
    sites: ['cles', 'maison-de-marthe'],
    reviewInDays: -10,
  },
  {
    key: 'clinique-juridique-demo',
    name: { fr: 'Clinique juridique (démo)', en: 'Legal clinic (demo)' },
    category: 'legal',
    description: { fr: 'Ressource de démonstration : information juridique gratuite.', en: 'Demo resource: free legal information.' },
    regions: ['outaouais', 'estrie'],
    sites: ['calacs-outaouais', 'calacs-agression-estrie'],
    reviewInDays: 30,
  },
  {
    key: 'retour-emploi-demo',
    name: { fr: 'Programme de retour à l’emploi (démo)', en: 'Back-to-work programme (demo)' },
    category: 'employment',
    description: { fr: 'Ressource de démonstration : accompagnement vers l’emploi.', en: 'Demo resource: support towards employment.' },
    regions: ['cote-nord'],
    sites: ['calacs-etoile-du-nord', 'cles'],
    reviewInDays: -40,
  },
]
