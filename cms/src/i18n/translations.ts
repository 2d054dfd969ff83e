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
      addBelow: 'Ajouter en dessous',
      aboutToDelete: 'Vous êtes sur le point de supprimer « <1>{{title}}</1> » ({{label}}). Voulez-vous continuer ?',
      allLocales: 'Toutes les langues',
      ascending: 'croissant',
      clear: 'Effacer',
      copy: 'Copier',
      copying: 'Copie en cours…',
      createdAt: 'Créé le',
      createNew: 'Créer',
      createNewLabel: 'Créer : {{label}}',
      creatingNewLabel: 'Création : {{label}}',
      deletedAt: 'Supprimé le',
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
      noResults: 'Aucun résultat ({{label}}) : il n’en existe pas encore, ou aucun ne correspond aux filtres ci-dessus.',
      perPage: 'Par page : {{limit}}',
      save: 'Enregistrer',
      saving: 'Enregistrement en cours…',
      schedulePublishFor: 'Programmer la publication de « {{title}} »',
      selectedCount: '{{count}} {{label}} sélectionné(s)',
      sortByLabelDirection: 'Trier par {{label}}, ordre {{direction}}',
      time: 'Heure',
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
      currentDraft: 'Brouillon actuel',
      currentlyViewing: 'Version affichée',
      currentPublishedVersion: 'Version publiée actuelle',
      noRowsSelected: 'Aucun élément sélectionné ({{label}})',
      previousVersion: 'Version précédente',
      previouslyDraft: 'Auparavant un brouillon',
      publishAllLocales: 'Publier dans toutes les langues',
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
