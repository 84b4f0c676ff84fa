import type { homeEn } from '../en/home';
import type { Translation } from '../types';

export const homeFr: Translation<typeof homeEn> = {
  'home.title': 'Accueil',
  'home.welcome': 'Bienvenue, {name}',
  'home.findPatient': 'Rechercher un patient',
  'home.nextSteps': 'Prochaine étape',
  'home.addStaffHint':
    'Votre compte administre CareDesk et ne voit pas les patients. Ajoutez un compte pour chaque personne qui enregistre des patients ou des consultations.',
  'home.addStaff': 'Ajouter des comptes du personnel',
  'home.nav': 'Accueil',
  'home.facility': 'Établissement',
  'home.code': 'Code de l’établissement',
  'home.district': 'District',
  'home.country': 'Pays',
  'home.glance': 'En bref',
  'home.activeStaff': 'Comptes actifs',
  'home.signInsToday': 'Connexions aujourd’hui',
  'home.updatedAt': 'Mis à jour à {time}',
  'home.refresh': 'Actualiser',
};
