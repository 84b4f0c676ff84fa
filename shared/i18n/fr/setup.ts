import type { setupEn } from '../en/setup';
import type { Translation } from '../types';

export const setupFr: Translation<typeof setupEn> = {
  'setup.title': 'Installer CareDesk sur cet ordinateur',
  'setup.intro':
    'Cette étape se fait une seule fois. Créez l’établissement et le premier compte administrateur ; l’administrateur ajoutera ensuite les autres agents.',
  'setup.facility': 'Établissement',
  'setup.facilityName': 'Nom de l’établissement',
  'setup.facilityCode': 'Code de l’établissement',
  'setup.facilityCodeHelp': 'Le code utilisé dans les rapports, par exemple KSD-01',
  'setup.district': 'District',
  'setup.country': 'Pays',
  'setup.admin': 'Compte administrateur',
  'setup.username': 'Nom d’utilisateur',
  'setup.usernameHelp': 'Lettres a–z, chiffres, point, tiret ou tiret bas ; sert à se connecter',
  'setup.fullName': 'Nom complet',
  'setup.password': 'Mot de passe',
  'setup.passwordHelp':
    'Au moins 10 caractères. Une courte phrase est facile à retenir et difficile à deviner.',
  'setup.confirmPassword': 'Confirmer le mot de passe',
  'setup.seesPatients':
    'Je reçois aussi des patients (ce compte enregistre les patients et les consultations)',
  'setup.submit': 'Créer l’établissement',
  'setup.working': 'Création de la base de données chiffrée. Cela prend quelques secondes…',
  'recovery.title': 'Votre code de récupération',
  'recovery.body':
    'Ce code ouvre la base de données si tous les mots de passe sont perdus. Il n’est affiché qu’une seule fois.',
  'recovery.instructions':
    'Recopiez-le sur papier maintenant, ou imprimez cette page, et rangez-le sous clé, loin de cet ordinateur.',
  'recovery.warning': 'Ne fermez pas CareDesk avant de l’avoir recopié : il ne pourra plus être affiché.',
  'recovery.print': 'Imprimer',
  'recovery.acknowledge': 'J’ai recopié le code de récupération et je l’ai rangé en lieu sûr',
  'recovery.continue': 'Continuer vers CareDesk',
  'recovery.printedFor': 'Code de récupération CareDesk pour {facility} ({code})',
};
