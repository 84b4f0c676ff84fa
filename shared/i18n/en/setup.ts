/** First-run setup and the recovery-code panel. */
export const setupEn = {
  'setup.title': 'Set up CareDesk on this computer',
  'setup.intro':
    'This is done once. Create the facility and the first administrator account; the administrator adds other staff later.',
  'setup.facility': 'Facility',
  'setup.facilityName': 'Facility name',
  'setup.facilityCode': 'Facility code',
  'setup.facilityCodeHelp': 'The code used in reports, for example KSD-01',
  'setup.district': 'District',
  'setup.country': 'Country',
  'setup.admin': 'Administrator account',
  'setup.username': 'Username',
  'setup.usernameHelp': 'Letters a–z, digits, dot, dash or underscore; used to sign in',
  'setup.fullName': 'Full name',
  'setup.password': 'Password',
  'setup.passwordHelp': 'At least 10 characters. A short sentence is easy to remember and hard to guess.',
  'setup.confirmPassword': 'Confirm password',
  'setup.seesPatients': 'I also see patients (this account registers patients and records visits)',
  'setup.submit': 'Create the facility',
  'setup.working': 'Creating the encrypted database. This takes a few seconds…',
  'recovery.title': 'Your recovery code',
  'recovery.body':
    'This code opens the database if every staff password is lost. It is shown only this once.',
  'recovery.instructions':
    'Write it down on paper now, or print this page, and keep it locked away from this computer.',
  'recovery.warning': 'Do not close CareDesk before you have written it down: it cannot be shown again.',
  'recovery.print': 'Print',
  'recovery.acknowledge': 'I have written down the recovery code and stored it safely',
  'recovery.continue': 'Continue to CareDesk',
  'recovery.printedFor': 'CareDesk recovery code for {facility} ({code})',
} as const;
