import type { syncEn } from '../en/sync';
import type { Translation } from '../types';

export const syncFr: Translation<typeof syncEn> = {
  'sync.menu': 'Serveur central (synchronisation)',
  'sync.title': 'Serveur central (synchronisation)',
  'sync.now': 'Synchroniser',
  'sync.lastPush': 'Dernier envoi : {time}',
  'sync.lastPushNever': 'Jamais envoyé',
  'sync.waiting': '{count} en attente',
  'sync.rejectedCount': '{count} mis de côté',
  'sync.pushing': 'Envoi…',
  'sync.allSent': 'Tout est envoyé.',
  'sync.error.unreachable': 'Le serveur central est injoignable. CareDesk réessaie de lui-même.',
  'sync.error.refused':
    'Le serveur central a refusé cet établissement. Demandez au district de vérifier son inscription.',
  'sync.error.notEnrolled': 'Non relié à un serveur central.',
  'sync.error.other': 'Le dernier envoi n’est pas passé. CareDesk réessaie de lui-même.',
  'sync.serverUrl': 'Adresse du serveur',
  'sync.serverUrlHint': 'Donnée par le district, p. ex. https://district.example.org',
  'sync.code': 'Code d’inscription',
  'sync.codeHint': 'Le code à usage unique imprimé par le district pour cet établissement',
  'sync.enrol': 'Inscrire cet établissement',
  'sync.enrolled': 'Inscrit comme {name} ({code}).',
  'sync.server': 'Serveur : {url}',
  'sync.store.keychain': 'L’identifiant de l’établissement est gardé dans le trousseau de l’ordinateur.',
  'sync.store.database':
    'L’identifiant de l’établissement est gardé dans la base chiffrée (pas de trousseau ici).',
  'sync.rejectedTitle': 'Modifications mises de côté par le serveur',
  'sync.rejected.record': 'Fiche',
  'sync.rejected.reason': 'Raison donnée par le serveur',
  'sync.retry': 'Les renvoyer',
  'sync.detail': 'Détails : {detail}',
};
