/** Home screen. */
export const homeEn = {
  'home.title': 'Home',
  'home.welcome': 'Welcome, {name}',
  'home.facility': 'Facility',
  'home.code': 'Facility code',
  'home.district': 'District',
  'home.country': 'Country',
  'home.glance': 'At a glance',
  'home.activeStaff': 'Active staff accounts',
  'home.signInsToday': 'Sign-ins today',
  'home.updatedAt': 'Updated at {time}',
  'home.refresh': 'Refresh',
  'home.findPatient': 'Find a patient',
  'home.nextSteps': 'What to do next',
  'home.addStaffHint':
    'Your account administers CareDesk and does not see patients. Add an account for each person who registers patients or records visits.',
  'home.addStaff': 'Add staff accounts',
  'home.nav': 'Home',
} as const;
