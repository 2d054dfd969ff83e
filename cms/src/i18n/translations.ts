// The French admin's wording: labels of our own fields and collections, and
// overrides of Payload's French strings that are wrong or read poorly
// (placeholders translated by mistake, « télécharger » for upload, « lieu »
// for locale, « un(e) nouveau ou nouvelle »…). Québec usage: téléverser,
// courriel, langue (content locales are languages here).
import type { LabelFunction } from 'payload'

type Bilingual = { fr: string; en: string }

/**
 * A French / English label Payload can use everywhere. Payload passes some
 * labels straight into its own strings without translating them (sort
 * buttons, « + » buttons, dashboard cards), where a `{ fr, en }` object shows
 * up as « [object Object] »; a function is resolved to a string for the
 * admin's language before it reaches the browser. `fr` and `en` stay readable
 * on the function for server code that needs one language.
 *
 * Not for tab labels: Payload calls those without `i18n` (they would always be
 * French) and translates plain `{ fr, en }` tab labels correctly.
 */
export function tr(label: Bilingual): LabelFunction & Bilingual {
  const resolve: LabelFunction = ({ i18n }) => (i18n?.language === 'en' ? label.en : label.fr)
  return Object.assign(resolve, { fr: label.fr, en: label.en })
}

/** French overrides of Payload's translation keys, merged over `@payloadcms/translations`. */
export const translations = {
  fr: {
    authentication: {
      forgotPasswordEmailInstructions:
        'Entrez votre adresse courriel ci-dessous. Vous recevrez un courriel expliquant comment réinitialiser votre mot de passe.',
      verifyYourEmail: 'Vérifiez votre adresse courriel',
    },
    error: {
      emailOrPasswordIncorrect: 'Le courriel ou le mot de passe est incorrect.',
      localesNotSaved_one: 'La langue suivante n’a pas pu être enregistrée :',
      localesNotSaved_other: 'Les langues suivantes n’ont pas pu être enregistrées :',
      missingEmail: 'Courriel manquant.',
      unverifiedEmail: 'Veuillez confirmer votre adresse courriel avant de vous connecter.',
    },
    fields: {
      addLabel: 'Ajouter : {{label}}',
      addLink: 'Ajouter un lien',
      addNew: 'Ajouter',
      addNewLabel: 'Créer : {{label}}',
      addUpload: 'Ajouter un fichier',
      chooseFromExisting: 'Choisir parmi les fichiers existants',
      chooseLabel: 'Choisir : {{label}}',
      editLabelData: 'Modifier les données : {{label}}',
      labelRelationship: 'Relation : {{label}}',
      newLabel: 'Création : {{label}}',
      selectExistingLabel: 'Choisir parmi les existants : {{label}}',
      swapUpload: 'Changer de fichier',
      toggleBlock: 'Afficher ou masquer le bloc',
      uploadNewLabel: 'Téléverser : {{label}}',
    },
    general: {
      // The live preview beside the form; « Aperçu » alone is the button that opens a new tab.
      exitLivePreview: 'Fermer l’aperçu à côté',
      livePreview: 'Aperçu à côté du formulaire',
      addBelow: 'Ajouter en dessous',
      aboutToDelete: 'Vous êtes sur le point de supprimer « <1>{{title}}</1> » ({{label}}). Voulez-vous continuer ?',
      allLocales: 'Toutes les langues',
      ascending: 'croissant',
      clear: 'Effacer',
      copy: 'Copier',
      copying: 'Copie en cours…',
      created: 'Créé le',
      createdAt: 'Créé le',
      createNew: 'Créer',
      createNewLabel: 'Créer : {{label}}',
      creatingNewLabel: 'Création : {{label}}',
      deletedAt: 'Supprimé le',
      deletedSuccessfully: 'Suppression effectuée.',
      descending: 'décroissant',
      edit: 'Modifier',
      email: 'Courriel',
      emailAddress: 'Adresse courriel',
      fallbackToDefaultLocale: 'Utiliser la langue par défaut',
      goBack: 'Retour',
      item: 'Élément',
      items: 'éléments',
      leaveWithoutSaving: 'Quitter sans enregistrer',
      locale: 'Langue',
      locales: 'Langues',
      moving: 'Déplacement en cours…',
      newLabel: 'Création : {{label}}',
      next: 'Suivant',
      noLabel: '({{label}} : vide)',
      none: 'Aucun',
      noResults: 'Aucun résultat ({{label}}) : il n’en existe pas encore, ou aucun ne correspond aux filtres ci-dessus.',
      noResultsDescription: 'Il n’y en a pas encore, ou aucun ne correspond à la recherche et aux filtres ci-dessus.',
      perPage: 'Par page : {{limit}}',
      save: 'Enregistrer',
      saving: 'Enregistrement en cours…',
      schedulePublishFor: 'Programmer la publication de « {{title}} »',
      selectedCount: 'Sélection : {{count}} ({{label}})',
      sortByLabelDirection: 'Trier par {{label}}, ordre {{direction}}',
      successfullyCreated: 'Création enregistrée ({{label}}).',
      successfullyDuplicated: 'Copie créée ({{label}}).',
      time: 'Heure',
      titleDeleted: '« {{title}} » a été supprimé ({{label}}).',
      // The name of a document without a title yet: a form being created shows « [Nouveau document] ».
      untitled: 'Nouveau document',
      uploading: 'Téléversement en cours…',
      uploadingBulk: 'Téléversement de {{current}} sur {{total}}',
    },
    localization: {
      cannotCopySameLocale: 'Impossible de copier vers la même langue',
      copyFrom: 'Copier depuis',
      copyFromTo: 'Copier de « {{from}} » vers « {{to}} »',
      copyTo: 'Copier vers',
      copyToLocale: 'Copier vers une autre langue',
      localeToPublish: 'Langue à publier',
      selectedLocales: 'Langues choisies',
      selectLocaleToCopy: 'Choisissez la langue à copier',
      selectLocaleToDuplicate: 'Choisissez les langues à dupliquer',
    },
    // The SEO panel of news and pages (@payloadcms/plugin-seo): its own namespace.
    'plugin-seo': {
      autoGenerate: 'Remplir automatiquement',
      bestPractices: 'conseils de rédaction',
      characterCount: '{{current}} caractères sur {{minLength}} à {{maxLength}} : ',
      charactersLeftOver: 'encore {{characters}} possibles',
      charactersToGo: 'encore {{characters}} à écrire',
      charactersTooMany: '{{characters}} de trop',
      checksPassing: 'Vérifications réussies : {{current}} sur {{max}}',
      imageAutoGenerationTip: 'Le remplissage automatique reprend l’image principale choisie.',
      lengthTipDescription:
        'Idéalement de {{minLength}} à {{maxLength}} caractères : c’est le texte que les moteurs de recherche affichent sous le titre. Voir les ',
      lengthTipTitle:
        'Idéalement de {{minLength}} à {{maxLength}} caractères : c’est le titre que les moteurs de recherche et les réseaux sociaux affichent. Voir les ',
      missing: 'À remplir',
      noImage: 'Aucune image',
    },
    upload: {
      bulkUpload: 'Téléversement multiple',
      filesToUpload: 'Fichiers à téléverser',
      fileToUpload: 'Fichier à téléverser',
      pasteURL: 'Coller une adresse URL',
      selectFile: 'Choisir un fichier',
    },
    validation: {
      emailAddress: 'Entrez une adresse courriel valide.',
      enterNumber: 'Entrez un nombre valide.',
      validUploadID: 'Ce champ ne contient pas un identifiant de fichier valide.',
    },
    version: {
      aboutToRestoreGlobal: 'Vous êtes sur le point de rétablir « {{label}} » tel qu’il était le {{versionDate}}.',
      currentDraft: 'Brouillon actuel',
      currentlyViewing: 'Version affichée',
      currentPublishedVersion: 'Version publiée actuelle',
      noRowsFound: 'Aucune version trouvée ({{label}})',
      noRowsSelected: 'Aucun élément sélectionné ({{label}})',
      previousVersion: 'Version précédente',
      previouslyDraft: 'Auparavant un brouillon',
      publishAllLocales: 'Publier dans toutes les langues',
      restoredSuccessfully: 'Version restaurée.',
      selectLocales: 'Choisissez les langues à afficher',
      showLocales: 'Langues affichées :',
      unpublishedSuccessfully: 'Publication annulée.',
      viewingVersion: 'Version de « {{documentTitle}} » ({{entityLabel}})',
      viewingVersionGlobal: 'Version de {{entityLabel}}',
      viewingVersions: 'Versions de « {{documentTitle}} » ({{entityLabel}})',
      viewingVersionsGlobal: 'Versions de {{entityLabel}}',
    },
  },
}
