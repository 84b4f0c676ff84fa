import type { documentsEn } from '../en/documents';
import type { Translation } from '../types';

export const documentsFr: Translation<typeof documentsEn> = {
  'documents.panel.title': 'Documents',
  'documents.panel.empty': 'Aucun document joint pour l’instant.',
  'documents.panel.loading': 'Chargement des documents…',
  'documents.panel.attach': 'Joindre un document',
  'documents.attach.title': 'Joindre un document',
  'documents.attach.choose': 'Choisir le scan ou la photo…',
  'documents.attach.noFile': 'Aucun fichier choisi.',
  'documents.attach.chosen': '{name} · {size}',
  'documents.attach.rules':
    'PDF, JPEG ou PNG, {mb} Mo au plus. Les photos sont réduites à 2000 px et perdent leur position et les données de l’appareil.',
  'documents.attach.submit': 'Joindre',
  'documents.attach.saving': 'Envoi…',
  'documents.attach.needFile': 'Choisissez d’abord un fichier.',
  'documents.field.title': 'Titre',
  'documents.field.category': 'Type de document',
  'documents.field.documentDate': 'Date du document',
  'documents.field.content': 'Fichier',
  'documents.category.referralLetter': 'Lettre de référence',
  'documents.category.labResult': 'Résultat de laboratoire',
  'documents.category.consent': 'Consentement',
  'documents.category.other': 'Autre',
  'documents.kind.pdf': 'PDF',
  'documents.size.kb': '{n} Ko',
  'documents.size.mb': '{n} Mo',
  'documents.view.close': 'Fermer',
  'documents.view.loading': 'Ouverture du document…',
  'documents.view.void': 'Annuler',
  'documents.view.pdfFallback': 'Cet ordinateur ne peut pas afficher le PDF ici.',
  'documents.void.title': 'Annuler ce document ?',
  'documents.void.explain':
    'Le document reste dans le dossier, marqué annulé, avec votre motif (par exemple : joint au mauvais patient).',
  'documents.timeline.item': 'Document : {title}',
  'documents.error.empty': 'est vide',
  'documents.error.tooLarge': 'fait {size} Mo ; la limite est de {limit} Mo',
  'documents.error.wrongType': 'est un contenu {kind}, pas un PDF, JPEG ou PNG',
  'documents.error.unknownType': 'n’est pas un fichier PDF, JPEG ou PNG',
  'documents.error.unreadable': 'est une image illisible',
  'core.documents.empty': 'Le fichier est vide. Choisissez à nouveau le document scanné ou la photo.',
  'core.documents.tooLarge':
    'Le fichier dépasse la taille maximale fixée par la structure pour les documents. Scannez-le à une résolution plus basse.',
  'core.documents.wrongType':
    'Seuls les fichiers PDF, JPEG et PNG peuvent être joints. Ce fichier est d’un autre type.',
  'core.documents.unreadableImage':
    'Cette image n’a pas pu être lue. Elle est peut-être abîmée : scannez-la ou photographiez-la à nouveau.',
  'core.documents.notFound': 'Ce document est introuvable.',
  'core.documents.voided': 'Ce document est annulé.',
  'core.documents.visitNotOfPatient': 'Cette visite n’est pas une visite de ce patient.',
};
