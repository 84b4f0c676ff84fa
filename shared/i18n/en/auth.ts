/** Sign-in screen and why a session ended. */
export const authEn = {
  'login.title': 'Sign in',
  'login.subtitle': 'Use your own account: everything you do is recorded under your name.',
  'login.username': 'Username',
  'login.password': 'Password',
  'login.submit': 'Sign in',
  'session.logout': 'You have signed out.',
  'session.expired': 'Your session ended. Please sign in again.',
  'session.locked': 'CareDesk was locked. Please sign in again.',
  'session.unlocked': 'CareDesk was unlocked.',
  'session.ended': 'Your session was ended. Please sign in again.',
} as const;
