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
  'admin.sync': '/admin/sync',
  // Patients. "new" before ":patientId": the first matching route wins.
  patients: '/patients',
  'patients.register': '/patients/new',
  'patients.chart': '/patients/:patientId',
  'patients.edit': '/patients/:patientId/edit',
  'visits.new': '/patients/:patientId/visits/new',
  'referrals.new': '/patients/:patientId/refer',
  'visits.edit': '/visits/:visitId',
  // Appointments list: today, week or missed.
  appointments: '/appointments/:list',
  referrals: '/referrals',
  directory: '/directory',
  'imports.patients': '/imports/patients',
  // CMAM and programmes.
  cmam: '/cmam',
  'cmam.admit': '/patients/:patientId/cmam/admit',
  'cmam.episode': '/cmam/episodes/:episodeId',
  'cmam.defaulters': '/cmam/defaulters',
  'cmam.dashboard': '/cmam/dashboard',
  'cmam.stock': '/cmam/stock',
  'cmam.settings': '/cmam/settings',
  programmes: '/programmes',
  'programmes.patient': '/patients/:patientId/programmes',
  // Pregnancy tracking.
  'pregnancy.register': '/patients/:patientId/pregnancy/new',
  'pregnancy.view': '/pregnancies/:pregnancyId',
  'pregnancy.lists': '/anc',
  reports: '/reports',
  exchange: '/exchange',
} as const;
