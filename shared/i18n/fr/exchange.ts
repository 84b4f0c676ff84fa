import type { exchangeEn } from '../en/exchange';
import type { Translation } from '../types';

export const exchangeFr: Translation<typeof exchangeEn> = {
  'exchange.title': 'Exporter et importer les données',
  'exchange.nav': 'Export / import',
  'exchange.what': 'Que faire',
  'exchange.work.exportJson': 'Tout exporter (pour passer à un nouvel ordinateur)',
  'exchange.work.exportFhir': 'Exporter pour un autre système de santé (FHIR)',
  'exchange.work.researchJson': 'Exporter sans identités, pour la recherche (JSON)',
  'exchange.work.researchCsv': 'Exporter sans identités, pour la recherche (tableur CSV)',
  'exchange.work.import': 'Importer un fichier d’export CareDesk',
  'exchange.explain.exportJson':
    'Tous les dossiers de cet établissement dans un seul fichier. Gardez-le en lieu sûr : il contient des noms et des numéros de téléphone.',
  'exchange.explain.exportFhir':
    'Patients, visites, mesures, séjours en programme et diagnostics au format FHIR que lisent les autres systèmes.',
  'exchange.explain.researchJson':
    'Ni noms, ni téléphones, ni numéros d’identité, ni adresses, ni notes, ni dates de naissance. Les patients reçoivent des codes impossibles à relier à eux.',
  'exchange.explain.researchCsv':
    'Ni noms, ni téléphones, ni numéros d’identité, ni adresses, ni notes, ni dates de naissance. Les patients reçoivent des codes impossibles à relier à eux.',
  'exchange.explain.import':
    'Tout le fichier est d’abord vérifié. Puis tout est enregistré, ou rien ; les dossiers déjà présents ne sont pas ajoutés deux fois.',
  'exchange.fileToWrite': 'Fichier à écrire (chemin complet)',
  'exchange.fileToRead': 'Fichier à lire (chemin complet)',
  'exchange.otherFacility': 'Le fichier vient d’un autre établissement : réunir ses dossiers avec ceux d’ici',
  'exchange.reusableKey': 'Me donner une clé pour relier un export ultérieur à celui-ci',
  'exchange.start': 'Commencer',
  'exchange.cancel': 'Arrêter',
  'exchange.progress': '{percent} % effectué',
  'exchange.result.exported': 'Terminé : {rows} dossiers écrits dans {file}.',
  'exchange.result.research': 'Terminé : {rows} lignes sans identités écrites dans {file}.',
  'exchange.result.key': 'Clé pour un export ultérieur (gardez-la secrète) : {key}',
  'exchange.result.rebuilt':
    'Terminé : {name} a été reconstitué à partir du fichier ({added} dossiers ajoutés).',
  'exchange.result.imported':
    'Terminé : {added} dossiers ajoutés, {updated} mis à jour, {unchanged} étaient déjà là.',
};
