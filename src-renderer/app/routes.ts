/**
 * Every screen of the signed-in app: route name → hash path (`:name` marks a parameter, e.g.
 * `'patients.chart': '/patients/:patientId'`). Add the screen component for a new route in screens.tsx.
 * Setup and sign-in are not routes: the app shows them from app.status (see App.tsx).
 */
export const routes = {
  home: '/home',
  account: '/account',
  'admin.users': '/admin/users',
  'admin.audit': '/admin/audit',
  'admin.backups': '/admin/backups',
} as const;
