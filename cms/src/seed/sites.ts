// The five organisations. Names are real (from the press release); domains other
// than lacles.org and all contact details are unknown to us, so they are demo values.
export interface SeedSite {
  slug: string
  name: string
  domain: string
  isHub: boolean
  tagline: { fr: string; en: string }
  brand: { primary: string; accent: string; background: string; text: string }
  /** One of the self-hosted font sets (see the Sites collection). */
  font: 'system' | 'atkinson-hyperlegible' | 'source-sans-3'
}

/** Provincial lines every site shows in its help-lines settings (seeded by index.ts in both languages). */
export const sharedHelpLines = [
  { label: { fr: 'Urgence', en: 'Emergency' }, phone: '911', hours: { fr: '24 h sur 24', en: '24/7' } },
  {
    label: { fr: 'Info-aide violence sexuelle', en: 'Sexual violence help line' },
    phone: '1 888 933-9007',
    hours: { fr: '24 h sur 24, gratuit et confidentiel', en: '24/7, free and confidential' },
  },
]

/** Contact details we do not know: clearly marked as demo values. */
export const demoContact = (name: string) => ({
  phone: '555-0100 (démo)',
  email: 'info@exemple.org',
  address: 'Adresse confidentielle — donnée de démonstration',
  note: { fr: `Coordonnées de démonstration : ${name} les remplacera.`, en: `Demo contact details: ${name} will replace them.` },
})

export const seedSites: SeedSite[] = [
  {
    slug: 'cles',
    name: 'Concertation des luttes contre l’exploitation sexuelle',
    domain: 'lacles.org',
    isHub: true,
    tagline: {
      fr: 'Ensemble contre l’exploitation sexuelle des femmes et des filles',
      en: 'Together against the sexual exploitation of women and girls',
    },
    brand: { primary: '#5b2a86', accent: '#8a1f4f', background: '#ffffff', text: '#1d1d1f' },
    font: 'system',
  },
  {
    slug: 'maison-de-marthe',
    name: 'La Maison de Marthe',
    domain: 'maison-de-marthe.example',
    isHub: false,
    tagline: { fr: 'Accompagner la sortie de la prostitution', en: 'Supporting women leaving prostitution' },
    brand: { primary: '#1f5f5b', accent: '#8a3b12', background: '#ffffff', text: '#1d1d1f' },
    font: 'atkinson-hyperlegible',
  },
  {
    slug: 'calacs-outaouais',
    name: 'CALACS de l’Outaouais',
    domain: 'calacs-outaouais.example',
    isHub: false,
    tagline: { fr: 'Aide et lutte contre les agressions à caractère sexuel', en: 'Help and action against sexual assault' },
    brand: { primary: '#7a1f3d', accent: '#1d5c8c', background: '#ffffff', text: '#1d1d1f' },
    font: 'system',
  },
  {
    slug: 'calacs-agression-estrie',
    name: 'CALACS Agression Estrie',
    domain: 'calacs-agression-estrie.example',
    isHub: false,
    tagline: { fr: 'Aide et lutte contre les agressions à caractère sexuel', en: 'Help and action against sexual assault' },
    brand: { primary: '#2d4f8b', accent: '#8b2d5a', background: '#ffffff', text: '#1d1d1f' },
    font: 'source-sans-3',
  },
  {
    slug: 'calacs-etoile-du-nord',
    name: 'CALACS L’étoile du nord',
    domain: 'calacs-etoile-du-nord.example',
    isHub: false,
    tagline: { fr: 'Aide et lutte contre les agressions à caractère sexuel', en: 'Help and action against sexual assault' },
    brand: { primary: '#1e3a5f', accent: '#9a5b00', background: '#ffffff', text: '#1d1d1f' },
    font: 'system',
  },
]
