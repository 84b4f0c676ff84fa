/** Words used across screens: app bar, buttons, loading and crash screens. */
export const commonEn = {
  'app.name': 'CareDesk',
  'app.language': 'Language',
  'app.signOut': 'Sign out',
  'app.loading': 'Loading…',
  'app.retry': 'Try again',
  'app.notFound': 'This page does not exist.',
  'app.goHome': 'Go to the home page',
  'app.unreachable': 'CareDesk cannot reach its database service.',
  'crash.title': 'Something went wrong on this screen',
  'crash.body':
    'Nothing you saved before is lost. Reload the screen to continue; if it happens again, tell your IT person what you were doing.',
  'crash.reload': 'Reload the screen',
  'form.required': 'Required',
  'form.fieldError': '{label} {message}',
  'form.unsaved.title': 'Leave without saving?',
  'form.unsaved.body':
    'The changes you typed on this form are not saved yet. If you leave now they are lost.',
  'form.unsaved.stay': 'Keep editing',
  'form.unsaved.leave': 'Leave and lose the changes',
  'form.saveHint': 'Enter moves to the next field · Ctrl+Enter saves',
  'role.admin': 'Administrator',
  'role.manager': 'Manager',
  'role.clinician': 'Clinician',
  'role.clerk': 'Clerk',
  'role.researcher': 'Researcher',
} as const;
