import type { errorsEn } from '../en/errors';
import type { Translation } from '../types';

export const errorsFr: Translation<typeof errorsEn> = {
  'code.VALIDATION': 'Veuillez corriger les champs signalés.',
  'code.UNAUTHENTICATED': 'Veuillez d’abord vous connecter.',
  'code.FORBIDDEN': 'Votre rôle ne permet pas cette action.',
  'code.NOT_FOUND': 'Cet enregistrement est introuvable.',
  'code.CONFLICT': 'Cela contredit ce qui est déjà enregistré.',
  'code.LOCKED': 'CareDesk est verrouillé. Veuillez vous connecter.',
  'code.RATE_LIMITED': 'Trop de tentatives. Patientez un moment puis réessayez.',
  'code.REAUTH_REQUIRED': 'Veuillez saisir à nouveau votre mot de passe pour confirmer cette action.',
  'code.UNKNOWN_CHANNEL': 'Cette demande ne fait pas partie de CareDesk.',
  'code.DATABASE': 'La base de données n’a pas pu être utilisée. Rien n’a été enregistré.',
  'code.INTERNAL': 'Un problème est survenu dans CareDesk. Rien n’a été enregistré. Veuillez réessayer.',
  'error.details': 'Détails : {detail}',

  'core.badCredentials': 'Nom d’utilisateur ou mot de passe incorrect.',
  'core.signInFirst': 'Veuillez d’abord vous connecter.',
  'core.forbidden': 'Votre rôle ne permet pas cette action.',
  'core.unknownChannel': 'Cette demande ne fait pas partie de CareDesk.',
  'core.locked': 'La base de données est verrouillée. Veuillez vous connecter.',
  'core.notSetUp': 'CareDesk n’est pas encore installé sur cet ordinateur.',
  'core.alreadySetUp': 'Cet ordinateur a déjà un établissement CareDesk configuré. Connectez-vous plutôt.',
  'core.deactivated': 'Ce compte est désactivé. Adressez-vous à votre administrateur.',
  'core.diskFailed':
    'L’ordinateur n’a pas pu écrire sur son disque (il est peut-être plein ou défaillant). Rien n’a été enregistré.',
  'core.internal': 'Un problème est survenu dans CareDesk. Rien n’a été enregistré. Veuillez réessayer.',
  'core.unreadable':
    'La base de données n’a pas pu être ouverte : la clé est incorrecte ou le fichier est endommagé.',
  'core.facilityMissing': 'L’enregistrement de l’établissement manque dans la base de données.',
  'core.unreachable':
    'CareDesk ne parvient pas à joindre son service de base de données. Vérifiez que CareDesk fonctionne toujours, puis réessayez.',
  'core.ipcUnreachable': 'CareDesk n’a pas pu joindre son service de données. Veuillez réessayer.',
  'core.badReply': 'CareDesk a reçu une réponse illisible. Rien n’a été modifié. Veuillez réessayer.',
  'core.usernameTaken': 'Quelqu’un a déjà ce nom d’utilisateur. Choisissez-en un autre.',
  'field.taken': 'est déjà pris',
  'core.mustChangePassword': 'Changez d’abord votre mot de passe temporaire.',
  'core.sessionLocked':
    'CareDesk est verrouillé. Déverrouillez-le avec votre code PIN ou votre mot de passe.',
  'core.reauth': 'Entrez à nouveau votre mot de passe pour confirmer ce changement.',
  'core.tooManyUnlocks':
    'Trop de tentatives erronées : la session a été fermée. Connectez-vous avec votre mot de passe.',
  'core.badRecovery': 'Le code de récupération ou l’identifiant administrateur est incorrect.',
  'core.selfDeactivate': 'Vous ne pouvez pas désactiver votre propre compte.',
  'core.workingDatabase':
    'Cet ordinateur a déjà une base CareDesk qui fonctionne. Connectez-vous en administrateur pour la remplacer.',
  'core.badToken': 'L’hôte de test ne reconnaît pas cet onglet. Ouvrez le lien affiché par npm run dev:web.',

  'field.required': 'est obligatoire',
  'field.minChars': 'doit contenir au moins {n} caractères',
  'field.maxChars': 'doit contenir au plus {n} caractères',
  'field.minItems': 'doit contenir au moins {n} élément(s)',
  'field.maxItems': 'peut contenir au plus {n} élément(s)',
  'field.min': 'doit être au moins {n}',
  'field.max': 'doit être au plus {n}',
  'field.wholeNumber': 'doit être un nombre entier',
  'field.number': 'doit être un nombre',
  'field.text': 'doit être du texte',
  'field.wrongType': 'n’a pas le bon type',
  'field.oneOf': 'doit être l’une de ces valeurs : {values}',
  'field.date': 'doit être une date réelle (AAAA-MM-JJ)',
  'field.format': 'n’a pas le bon format ({format})',
  'field.unexpected': 'contient des champs inattendus : {keys}',
  'field.controlChars': 'contient des caractères de contrôle invisibles',
  'field.usernameChars':
    'ne peut contenir que des lettres a–z, des chiffres, le point, le tiret et le tiret bas',
  'field.codeChars': 'ne peut contenir que des lettres, des chiffres, le point, le tiret et le tiret bas',
  'field.confirmMismatch': 'ne correspond pas au mot de passe',
};
