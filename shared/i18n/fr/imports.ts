import type { importsEn } from '../en/imports';
import type { Translation } from '../types';

export const importsFr: Translation<typeof importsEn> = {
  'imports.title': 'Importer des patients depuis un fichier CSV',
  'imports.explain':
    'Utilisez le modèle (un patient par ligne). Chaque ligne est d’abord vérifiée ; rien n’est enregistré avant votre confirmation, puis toutes les lignes sont enregistrées, ou aucune.',
  'imports.template': 'Télécharger le modèle',
  'imports.choose': 'Choisir un fichier CSV',
  'imports.summary': '{rows} lignes : {valid} sans erreur, {errors} erreurs.',
  'imports.errors': 'Erreurs',
  'imports.row': 'Ligne',
  'imports.column': 'Colonne',
  'imports.problem': 'Problème',
  'imports.duplicates': '{n} lignes ressemblent à des patients déjà enregistrés',
  'imports.duplicateRow': 'Ligne {row} :',
  'imports.sameAsRow': 'même personne que la ligne {row}.',
  'imports.skipDuplicates': 'Écarter ces lignes',
  'imports.importDuplicates': 'Les enregistrer quand même (ce sont d’autres personnes)',
  'imports.preview': 'Aperçu',
  'imports.confirm': 'Importer {n} patients',
  'imports.done': '{n} patients importés ({first} … {last}) ; {skipped} lignes écartées.',

  'imports.error.sex': 'doit être M ou F',
  'imports.error.date': 'doit être une vraie date comme 2023-04-15 ou 15/04/2023',
  'imports.error.yesNo': 'doit être oui ou non',
  'imports.error.ageYears': 'est obligatoire avec age_months',
  'imports.error.exampleRow': 'est la ligne d’exemple du modèle : supprimez-la',
  'imports.error.unknownColumn':
    'n’est pas une colonne connue de CareDesk : renommez-la comme dans le modèle, ou supprimez-la',
  'imports.error.twice': 'apparaît deux fois dans l’en-tête',
  'imports.error.missingColumn': 'colonne manquante',
  'imports.error.missingBirth': 'colonne manquante (ou indiquez age_years)',
  'imports.error.empty': 'le fichier est vide',
  'imports.error.noRows': 'le fichier a un en-tête mais aucun patient',
  'imports.error.tooMany': 'le fichier a {rows} lignes ; importez au plus {max} à la fois',
  'imports.error.quote': 'une cellule entre guillemets n’est jamais fermée (il manque un ")',
  'imports.error.hasErrors': 'contient {n} erreur(s) ; la première est à la ligne {row}',
  'imports.error.duplicates': 'doit indiquer s’il faut importer ou écarter les doublons présumés',
  'imports.error.hashMismatch': 'ne correspond pas au fichier',
  'imports.error.hash': 'doit être l’empreinte (fileHash) de l’aperçu',
  'imports.error.csvEmpty': 'est vide : choisissez un fichier CSV',
  'imports.error.csvTooLarge': 'est trop volumineux (plus de 5 Mo) : découpez-le en fichiers plus petits',
};
