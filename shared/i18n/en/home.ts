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
} as const;
