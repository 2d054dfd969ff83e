// Every word of the role dashboards and of the one-click answers, French first
// (Québec usage), English for people whose admin language is English. French
// typography: a no-break space (\u00a0) inside « » and before « : ».
import type { Language } from '../when'

const fr = {
  dashboardTitle: 'Tableau de bord',
  colon: '\u00a0: ',
  quoted: (text: string) => `«\u00a0${text}\u00a0»`,
  unavailable:
    'Cette partie du tableau de bord est indisponible pour l’instant. Rechargez la page ; si le problème revient, signalez-le à l’administration du réseau.',
  noRole:
    'Votre compte n’est rattaché à aucun site pour l’instant. Demandez à l’administration du réseau de vous donner accès à votre site.',
  untitled: 'Titre à écrire',
  open: 'Ouvrir',
  seeAll: (count: number) => `Voir les ${count}`,
  // Partner staff
  proposalsTitle: 'Propositions de la CLES',
  proposalsWaiting: (count: number) =>
    count === 1 ? '1 actualité de la CLES attend votre réponse' : `${count} actualités de la CLES attendent votre réponse`,
  proposalsNone: 'Aucune proposition en attente. Les actualités que la CLES propose à votre site apparaîtront ici.',
  proposalsReadOnly: 'Seules l’administration et l’édition du site peuvent répondre aux propositions\u00a0: demandez-leur de le faire.',
  publishedOn: (when: string) => `publiée le ${when}`,
  datedOn: (when: string) => `datée du ${when}`,
  proposedBy: (site: string) => `proposée par ${site}`,
  draftsTitle: 'Brouillons de votre site',
  draftsNone: 'Aucun brouillon en cours. Pour écrire une actualité, choisissez «\u00a0Créer\u00a0» dans Actualités.',
  draftsCreate: 'Écrire une actualité',
  draftsAll: 'Tous les brouillons :',
  draftNews: 'Actualité',
  draftPage: 'Page',
  draftNewsList: 'actualités',
  draftPagesList: 'pages',
  changedOn: (when: string) => `modifié le ${when}`,
  scheduledTitle: 'Publications programmées',
  scheduledNone:
    'Rien n’est programmé. Pour programmer une publication, ouvrez un brouillon et choisissez la date dans le menu du bouton «\u00a0Publier\u00a0».',
  scheduledPublish: (when: string) => `mise en ligne prévue le ${when}`,
  scheduledUnpublish: (when: string) => `retrait prévu le ${when}`,
  siteStatusTitle: 'Publication de votre site',
  sitesStatusTitle: 'Publication des sites',
  siteNeverPublished: 'Aucune publication pour l’instant\u00a0: le site n’a pas encore été mis en ligne par ce CMS.',
  siteLiveSince: (when: string, release: string) => `En ligne depuis le ${when} (version ${release})`,
  siteLast: (state: string, when: string) => `Dernière publication\u00a0: ${state}, demandée le ${when}`,
  siteLastError: 'Raison de l’échec',
  sitesNone: 'Aucun site pour l’instant. Créez le premier dans Réseau › Sites.',
  publicationsLink: 'Voir l’historique des publications',
  // CLES communication
  recentNewsTitle: 'Actualités récentes de la CLES',
  recentNewsNone: 'Aucune actualité pour l’instant. Pour écrire la première, choisissez «\u00a0Créer\u00a0» dans Actualités.',
  statusPublished: 'publiée',
  statusDraft: 'brouillon',
  answersTitle: 'Réponses des partenaires',
  answersNone:
    'Aucune actualité proposée aux partenaires. Pour en proposer une, ouvrez-la et choisissez des sites dans «\u00a0Proposer aux sites\u00a0».',
  answersSummary: (accepted: number, declined: number, waiting: number) =>
    [
      accepted ? `${accepted} ${accepted > 1 ? 'acceptées' : 'acceptée'}` : '',
      declined ? `${declined} ${declined > 1 ? 'refusées' : 'refusée'}` : '',
      waiting ? `${waiting} sans réponse` : '',
    ]
      .filter(Boolean)
      .join(', '),
  answerAccepted: 'acceptée',
  answerDeclined: 'refusée',
  answerWaiting: 'sans réponse',
  groupAccepted: 'Acceptée par',
  groupDeclined: 'Refusée par',
  groupWaiting: 'Sans réponse de',
  draftMark: '(brouillon)',
  // Network administration
  overdueTitle: 'Ressources à revérifier',
  overdueCount: (count: number) =>
    count === 1
      ? '1 ressource à revérifier (date dépassée ou marquée périmée)'
      : `${count} ressources à revérifier (date dépassée ou marquées périmées)`,
  overdueNone: 'Aucune ressource à revérifier.',
  reviewBy: (when: string) => `à revérifier avant le ${when}`,
  outdated: 'marquée périmée : absente des sites',
  accountsTitle: 'Comptes sans accès à un site',
  accountsIntro:
    'Ces comptes n’ont ni accès à un site ni rôle dans le réseau\u00a0: ils ne peuvent rien faire. Donnez-leur un accès ou supprimez-les.',
  accountsNone: 'Tous les comptes ont un accès à un site ou un rôle dans le réseau.',
  // One-click answers
  proposalPanelTitle: 'Proposition à votre site',
  proposalAnswersTitle: 'Réponses des sites',
  accept: (site: string) => `Accepter pour ${site}`,
  decline: 'Refuser',
  declineFor: (site: string) => `Refuser pour ${site}`,
  declineInstead: 'Refuser plutôt',
  acceptInstead: 'Accepter plutôt',
  reasonLabel: 'Raison du refus (facultatif)',
  reasonHint: 'La CLES verra cette raison.',
  confirmDecline: 'Confirmer le refus',
  cancel: 'Annuler',
  sending: 'Enregistrement en cours…',
  acceptedFor: (site: string) => `Acceptée pour ${site}`,
  declinedFor: (site: string) => `Refusée pour ${site}`,
  decidedOn: (when: string) => `le ${when}`,
  decidedBy: (who: string) => `par ${who}`,
  savedAccepted: (title: string, site: string) =>
    `Réponse enregistrée\u00a0: «\u00a0${title}\u00a0» est acceptée et paraîtra sur ${site} à la prochaine publication.`,
  savedDeclined: (title: string, site: string) => `Réponse enregistrée\u00a0: «\u00a0${title}\u00a0» est refusée pour ${site}.`,
  failed: 'La réponse n’a pas pu être enregistrée. Vérifiez votre connexion, puis réessayez.',
}

const en: typeof fr = {
  dashboardTitle: 'Dashboard',
  colon: ': ',
  quoted: (text: string) => `“${text}”`,
  unavailable:
    'This part of the dashboard is unavailable right now. Reload the page; if it happens again, report it to the network administrators.',
  noRole: 'Your account has no site yet. Ask the network administrators to give you access to your site.',
  untitled: 'Title to write',
  open: 'Open',
  seeAll: (count: number) => `See all ${count}`,
  proposalsTitle: 'Proposals from CLES',
  proposalsWaiting: (count: number) => (count === 1 ? '1 CLES news item awaits your answer' : `${count} CLES news items await your answer`),
  proposalsNone: 'No proposal awaiting an answer. News that CLES proposes to your site will appear here.',
  proposalsReadOnly: 'Only the site’s administrators and editors can answer proposals: ask them to do it.',
  publishedOn: (when: string) => `published on ${when}`,
  datedOn: (when: string) => `dated ${when}`,
  proposedBy: (site: string) => `proposed by ${site}`,
  draftsTitle: 'Your site’s drafts',
  draftsNone: 'No draft in progress. To write a news item, choose “Create” under News.',
  draftsCreate: 'Write a news item',
  draftsAll: 'All drafts:',
  draftNews: 'News item',
  draftPage: 'Page',
  draftNewsList: 'news',
  draftPagesList: 'pages',
  changedOn: (when: string) => `changed on ${when}`,
  scheduledTitle: 'Scheduled publishing',
  scheduledNone: 'Nothing is scheduled. To schedule a publication, open a draft and choose the date in the “Publish” button’s menu.',
  scheduledPublish: (when: string) => `goes live on ${when}`,
  scheduledUnpublish: (when: string) => `taken down on ${when}`,
  siteStatusTitle: 'Your site’s publishing',
  sitesStatusTitle: 'Site publishing',
  siteNeverPublished: 'No publication yet: this CMS has not put the site online.',
  siteLiveSince: (when: string, release: string) => `Live since ${when} (release ${release})`,
  siteLast: (state: string, when: string) => `Last publication: ${state}, requested on ${when}`,
  siteLastError: 'Why it failed',
  sitesNone: 'No site yet. Create the first one under Network › Sites.',
  publicationsLink: 'See the publishing history',
  recentNewsTitle: 'Recent CLES news',
  recentNewsNone: 'No news yet. To write the first one, choose “Create” under News.',
  statusPublished: 'published',
  statusDraft: 'draft',
  answersTitle: 'Partner answers',
  answersNone: 'No news item proposed to partners. To propose one, open it and choose sites under “Propose to sites”.',
  answersSummary: (accepted: number, declined: number, waiting: number) =>
    [accepted ? `${accepted} accepted` : '', declined ? `${declined} declined` : '', waiting ? `${waiting} not answered` : '']
      .filter(Boolean)
      .join(', '),
  answerAccepted: 'accepted',
  answerDeclined: 'declined',
  answerWaiting: 'not answered',
  groupAccepted: 'Accepted by',
  groupDeclined: 'Declined by',
  groupWaiting: 'No answer from',
  draftMark: '(draft)',
  overdueTitle: 'Resources to review',
  overdueCount: (count: number) =>
    count === 1 ? '1 resource to review (date passed or marked outdated)' : `${count} resources to review (date passed or marked outdated)`,
  overdueNone: 'No resource to review.',
  reviewBy: (when: string) => `review by ${when}`,
  outdated: 'marked outdated: not on the sites',
  accountsTitle: 'Accounts without a site',
  accountsIntro: 'These accounts have no site and no network role: they cannot do anything. Give them access or delete them.',
  accountsNone: 'Every account has a site or a network role.',
  proposalPanelTitle: 'Proposed to your site',
  proposalAnswersTitle: 'Site answers',
  accept: (site: string) => `Accept for ${site}`,
  decline: 'Decline',
  declineFor: (site: string) => `Decline for ${site}`,
  declineInstead: 'Decline instead',
  acceptInstead: 'Accept instead',
  reasonLabel: 'Reason for declining (optional)',
  reasonHint: 'CLES will see this reason.',
  confirmDecline: 'Confirm declining',
  cancel: 'Cancel',
  sending: 'Saving…',
  acceptedFor: (site: string) => `Accepted for ${site}`,
  declinedFor: (site: string) => `Declined for ${site}`,
  decidedOn: (when: string) => `on ${when}`,
  decidedBy: (who: string) => `by ${who}`,
  savedAccepted: (title: string, site: string) =>
    `Answer saved: “${title}” is accepted and will appear on ${site} at the next publication.`,
  savedDeclined: (title: string, site: string) => `Answer saved: “${title}” is declined for ${site}.`,
  failed: 'The answer could not be saved. Check your connection, then try again.',
}

export const STRINGS = { fr, en }
export type Strings = typeof fr

export const stringsFor = (language: Language): Strings => STRINGS[language]
