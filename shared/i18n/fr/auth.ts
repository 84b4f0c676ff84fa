import type { authEn } from '../en/auth';
import type { Translation } from '../types';

export const authFr: Translation<typeof authEn> = {
  'login.title': 'Connexion',
  'login.subtitle': 'Utilisez votre propre compte : tout ce que vous faites est enregistré à votre nom.',
  'login.username': 'Nom d’utilisateur',
  'login.password': 'Mot de passe',
  'login.submit': 'Se connecter',
  'session.logout': 'Vous êtes déconnecté·e.',
  'session.expired': 'Votre session a pris fin. Veuillez vous reconnecter.',
  'session.locked': 'CareDesk a été verrouillé. Veuillez vous reconnecter.',
  'session.unlocked': 'CareDesk a été déverrouillé.',
  'session.ended': 'Votre session a été fermée. Veuillez vous reconnecter.',
};
