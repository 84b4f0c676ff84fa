import type { commonEn } from '../en/common';
import type { Translation } from '../types';

export const commonFr: Translation<typeof commonEn> = {
  'app.name': 'CareDesk',
  'app.language': 'Langue',
  'app.signOut': 'Se déconnecter',
  'app.loading': 'Chargement…',
  'app.retry': 'Réessayer',
  'app.notFound': 'Cette page n’existe pas.',
  'app.goHome': 'Aller à l’accueil',
  'app.unreachable': 'CareDesk ne parvient pas à joindre son service de base de données.',
  'crash.title': 'Un problème est survenu sur cet écran',
  'crash.body':
    'Rien de ce que vous avez enregistré n’est perdu. Rechargez l’écran pour continuer ; si cela se reproduit, dites à votre informaticien ce que vous faisiez.',
  'crash.reload': 'Recharger l’écran',
  'form.required': 'Obligatoire',
  'form.fieldError': '{label} : {message}',
  'form.unsaved.title': 'Quitter sans enregistrer ?',
  'form.unsaved.body':
    'Les modifications saisies dans ce formulaire ne sont pas encore enregistrées. Si vous quittez maintenant, elles seront perdues.',
  'form.unsaved.stay': 'Continuer la saisie',
  'form.unsaved.leave': 'Quitter et perdre les modifications',
  'form.saveHint': 'Entrée passe au champ suivant · Ctrl+Entrée enregistre',
  'role.admin': 'Administrateur',
  'role.manager': 'Responsable',
  'role.clinician': 'Soignant·e',
  'role.clerk': 'Agent de saisie',
  'role.researcher': 'Chercheur·e',
};
